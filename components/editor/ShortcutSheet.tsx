import { Fragment } from 'react';
import styles from './dialog.module.css';

/**
 * The sheet as it reads: a section's title, then its shortcuts indented, one a line, the keys
 * (joined by “ + ”) and what they do separated by “ — ”.
 * Ctrl+Shift+arrows is the system's own "extend by word" on Windows and Linux (Alt/Option on a Mac): nothing to clash with.
 */
const SHEET = `
Selecting text without the mouse (focus in the text)
  ← + → + ↑ + ↓ — Move the caret
  Shift + ←/→ — Extend the selection by a character (it snaps to whole words as a mouse selection does)
  Ctrl + Shift + ←/→ — Extend the selection by a word (Option + Shift on a Mac)
After selecting text
  hotkey — Create a span with that label (hotkeys are shown in the palette and the picker)
  / — Search labels by name, then Enter (also Space or Tab, or a letter that is not a hotkey; from then on every letter searches)
  ↑ + ↓ — Move in a list; Enter chooses
  Esc — Close the picker
Spans
  Enter — Select the span at the caret; again for the next span enclosing it
  ] — Select the next span (after the caret or the selected span)
  [ — Select the previous span
  c — Change the selected span’s label
  t — Change a stance span’s target
  r — Link the selected span to another span (relation)
  u — Mark the selected span unsure, or not
  n — Write a note on the selected span for the curators
  Delete — Delete the selected span
  Esc — Deselect
Find in the document
  Ctrl/⌘ + F — Open the find bar (again in the find field: the browser’s own find)
  Enter — Next match (also F3)
  Shift + Enter — Previous match (also Shift + F3)
  Esc — Close the find bar, caret at the current match
Label palette (beside the text)
  click — Apply the label to the selected text, or relabel the selected span (same layer)
  Enter — In the filter: apply the label it names (the highlighted one)
  Esc — In the filter: clear it; again to go back to the text
  ↑ + ↓ — Move between labels; Enter applies
Everywhere
  Ctrl/⌘ + Z — Undo
  Ctrl/⌘ + Shift + Z — Redo (also Ctrl + Y)
  ? — This list of shortcuts
`;

/** SHEET's sections, each shortcut as its keys and what they do. */
function sectionsOf(sheet: string): { title: string; keys: [string[], string][] }[] {
  const sections: { title: string; keys: [string[], string][] }[] = [];
  for (const line of sheet.split('\n').filter((l) => l.trim() !== '')) {
    if (!line.startsWith(' ')) {
      sections.push({ title: line, keys: [] });
      continue;
    }
    const [keys = '', what = ''] = line.trim().split(' — ');
    sections.at(-1)!.keys.push([keys.split(' + '), what]);
  }
  return sections;
}

const SECTIONS = sectionsOf(SHEET);

export function ShortcutSheet() {
  return (
    <>
      {SECTIONS.map((section) => (
        <section key={section.title} className={styles.sheetSection}>
          <h3>{section.title}</h3>
          <dl className={styles.keys}>
            {section.keys.map(([keys, what]) => (
              <Fragment key={what}>
                <dt>
                  {keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 && ' + '}
                      <kbd className="keycap">{key}</kbd>
                    </Fragment>
                  ))}
                </dt>
                <dd>{what}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
