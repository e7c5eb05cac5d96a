'use client';

import { CheckboxField } from '@/components/forms/CheckboxField';
import styles from './progress.module.css';

interface ChoiceGroupProps {
  legend: string;
  options: readonly { id: string; name: string }[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}

/** A checkbox per option with "all" / "none" shortcuts, for lists that can run long (documents). */
export function ChoiceGroup({ legend, options, selected, onChange }: ChoiceGroupProps) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="fieldset">
      <legend>
        {legend} ({selected.size} of {options.length} chosen)
      </legend>
      <div className={styles.choiceTools}>
        <button type="button" className="button button--link" onClick={() => onChange(new Set(options.map((o) => o.id)))}>
          Choose all<span className="visually-hidden"> {legend.toLowerCase()}</span>
        </button>
        <button type="button" className="button button--link" onClick={() => onChange(new Set())}>
          Choose none<span className="visually-hidden"> of the {legend.toLowerCase()}</span>
        </button>
      </div>
      <div className={styles.choices}>
        {options.map((option) => (
          <CheckboxField key={option.id} label={option.name} checked={selected.has(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
        ))}
      </div>
    </fieldset>
  );
}
