/** Wording for the on/off project settings, shared by the forms and the read-only summary. */
export const TOGGLES = {
  blindMode: {
    label: 'Blind annotation',
    hint: 'Annotators see only their own work. Curators, managers and owners always see everyone’s.',
  },
  allowOverlap: {
    label: 'Allow overlapping spans',
    hint: 'Annotators may mark spans that overlap spans already marked.',
  },
  snapToWords: {
    label: 'Snap selections to whole words',
    hint: 'A selection that starts or ends inside a word is widened to the word boundary.',
  },
  showGoldToAnnotators: {
    label: 'Show gold annotations to annotators',
    hint:
      'Annotators can see the adjudicated gold layer after submitting a document. Once they have seen ' +
      'it, only a curator can reopen their work, and changes they make after that are flagged and left ' +
      'out of agreement.',
  },
  allowSelfAssignment: {
    label: 'Annotators may assign themselves',
    hint: 'Annotators may open and annotate documents nobody assigned to them. Off: they work only on their assignments.',
  },
} as const;

export type ToggleName = keyof typeof TOGGLES;

export const TOGGLE_NAMES = Object.keys(TOGGLES) as ToggleName[];

export const ANNOTATORS_PER_DOCUMENT = { label: 'Annotators per document', min: 1, max: 20 } as const;
