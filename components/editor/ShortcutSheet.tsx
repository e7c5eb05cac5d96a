import { Fragment } from 'react';
import styles from './dialog.module.css';

const SECTIONS: { title: string; keys: [string[], string][] }[] = [
  {
    // Ctrl+Shift+arrows is the system's own "extend by word" on Windows and Linux (Alt/Option on a Mac): nothing to clash with.
    title: 'Selecting text without the mouse (focus in the text)',
    keys: [
      [['←', '→', '↑', '↓'], 'Move the caret'],
      [['Shift', '←/→'], 'Extend the selection by a character (it snaps to whole words as a mouse selection does)'],
      [['Ctrl', 'Shift', '←/→'], 'Extend the selection by a word (Option + Shift on a Mac)'],
    ],
  },
  {
    title: 'After selecting text',
    keys: [
      [['hotkey'], 'Create a span with that label (hotkeys are shown in the palette and the picker)'],
      [['/'], 'Search labels by name, then Enter (also Space or Tab, or a letter that is not a hotkey; from then on every letter searches)'],
      [['↑', '↓'], 'Move in a list; Enter chooses'],
      [['Esc'], 'Close the picker'],
    ],
  },
  {
    title: 'Spans',
    keys: [
      [['Enter'], 'Select the span at the caret; again for the next span enclosing it'],
      [[']'], 'Select the next span (after the caret or the selected span)'],
      [['['], 'Select the previous span'],
      [['c'], 'Change the selected span’s label'],
      [['t'], 'Change a stance span’s target'],
      [['r'], 'Link the selected span to another span (relation)'],
      [['u'], 'Mark the selected span unsure, or not'],
      [['n'], 'Write a note on the selected span for the curators'],
      [['Delete'], 'Delete the selected span'],
      [['Esc'], 'Deselect'],
    ],
  },
  {
    title: 'Find in the document',
    keys: [
      [['Ctrl/⌘', 'F'], 'Open the find bar (again in the find field: the browser’s own find)'],
      [['Enter'], 'Next match (also F3)'],
      [['Shift', 'Enter'], 'Previous match (also Shift + F3)'],
      [['Esc'], 'Close the find bar, caret at the current match'],
    ],
  },
  {
    title: 'Label palette (beside the text)',
    keys: [
      [['click'], 'Apply the label to the selected text, or relabel the selected span (same layer)'],
      [['Enter'], 'In the filter: apply the label it names (the highlighted one)'],
      [['Esc'], 'In the filter: clear it; again to go back to the text'],
      [['↑', '↓'], 'Move between labels; Enter applies'],
    ],
  },
  {
    title: 'Everywhere',
    keys: [
      [['Ctrl/⌘', 'Z'], 'Undo'],
      [['Ctrl/⌘', 'Shift', 'Z'], 'Redo (also Ctrl + Y)'],
      [['?'], 'This list of shortcuts'],
    ],
  },
];

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
                      <kbd>{key}</kbd>
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
