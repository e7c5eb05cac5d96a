import type { ReportAnswer, ReportInput, ReportSpan } from './input';

/**
 * A recommender run taken as one more coder of the agreement report (issue #18, "the model as an
 * annotator"). Its spans and answers are all the suggestions it made, pending or decided: they
 * are the model's own output, whatever annotators did with them. It counts only for the
 * documents the run covered, so elsewhere it is a missing value, like an unassigned annotator.
 */
export interface ModelCoder {
  /** Coder id in the report: `model:<run id>`, never a user id. */
  id: string;
  /** "<recommender name> · run <short id> · <date>". */
  name: string;
  runId: string;
  recommenderId: string;
  /** The documents the run covered. */
  documentIds: string[];
}

export interface ModelWork {
  coders: ModelCoder[];
  /** Per document, the models' spans and answers (author: the coder id). */
  spans: Map<string, ReportSpan[]>;
  answers: Map<string, ReportAnswer[]>;
}

export const modelCoderId = (runId: string) => `model:${runId}`;

export function modelCoderName(recommender: string, run: { id: string; finishedAt: Date | null; createdAt: Date }): string {
  return `${recommender} · run ${run.id.slice(-6)} · ${(run.finishedAt ?? run.createdAt).toISOString().slice(0, 10)}`;
}

/** The report input with the model coders added, each counted on the documents its run covered. */
export function withModels(input: ReportInput, models: ModelWork): ReportInput {
  if (models.coders.length === 0) return input;
  return {
    ...input,
    annotators: [...input.annotators, ...models.coders.map((c) => ({ id: c.id, name: c.name }))],
    models: models.coders,
    documents: input.documents.map((document) => {
      const covering = models.coders.filter((c) => c.documentIds.includes(document.id)).map((c) => c.id);
      if (covering.length === 0) return document;
      return {
        ...document,
        annotators: [...document.annotators, ...covering],
        spans: [...document.spans, ...(models.spans.get(document.id) ?? [])],
        answers: [...document.answers, ...(models.answers.get(document.id) ?? [])],
      };
    }),
  };
}
