/** Polite confirmation ("Saved.") that screen readers announce without interrupting. */
export function FormStatus({ message }: { message: string | null }) {
  return (
    <div className="form-status" role="status">
      {message}
    </div>
  );
}
