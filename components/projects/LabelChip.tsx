import { readableTextOn } from './contrast';

/** A label in its colour; name and key are spelled out, so the colour is never the only cue. */
export function LabelChip({ name, labelKey, color, description }: { name: string; labelKey: string; color: string; description: string }) {
  return (
    <li className="chip" style={{ backgroundColor: color, color: readableTextOn(color) }} title={description || undefined}>
      <span className="chip__name">{name}</span> <code className="chip__key">{labelKey}</code>
    </li>
  );
}
