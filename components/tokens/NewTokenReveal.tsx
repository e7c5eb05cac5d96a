'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { FormStatus } from '@/components/forms/FormStatus';

interface NewTokenRevealProps {
  name: string;
  token: string;
  onDone: () => void;
}

/** The one moment the secret exists in the browser; only its hash is stored. */
export function NewTokenReveal({ name, token, onDone }: NewTokenRevealProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);

  // Focus (and select) the secret so keyboard and screen-reader users land on it.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopyStatus('Copied to the clipboard.');
    } catch {
      input.current?.select();
      setCopyStatus('Copying is blocked here; the token is selected, press Ctrl+C (⌘C) to copy it.');
    }
  }

  return (
    <div className="token-reveal">
      <label htmlFor={id} className="field__label">
        Your new token “{name}”
      </label>
      <p className="warning" id={`${id}-warning`}>
        <strong>Copy it now.</strong> You won’t see it again.
      </p>
      <div className="token-reveal__row">
        <input
          ref={input}
          id={id}
          className="token-reveal__value"
          value={token}
          readOnly
          spellCheck={false}
          aria-describedby={`${id}-warning`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Done
        </button>
      </div>
      <FormStatus message={copyStatus} />
    </div>
  );
}
