import type { ReactNode } from 'react';

interface SubmitButtonProps {
  pending: boolean;
  pendingLabel: string;
  variant?: 'primary' | 'danger' | 'secondary';
  disabled?: boolean;
  children: ReactNode;
}

export function SubmitButton({ pending, pendingLabel, variant = 'primary', disabled = false, children }: SubmitButtonProps) {
  return (
    <button type="submit" className={`button button--${variant}`} disabled={pending || disabled} aria-busy={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
