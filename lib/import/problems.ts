import { HttpError } from '@/lib/http/errors';
import type { Problem } from './prepare';

/** How many problems a rejected import lists; past it they are only counted, so a huge bad file gives a bounded answer. */
const MAX_PROBLEMS = 100;

/** Every problem of a batch: the first MAX_PROBLEMS kept, all of them counted. */
export class ProblemList {
  readonly listed: Problem[] = [];
  total = 0;

  add(...problems: Problem[]): void {
    for (const problem of problems) {
      this.total += 1;
      if (this.listed.length < MAX_PROBLEMS) this.listed.push(problem);
    }
  }

  /** The 422 that rejects the batch: the listed problems as details, the total in the message. */
  rejection(): HttpError {
    const details = this.listed.map((p) => ({ file: p.location.file, line: p.location.line, record: p.location.record, reason: p.reason }));
    const first = this.listed[0]!;
    const at = first.location.line ? `:${first.location.line}` : first.location.record !== undefined ? ` record ${first.location.record}` : '';
    const where = `${first.location.file}${at}`;
    const count = this.total > this.listed.length ? `${this.total} problems (the first ${this.listed.length} listed, ${this.total - this.listed.length} more not listed)` : `${this.total} problem(s)`;
    return new HttpError(422, 'import_rejected', `Nothing was imported: ${count}, the first at ${where}: ${first.reason}`, details);
  }
}
