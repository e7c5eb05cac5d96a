/**
 * Focuses an element that the current update renders (a new row, a restored
 * item): it exists only after React commits, so this waits for the next frame.
 */
export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The ids of the "Add …" buttons, where focus goes when the row it was in disappears. */
export const addButtonId = (section: string) => `schema-add-${section}`;
