import { describe, expect, it } from 'vitest';
import { TITLE_FROM_TEXT_CHARACTERS, titleFromText } from '@/lib/documents/title';

describe('titleFromText', () => {
  it('takes the first line with letters or digits, spaces collapsed', () => {
    expect(titleFromText('\n  \n---\n  Floods   in\tSindh  \nThe provincial government said …')).toBe('Floods in Sindh');
    expect(titleFromText('افغان طالبان\r\nsecond line')).toBe('افغان طالبان');
    expect(titleFromText(' \n…\n')).toBe('Untitled');
  });

  it('cuts a long first line at a word, in code points', () => {
    const line = `${'word '.repeat(30)}end`;
    const title = titleFromText(line);
    expect(title.endsWith('word…')).toBe(true);
    expect([...title].length).toBeLessThanOrEqual(TITLE_FROM_TEXT_CHARACTERS + 1);
    // One long token has no word to cut at: it is cut where the limit falls.
    expect(titleFromText('𝐀'.repeat(100))).toBe(`${'𝐀'.repeat(TITLE_FROM_TEXT_CHARACTERS)}…`);
  });
});
