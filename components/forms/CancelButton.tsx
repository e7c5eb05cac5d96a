/** Leaves a form or an action without doing it: the secondary button beside the primary one. */
export function CancelButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      Cancel
    </button>
  );
}
