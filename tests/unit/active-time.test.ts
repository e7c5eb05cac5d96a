import { describe, expect, it } from 'vitest';
import { afterBeat, MAX_GAP_SECONDS } from '@/lib/assignments/active-time';
import { formatDuration } from '@/lib/assignments/duration';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, seconds));

describe('afterBeat', () => {
  it('counts the gaps of one stretch and nothing before its first beat', () => {
    let clock = afterBeat({ activeSeconds: 0, lastBeatAt: null }, at(0), false);
    expect(clock).toEqual({ activeSeconds: 0, lastBeatAt: at(0) });
    clock = afterBeat(clock, at(15), false);
    clock = afterBeat(clock, at(31), true);
    expect(clock).toEqual({ activeSeconds: 31, lastBeatAt: null });
  });

  it('leaves out a gap longer than an idle minute plus one beat, and a clock that went backwards', () => {
    const idle = afterBeat({ activeSeconds: 100, lastBeatAt: at(0) }, at(MAX_GAP_SECONDS + 1), false);
    expect(idle).toEqual({ activeSeconds: 100, lastBeatAt: at(MAX_GAP_SECONDS + 1) });
    expect(afterBeat({ activeSeconds: 100, lastBeatAt: at(0) }, at(MAX_GAP_SECONDS), true).activeSeconds).toBe(100 + MAX_GAP_SECONDS);
    expect(afterBeat({ activeSeconds: 100, lastBeatAt: at(30) }, at(10), false).activeSeconds).toBe(100);
  });
});

describe('formatDuration', () => {
  it('reads as seconds, minutes, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(3569)).toBe('59 min');
    expect(formatDuration(3570)).toBe('1 h 00 min');
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 05 min');
  });
});
