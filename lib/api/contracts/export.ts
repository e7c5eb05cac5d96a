import { defineContract } from '@/lib/api/contract';
import { idParams } from '@/lib/api/schemas';
import { CARD_INFO, FORMAT_INFO } from '@/lib/export/options';
import { exportQuery } from '@/lib/export/query';

export const exportDataset = defineContract({
  method: 'GET',
  path: '/projects/{id}/export',
  tag: 'export',
  summary:
    'Stream the project as a dataset (docs/ARCHITECTURE.md §11 in the Glossa repository): ' +
    'format=jsonl|conll|brat|w3c|stance-csv|semeval|hf|conllu|spacy|webanno-tsv, source=gold|all|annotator:<userId>, filters status=, ' +
    'assignee=, documents=<id,id>, meta.<key>=<value>, limit= (previews), labels=source (conll, conllu, spacy: labels as the imported ' +
    'files spelled them). Archives (brat, hf, webanno-tsv) contain the dataset card as README.md; single files link to it ' +
    '(Link: rel="describedby"), which is format=card (Markdown) or card-json with the same parameters and of=<format>. ' +
    'X-Glossa-Total-Documents gives the document count up front. 409 when source=gold and nothing is adjudicated yet.',
  params: idParams,
  query: exportQuery,
  rawResponse: responseTypes(),
  errors: [403, 404, 409],
});

/** Content type → what it carries, for OpenAPI; brat and hf share application/zip. */
function responseTypes(): Record<string, string> {
  const types: Record<string, string> = {};
  const add = (type: string, text: string) => (types[type] = types[type] ? `${types[type]} | ${text}` : text);
  for (const [format, info] of Object.entries(FORMAT_INFO)) add(info.contentType, `format=${format}: ${info.description}`);
  add(CARD_INFO.card.contentType, 'format=card: the dataset card in Markdown');
  add(CARD_INFO['card-json'].contentType, 'format=card-json: the dataset card as JSON');
  return types;
}
