'use client';

import { useState } from 'react';
import { api } from '@/components/api';
import type * as account from '@/lib/api/contracts/account';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';

const MIN_PASSWORD_LENGTH = 10;

export function ChangePasswordForm() {
  const { pending, error, submitWith } = useAction();
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = submitWith(async (data, form) => {
    setDone(null);
    const result = await api<typeof account.changePassword>('POST /account/password', {
      body: { currentPassword: readText(data, 'currentPassword'), newPassword: readText(data, 'newPassword') },
    });
    form.reset();
    setDone(`Password changed. ${result.revokedSessions} other session(s) signed out.`);
  });

  return (
    <form className="form" onSubmit={onSubmit}>
      <Field label="Current password">
        {(control) => <input {...control} name="currentPassword" type="password" autoComplete="current-password" required maxLength={200} />}
      </Field>
      <Field label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        {(control) => (
          <input {...control} name="newPassword" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={200} />
        )}
      </Field>
      <FormError message={error} />
      <FormStatus message={done} />
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
