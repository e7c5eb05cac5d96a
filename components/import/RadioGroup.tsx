import { useId } from 'react';

interface RadioGroupProps<T extends string> {
  legend: string;
  value: T;
  choices: readonly { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
}

/** A fieldset of radio buttons, each with its label beside it and an optional hint. */
export function RadioGroup<T extends string>({ legend, value, choices, onChange, disabled = false }: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <div key={choice.value} className="checkbox-field">
            <input
              type="radio"
              id={id}
              name={name}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
            />
            <div>
              <label htmlFor={id}>{choice.label}</label>
              {choice.hint && (
                <p className="field__hint" id={`${id}-hint`}>
                  {choice.hint}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
