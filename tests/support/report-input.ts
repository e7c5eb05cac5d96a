import type { ReportDocument, ReportInput } from '@/lib/review/input';

/**
 * A report's input for unit tests: the annotators by id (named by the id in capitals), the
 * documents, and no labels, targets or questions unless `rest` gives them.
 */
export function reportInput(annotators: string[], documents: ReportDocument[], rest: Partial<ReportInput> = {}): ReportInput {
  return {
    annotators: annotators.map((id) => ({ id, name: id.toUpperCase() })),
    labels: [],
    targets: [],
    questions: [],
    documents,
    documentRule: 'test',
    ...rest,
  };
}
