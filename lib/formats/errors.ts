/** A reader's rejection of its input, naming the file (or format) and 1-based line. */
export class FormatError extends Error {
  constructor(
    readonly source: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${source}${line === undefined ? '' : ` line ${line}`}: ${reason}`);
    this.name = 'FormatError';
  }
}

/** Splits a text file into lines, tolerating CRLF and a trailing newline; numbers are 1-based. */
export function numberedLines(input: string): { line: number; text: string }[] {
  const lines = input.replace(/^\uFEFF/, '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((text, index) => ({ line: index + 1, text: text.endsWith('\r') ? text.slice(0, -1) : text }));
}
