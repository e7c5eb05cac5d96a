import { pickerLabels } from '@/lib/editor/picker';
import { spanLabelForHotkey } from '@/lib/editor/schema';
import { idle, type Subject } from './mode';
import type { InteractionCore } from './useInteraction';

/**
 * Keys typed in the text. The rule for labels: on a fresh selection a hotkey applies its
 * label at once, rendered picker or not. Once a name is being typed (after "/", Space, Tab or
 * a character that is no hotkey), every character filters the list instead, so a name
 * starting with a hotkey letter is found. The returned handler answers true when the key
 * was used (and must not reach ProseMirror).
 */
export function keyboardHandler(core: InteractionCore): (event: KeyboardEvent) => boolean {
  const { state, actions, labels, readOnly } = core;
  const { latest } = state;

  /** Moves typing to the picker's filter; until it has rendered, the text's key handler passes letters on to the query. */
  const startTyping = (subject: Subject, typed: string) => {
    state.setMode({ kind: 'label', subject, typing: true });
    state.setQuery(typed);
    state.pickerInput.current?.focus();
  };

  const onLabelKey = (event: KeyboardEvent, subject: Subject, typing: boolean): boolean => {
    const key = event.key;
    const hotkeyLabel = spanLabelForHotkey(labels, key);
    if (key === 'Escape') actions.cancel();
    else if (key === '/' || key === ' ' || (key === 'Tab' && !event.shiftKey)) startTyping(subject, latest.current.query);
    else if (typing && key.length === 1) startTyping(subject, latest.current.query + key);
    else if (typing && key === 'Enter') {
      // Enter typed before the filter had focus: the best match, as the filter's own Enter would choose.
      const best = pickerLabels(labels, state.pickerLayer, latest.current.query)[0];
      if (best) actions.chooseLabel(subject, best);
    } else if (hotkeyLabel) actions.chooseLabel(subject, hotkeyLabel);
    else if (key.length === 1 && key !== '?') startTyping(subject, key);
    else return key === 'Enter';
    return true;
  };

  const onSpanKey = (key: string, spanKey: string): boolean => {
    if (key === 'Escape') state.setMode(idle);
    else if (key === 'c') actions.relabel(spanKey, false);
    else if (key === 't') actions.retarget(spanKey);
    else if (key === 'r') actions.startLink(spanKey);
    else if (key === 'u') actions.toggleUnsure(spanKey);
    else if (key === 'n') actions.editNote(spanKey);
    else if (key === 'Delete' || key === 'Backspace') actions.remove(spanKey);
    else if (key === 'Enter') actions.selectAtCaret();
    else if (key === ']' || key === '[') actions.stepSpan(key === ']' ? 1 : -1);
    else return false;
    return true;
  };

  return (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const key = event.key;
    // Selecting and stepping through spans only reads: it works on read-only text too.
    if (readOnly && !['Escape', 'Enter', ']', '['].includes(key)) return false;
    const current = latest.current.mode;
    if (current.kind === 'label') return onLabelKey(event, current.subject, current.typing || latest.current.query !== '');
    if (current.kind === 'span') return onSpanKey(key, current.spanKey);
    if (current.kind !== 'idle' && key === 'Escape') actions.cancel();
    else if (key === 'Enter') actions.selectAtCaret();
    else if (key === ']' || key === '[') actions.stepSpan(key === ']' ? 1 : -1);
    else return false;
    return true;
  };
}
