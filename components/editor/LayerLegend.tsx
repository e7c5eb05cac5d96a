import type { CSSProperties } from 'react';
import { LAYER_LOOKS } from '@/lib/editor/tags';
import { SPAN_LAYERS } from '@/lib/schema/types';
import styles from './text.module.css';

/** Which line is which layer: a sample of each layer's look (text.module.css) in one neutral colour, with its name and style in words. */
export function LayerLegend() {
  return (
    <ul className={styles.legend} aria-label="How each layer is drawn">
      <li aria-hidden="true">Lines:</li>
      {SPAN_LAYERS.map((layer) => (
        <li key={layer} title={LAYER_LOOKS[layer].style}>
          <span className={`lane-underline ${styles.sample}`} data-layer={layer} style={{ '--lane': 0, '--color': 'var(--muted)' } as CSSProperties}>
            {LAYER_LOOKS[layer].name}
          </span>
          <span className="visually-hidden">: {LAYER_LOOKS[layer].style}</span>
        </li>
      ))}
    </ul>
  );
}
