import type { CSSProperties } from 'react';
import type { SchemaLabel } from '@/lib/editor/schema';
import styles from './popover.module.css';

const LAYER_NAMES: Record<string, string> = { ENTITY: 'Entity', STANCE: 'Stance', FRAME: 'Frame', RELATION: 'Relation', DOCUMENT: 'Document' };

export function layerName(layer: string): string {
  return LAYER_NAMES[layer] ?? layer;
}

export function Swatch({ color }: { color: string }) {
  return <span className={styles.swatch} style={{ '--color': color } as CSSProperties} aria-hidden="true" />;
}

/** One label in a list: its hotkey, colour, name and key, and optionally its layer. */
export function LabelOption({ label, showLayer = false }: { label: SchemaLabel; showLayer?: boolean }) {
  return (
    <>
      {label.hotkey ? (
        <kbd className={`keycap ${styles.kbd}`} aria-label={`hotkey ${label.hotkey}`}>
          {label.hotkey}
        </kbd>
      ) : (
        <span className={styles.kbdEmpty} />
      )}
      <Swatch color={label.color} />
      <span className={styles.optionText}>
        <span>
          <span className={styles.optionName}>{label.name}</span> <code>{label.key}</code>
          {showLayer && <span className={styles.badge}> · {layerName(label.layer)}</span>}
        </span>
        {label.description && <span className={styles.optionDetail}>{label.description}</span>}
      </span>
    </>
  );
}
