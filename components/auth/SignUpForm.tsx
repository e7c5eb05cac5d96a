'use client';

import { useRouter } from 'next/navigation';
import { apiFetch } from '@/components/api';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { signInWithPassword } from './sign-in-with-password';

const MIN_PASSWORD_LENGTH = 10;
const TAKEN_OR_FAILED = 'Could not sign you in with this e-mail and password. If you already have an account, sign in with its password instead.';

export function SignUpForm() {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();

  const onSubmit = submitWith(async (data) => {
    const email = readText(data, 'email');
    const password = readText(data, 'password');
    await apiFetch('/api/signup', { method: 'POST', body: { name: readText(data, 'name'), email, password } });
    // Sign-up answers alike for a new and a taken address; only signing in tells, and only to the account's owner.
    await signInWithPassword(email, password).catch(() => {
      throw new Error(TAKEN_OR_FAILED);
    });
    router.push('/');
    router.refresh();
  });

  return (
    <form className="form" method="post" onSubmit={onSubmit}>
      <Field label="Name">{(control) => <input {...control} name="name" autoComplete="name" required maxLength={120} />}</Field>
      <Field label="E-mail">{(control) => <input {...control} name="email" type="email" autoComplete="email" required />}</Field>
      <Field label="Password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        {(control) => (
          <input {...control} name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={200} />
        )}
      </Field>
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
