'use client';

import { useEffect, useRef, type MouseEvent } from 'react';
import { useSchemaEditor } from './context';
import type { Draft } from './model';
import styles from './SchemaEditor.module.css';
import { controlId, describeLabel, TARGETS_FIELD } from './validation';

const FIELD_NAMES: Record<string, string> = {
  key: 'key',
  name: 'name',
  description: 'description',
  color: 'colour',
  hotkey: 'hotkey',
  sourceTypes: 'allowed source entities',
  targetTypes: 'allowed target entities',
  options: 'answer options',
  multiple: 'several options',
  perTarget: 'asked per target',
  aliases: 'aliases',
};

/**
 * After a save attempt: every problem, each linking to its field, so a long
 * schema never hides why it was not saved. It updates as problems are fixed,
 * and takes focus at every refused save, so the user hears and sees why.
 */
export function ProblemSummary() {
  const { draft, shown, attempted, refusals } = useSchemaEditor();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusals > 0) ref.current?.focus();
  }, [refusals]);
  const count = shown.fields.size + shown.general.length;
  if (!attempted || count === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className={styles.summary} role="region" aria-labelledby="schema-problems-heading">
      <h2 id="schema-problems-heading">{count === 1 ? '1 problem' : `${count} problems`} to fix before saving</h2>
      <ul>
        {[...shown.fields].map(([field, message]) => (
          <li key={field}>
            <a href={`#${controlId(field)}`} onClick={focusField}>
              {describeField(field, draft)}
            </a>
            : {message}
          </li>
        ))}
        {shown.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** Following a fragment link only scrolls; the user wants to type into the field. */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  const control = target.matches('input, textarea, select') ? target : target.querySelector<HTMLElement>('input, textarea, select');
  control?.focus({ preventScroll: true });
}

function describeField(field: string, draft: Draft): string {
  if (field === TARGETS_FIELD) return 'Stance targets';
  const [uid, name = '', optionUid, optionField] = field.split('.');
  const label = draft.labels.find((item) => item.uid === uid);
  if (label) {
    const option = label.options.findIndex((item) => item.uid === optionUid);
    return `${describeLabel(label)}, ${option >= 0 ? `option ${option + 1} ${optionField ?? ''}` : (FIELD_NAMES[name] ?? name)}`;
  }
  const target = draft.targets.find((item) => item.uid === uid);
  return target ? `Target “${target.name.trim() || target.key || 'new target'}”, ${FIELD_NAMES[name] ?? name}` : 'Schema';
}
