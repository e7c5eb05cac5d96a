import { Fragment } from 'react';
import styles from './dialog.module.css';

const SECTIONS: { title: string; keys: [string[], string][] }[] = [
  {
    title: 'After selecting text (mouse, or Shift + arrow keys)',
    keys: [
      [['hotkey'], 'Create a span with that label (hotkeys are shown in the picker)'],
      [['/'], 'Search labels by name, then Enter (also Space or Tab, or a letter that is not a hotkey; from then on every letter searches)'],
      [['↑', '↓'], 'Move in a list; Enter chooses'],
      [['Esc'], 'Close the picker'],
    ],
  },
  {
    title: 'Spans',
    keys: [
      [['Enter'], 'Select the span at the caret; again for the next span enclosing it'],
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
