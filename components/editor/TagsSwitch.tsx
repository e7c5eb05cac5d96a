'use client';

interface TagsSwitchProps {
  shown: boolean;
  onChange(shown: boolean): void;
}

/** "Tags": shows or hides the label tag at each span's start (a toggle button that looks pressed while on, as Arcs does). */
export function TagsSwitch({ shown, onChange }: TagsSwitchProps) {
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-pressed={shown}
      title={shown ? 'Hide the label tags in the text' : 'Show each span’s label at its start'}
      onClick={() => onChange(!shown)}
    >
      Tags
    </button>
  );
}
