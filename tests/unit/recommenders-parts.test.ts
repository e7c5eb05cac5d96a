import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '@/lib/offsets';
import { waitFor } from '@/lib/recommenders/call';
import { chunkDocument } from '@/lib/recommenders/chunks';
import { hostRefusal } from '@/lib/recommenders/hosts';
import { locateQuote } from '@/lib/recommenders/locate';

describe('outbound allow-list', () => {
  const env = { GLOSSA_RECOMMENDER_HOSTS: 'models.lab.org, 127.0.0.1:11434' };
  it('allows a listed host on any port, a listed host:port on that port only, and nothing when unset refuses only non-http URLs', () => {
    expect(hostRefusal('https://models.lab.org:8443/v1', env)).toBeNull();
    expect(hostRefusal('http://127.0.0.1:11434/v1', env)).toBeNull();
    expect(hostRefusal('http://127.0.0.1:8080/v1', env)).toBe(
      '127.0.0.1:8080 is not in GLOSSA_RECOMMENDER_HOSTS (models.lab.org, 127.0.0.1:11434); the operator decides which hosts recommenders may call.',
    );
    expect(hostRefusal('http://169.254.169.254/latest', {})).toBeNull();
    expect(hostRefusal('file:///etc/passwd', {})).toBe('file:///etc/passwd is not an http(s) URL.');
  });
});

describe('locating quotes', () => {
  const index = new OffsetIndex('😀 TTP, TTP and TTP');
  it('finds the nth occurrence, every occurrence, or the first, in code points', () => {
    expect(locateQuote(index, 'TTP', 2, true)).toEqual([{ start: 7, end: 10 }]);
    expect(locateQuote(index, 'TTP', null, true)).toEqual([
      { start: 2, end: 5 },
      { start: 7, end: 10 },
      { start: 15, end: 18 },
    ]);
    expect(locateQuote(index, 'TTP', null, false)).toEqual([{ start: 2, end: 5 }]);
    expect(locateQuote(index, 'TTP', 4, true)).toBe('occurrence not in the text');
    expect(locateQuote(index, 'IS', null, true)).toBe('quote not in the text');
  });
});

describe('chunking', () => {
  it('cuts on paragraph boundaries, repeats up to `overlap` of the previous piece, and covers the whole text', () => {
    const paragraphs = Array.from({ length: 5 }, (_, i) => `${i}`.repeat(100));
    const text = paragraphs.join('\n\n');
    const chunks = chunkDocument(new OffsetIndex(text), 250, 120);
    expect(chunks.map((c) => [c.start, c.text.length])).toEqual([
      [0, 202],
      [102, 202],
      [204, 202],
      [306, 202],
    ]);
    for (const chunk of chunks) expect(text.slice(chunk.start, chunk.start + chunk.text.length)).toBe(chunk.text);
  });
});

describe('retry waits', () => {
  it('honours Retry-After in seconds, else backs off exponentially, never past a minute', () => {
    expect(waitFor('2', 0, 500)).toBe(2000);
    expect(waitFor(null, 0, 500)).toBe(500);
    expect(waitFor(null, 3, 500)).toBe(4000);
    expect(waitFor('3600', 0, 500)).toBe(60_000);
  });
});
