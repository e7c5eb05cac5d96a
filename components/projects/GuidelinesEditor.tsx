'use client';

import { useDeferredValue, useState } from 'react';
import { Field } from '@/components/forms/Field';
import { Markdown } from '@/components/ui/Markdown';

/** Guidelines textarea with a rendered preview beside it, exactly as members will see it. */
export function GuidelinesEditor({ defaultValue }: { defaultValue: string }) {
  const [text, setText] = useState(defaultValue);
  // Long guidelines re-render the preview at low priority, so typing never lags.
  const preview = useDeferredValue(text);
  return (
    <div className="guidelines-editor">
      <Field label="Guidelines" hint="Markdown: # headings, **bold**, *italic*, lists, [links](https://…). HTML is not rendered." optional>
        {(control) => <textarea {...control} name="guidelines" rows={16} maxLength={200_000} value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      <section className="guidelines-editor__preview" aria-label="Guidelines preview">
        <p className="field__label" aria-hidden="true">
          Preview
        </p>
        <div className="preview-box">{preview.trim() ? <Markdown>{preview}</Markdown> : <p className="muted">Nothing to preview yet.</p>}</div>
      </section>
    </div>
  );
}
