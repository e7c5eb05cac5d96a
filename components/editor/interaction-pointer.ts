import { nextInCycle } from '@/lib/editor/hit';
import type { Span } from '@/lib/editor/model';
import { activeKeyOf, idle } from './mode';
import type { InteractionCore } from './useInteraction';

/**
 * A click on the text, given the spans drawn under the clicked character: picks the link
 * target while linking, otherwise selects the next of those spans (clicking again cycles
 * through nested spans) or nothing.
 */
export function pointerHandler({ state, actions, view }: InteractionCore): (keys: string[]) => void {
  return (keys) => {
    const { mode } = state;
    const spans = keys.map((key) => view.spans.get(key)).filter((span): span is Span => span !== undefined);
    if (mode.kind === 'linkTarget') {
      const target = nextInCycle(
        spans.filter((span) => span.key !== mode.sourceKey),
        null,
      );
      if (target) actions.chooseLinkTarget(mode.sourceKey, target.key);
      return;
    }
    const next = nextInCycle(spans, activeKeyOf(mode));
    state.setMode(next ? { kind: 'span', spanKey: next.key } : idle);
  };
}
