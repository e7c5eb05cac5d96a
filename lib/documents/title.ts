/** Longest title taken from a text; a first line longer than this is cut at a word. */
export const TITLE_FROM_TEXT_CHARACTERS = 80;

/**
 * A document's name when nothing else names it (text pasted in, a JSON record without `name`):
 * its first line that has any letters or digits, with runs of white space as one space, cut at
 * a word past 80 characters with "…".
 */
export function titleFromText(text: string): string {
  const line = text.split(/\r\n|\r|\n/).find((candidate) => /[\p{L}\p{N}]/u.test(candidate));
  if (line === undefined) return 'Untitled';
  const title = line.replace(/\s+/gu, ' ').trim();
  const points = [...title];
  if (points.length <= TITLE_FROM_TEXT_CHARACTERS) return title;
  const cut = points.slice(0, TITLE_FROM_TEXT_CHARACTERS).join('');
  const atWord = cut.replace(/\s+\S*$/u, '');
  return `${atWord.length > 0 ? atWord : cut}…`;
}
