import { addCounts } from '@/lib/formats/counts';
import { describe, expect, it } from 'vitest';
import { emptyBioStats } from '@/lib/formats/bio';
import { countDocument, datasetCard, emptyCardCounts, type DatasetCardInput } from '@/lib/formats/card';
import { conllDocument } from '@/lib/formats/conll';
import { SAMPLE_DOCUMENTS, SAMPLE_SCHEMA } from '../support/formats-sample';

function input(): DatasetCardInput {
  const counts = emptyCardCounts();
  let stats = emptyBioStats();
  for (const doc of SAMPLE_DOCUMENTS) {
    countDocument(counts, doc);
    stats = addCounts(stats, conllDocument(doc).stats);
  }
  return {
    project: { name: 'Border | talks', description: 'Stance and framing in news about the border.', license: 'cc-by-4.0' },
    schema: SAMPLE_SCHEMA,
    format: 'conll',
    counts,
    source: 'gold',
    annotators: [{ id: 'user-1', name: 'Ayesha' }, { id: 'gold' }],
    agreement: { 'ENTITY span F1': 0.82, "Krippendorff's alpha (STANCE)": 0.71 },
    exportedAt: '2026-03-12T10:00:00.000Z',
    glossaVersion: '0.1.0',
    formatNotes: { ...stats },
  };
}

describe('dataset card', () => {
  const card = datasetCard(input());

  it('counts annotations per layer and label as documents stream by', () => {
    expect(card.json.documents).toBe(2);
    const entity = card.json.layers.find((layer) => layer.layer === 'ENTITY');
    expect(entity?.total).toBe(6);
    expect(entity?.labels).toContainEqual({ key: 'GPE', name: 'Geo-political entity', count: 2 });
    expect(entity?.labels).toContainEqual({ key: 'LOC', name: 'Location', count: 1, retired: true });
    expect(card.json.layers.map((layer) => [layer.layer, layer.total])).toEqual([
      ['ENTITY', 6],
      ['STANCE', 2],
      ['FRAME', 1],
      ['RELATION', 2],
      ['DOCUMENT', 2],
    ]);
  });

  it('carries sources, agreement and format notes in JSON', () => {
    expect(card.json).toMatchObject({
      format: 'conll',
      source: 'gold',
      license: 'cc-by-4.0',
      glossaVersion: '0.1.0',
      formatNotes: { tokensSplit: 1, droppedNested: 1 },
    });
    expect(card.json.agreement['ENTITY span F1']).toBe(0.82);
    expect(JSON.parse(JSON.stringify(card.json))).toEqual(card.json);
  });

  it('renders Markdown with YAML front matter and escaped tables', () => {
    expect(card.markdown.startsWith('---\npretty_name: "Border | talks"\nlicense: "cc-by-4.0"\n---\n\n# Border \\| talks\n')).toBe(true);
    expect(card.markdown).toContain('| GPE | Geo-political entity | 2 |');
    expect(card.markdown).toContain('| LOC | Location (retired) | 1 |');
    expect(card.markdown).toContain('| afghan_taliban | Afghan Taliban | IEA |');
    expect(card.markdown).toContain("| Krippendorff's alpha (STANCE) | 0.71 |");
    expect(card.markdown).toContain('| droppedNested | 1 |');
    expect(card.markdown).toContain('- Ayesha (`user-1`)');
  });

  it('leaves retired stance targets out and says how many exported annotations still name one', () => {
    const base = input();
    const retired = datasetCard({
      ...base,
      schema: { ...base.schema, targets: base.schema.targets.map((target) => (target.key === 'afghan_taliban' ? { ...target, retired: true } : target)) },
    });
    expect(retired.json.targets.map((target) => target.key)).toEqual(['pakistan']);
    // One stance span and one per-target answer of the sample name afghan_taliban.
    expect(retired.json.retiredTargetAnnotations).toBe(2);
    expect(retired.markdown).not.toContain('Afghan Taliban');
    expect(retired.markdown).toContain(
      "2 stance annotations or answers name targets retired from the schema since; they are in this file with the target's key.",
    );
    expect(card.json.retiredTargetAnnotations).toBe(0);
    expect(card.markdown).not.toContain('retired from the schema');
  });
});
