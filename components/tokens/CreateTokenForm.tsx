'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/components/api';
import type { ResponseOf } from '@/lib/api/client';
import type * as tokens from '@/lib/api/contracts/tokens';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { NewTokenReveal } from './NewTokenReveal';

/** A date input gives a calendar day; the token works until that day ends in UTC, the zone the token list shows. */
function endOfDayUtc(day: string): string | undefined {
  return day ? `${day}T23:59:59.999Z` : undefined;
}

export function CreateTokenForm() {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  const [created, setCreated] = useState<ResponseOf<typeof tokens.createToken> | null>(null);

  const onSubmit = submitWith(async (data, form) => {
    setCreated(null);
    const token = await api<typeof tokens.createToken>('POST /tokens', {
      body: { name: readText(data, 'name'), expiresAt: endOfDayUtc(readText(data, 'expires')) },
    });
    form.reset();
    setCreated(token);
    router.refresh();
  });

  return (
    <>
      <form className="form form--row" onSubmit={onSubmit}>
        <Field label="Name" hint="What the token is for, e.g. “import script”.">
          {(control) => <input {...control} name="name" required maxLength={100} autoComplete="off" />}
        </Field>
        <Field label="Expires" hint="It stops working at the end of this day (UTC). Leave empty for no expiry." optional>
          {(control) => <input {...control} name="expires" type="date" />}
        </Field>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create token
        </SubmitButton>
        <FormError message={error} />
      </form>
      {created && <NewTokenReveal key={created.token} name={created.name} token={created.token} onDone={() => setCreated(null)} />}
    </>
  );
}
