/**
 * A span's "unsure" flag and note (its author's remarks for the curators) travel in exports as two
 * span attributes, so every format that carries attributes carries them without a field of its
 * own: `unsure: true` (absent when not flagged) and `note: "<text>"`. The import takes them back
 * out of the attributes into the span's flag and note (the flag as a boolean, or as the text
 * "true"/"false" of formats whose values are text); a value of another type stays an attribute.
 */
export const UNSURE_ATTRIBUTE = 'unsure';
export const NOTE_ATTRIBUTE = 'note';

export interface SpanRemarkValues {
  unsure: boolean;
  note: string | null;
}

/** The flag and note taken out of imported attributes, and the attributes left. */
export function takeRemarks(
  attributes: Record<string, unknown>,
  fitsNote: (note: string) => boolean,
): SpanRemarkValues & { attributes: Record<string, unknown> } {
  const { [UNSURE_ATTRIBUTE]: unsure, [NOTE_ATTRIBUTE]: note, ...rest } = attributes;
  // Formats whose values are text (WebAnno TSV features) give the flag back as "true".
  const flag = unsure === 'true' ? true : unsure === 'false' ? false : unsure;
  const flagTaken = typeof flag === 'boolean';
  const noteTaken = typeof note === 'string' && fitsNote(note);
  return {
    unsure: flagTaken ? flag : false,
    note: noteTaken ? note : null,
    attributes: {
      ...rest,
      ...(unsure !== undefined && !flagTaken && { [UNSURE_ATTRIBUTE]: unsure }),
      ...(note !== undefined && !noteTaken && { [NOTE_ATTRIBUTE]: note }),
    },
  };
}

/** Whether a span's attributes (as exported) carry its flag or note. */
export function hasRemarks(attributes: Record<string, unknown>): { unsure: boolean; note: boolean } {
  return { unsure: attributes[UNSURE_ATTRIBUTE] === true, note: typeof attributes[NOTE_ATTRIBUTE] === 'string' };
}
