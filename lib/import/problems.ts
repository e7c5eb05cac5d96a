import { HttpError } from '@/lib/http/errors';
import { MAX_LISTED_PROBLEMS } from './limits';
import type { Problem } from './prepare';

/** One listed problem of a rejected import, as the 422 answer's `details.problems` holds it. */
export interface ListedProblem {
  file: string;
  line?: number;
  record?: number;
  reason: string;
}

/** The `details` of a 422 `import_rejected` answer: the first MAX_LISTED_PROBLEMS problems and how many there were in all. */
export interface RejectionDetails {
  problems: ListedProblem[];
  problemsTotal: number;
}

/** Every problem of a batch: the first MAX_LISTED_PROBLEMS kept, all of them counted. */
export class ProblemList {
  readonly listed: Problem[] = [];
  total = 0;

  add(...problems: Problem[]): void {
    for (const problem of problems) {
      this.total += 1;
      if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
    }
  }

  /** The 422 that rejects the batch: the listed problems and the total as details, both also in the message. */
  rejection(): HttpError {
    const details: RejectionDetails = {
      problems: this.listed.map((p) => ({ file: p.location.file, line: p.location.line, record: p.location.record, reason: p.reason })),
      problemsTotal: this.total,
    };
    const first = this.listed[0]!;
    const at = first.location.line ? `:${first.location.line}` : first.location.record !== undefined ? ` record ${first.location.record}` : '';
    const where = `${first.location.file}${at}`;
    const count =
      this.total > this.listed.length
        ? `${this.total} problems (the first ${this.listed.length} listed, ${this.total - this.listed.length} more not listed)`
        : `${this.total} problem(s)`;
    return new HttpError(422, 'import_rejected', `Nothing was imported: ${count}, the first at ${where}: ${first.reason}`, details);
  }
}
