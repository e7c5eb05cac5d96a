/**
 * The live region exists before any error does, so screen readers announce the
 * message when it appears; when empty it takes no space.
 */
export function FormError({ message }: { message: string | null }) {
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}
