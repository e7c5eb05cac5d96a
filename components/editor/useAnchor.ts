'use client';

import { useLayoutEffect, useState, type RefObject } from 'react';
import type { CodePointRange } from '@/lib/offsets';
import type { Anchor, TextController } from './TextView';

/**
 * Where the popover for `range` goes, kept right when the window is resized or the spans
 * change (the number of lanes changes line heights, and with them where the range ends).
 */
export function useAnchor(text: RefObject<TextController | null>, range: CodePointRange | null, layoutVersion: unknown): Anchor | null {
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  // Numbers, not the range object, so the popover moves only when it has to.
  const start = range?.start ?? -1;
  const end = range?.end ?? -1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutVersion is the signal that line heights changed, so the anchor must be measured again.
  useLayoutEffect(() => {
    const place = () => setAnchor(start < 0 ? null : (text.current?.anchorOf({ start, end }) ?? null));
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [text, start, end, layoutVersion]);
  return anchor;
}
