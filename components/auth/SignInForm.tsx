'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { signInWithPassword } from './sign-in-with-password';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  // An error carried in from the URL (a failed OAuth attempt) is stale once the user tries again.
  const [urlError, setUrlError] = useState(initialError);

  const onSubmit = submitWith(async (data) => {
    setUrlError(null);
    await signInWithPassword(readText(data, 'email'), readText(data, 'password'));
    router.push(callbackUrl);
    router.refresh();
  });

  return (
    <form className="form" method="post" onSubmit={onSubmit}>
      <Field label="E-mail">{(control) => <input {...control} name="email" type="email" autoComplete="username" required />}</Field>
      <Field label="Password">{(control) => <input {...control} name="password" type="password" autoComplete="current-password" required />}</Field>
      <FormError message={error ?? urlError} />
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
