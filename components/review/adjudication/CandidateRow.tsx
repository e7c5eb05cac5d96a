'use client';

import type { KeyboardEvent, RefCallback } from 'react';
import { CandidateRemarks } from './CandidateRemarks';
import { mayAccept, mayEdit, mayReject } from './row-actions';
import type { ReviewRow } from './rows';
import styles from './review.module.css';

export type RowAction = 'accept' | 'reject' | 'edit';

interface CandidateRowProps {
  row: ReviewRow;
  active: boolean;
  /** Curators without gold:write get the list without action buttons. */
  mayWriteGold: boolean;
  pending: boolean;
  rowRef: RefCallback<HTMLTableRowElement>;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => void;
  onAction: (action: RowAction) => void;
}

export function CandidateRow({ row, active, mayWriteGold, pending, rowRef, onFocus, onKeyDown, onAction }: CandidateRowProps) {
  const short = row.text.length > 40 ? `${row.text.slice(0, 40)}…` : row.text;
  return (
    <tr
      ref={rowRef}
      tabIndex={active ? 0 : -1}
      className={`${styles.row} ${active ? styles.rowActive : ''}`}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      aria-keyshortcuts={mayWriteGold ? 'j k a x e' : 'j k'}
    >
      <td className={styles.quote}>{row.text}</td>
      <td>
        {row.span && <span className={styles.swatch} style={{ background: row.span.color }} aria-hidden="true" />}
        {row.label}
        {row.about && <div className="note">about {row.about}</div>}
        <CandidateRemarks remarks={row.remarks} />
      </td>
      <td>{row.authors.length > 0 ? row.authors.join(', ') : <span className="muted">a curator</span>}</td>
      <td>
        {row.agreement === null ? (
          <span className="muted">—</span>
        ) : (
          <span className={`badge ${styles.agreementBadge} ${row.unanimous ? '' : styles.split}`}>
            {row.agreement}
            {row.unanimous ? <span className="visually-hidden"> all agree</span> : ' split'}
          </span>
        )}
      </td>
      <td className={styles.goldCell}>{row.gold ? <span className={styles.inGold}>✓ in gold</span> : <span className="muted">not in gold</span>}</td>
      {mayWriteGold && (
        <td>
          <div className={styles.actions}>
            {mayAccept(row) && <ActionButton label="Accept" hotkey="a" context={short} disabled={pending} onClick={() => onAction('accept')} />}
            {mayReject(row) && <ActionButton label="Remove from gold" hotkey="x" context={short} disabled={pending} onClick={() => onAction('reject')} />}
            {mayEdit(row) && <ActionButton label="Edit" hotkey="e" context={short} disabled={pending} onClick={() => onAction('edit')} />}
          </div>
        </td>
      )}
    </tr>
  );
}

function ActionButton({
  label,
  hotkey,
  context,
  disabled,
  onClick,
}: {
  label: string;
  hotkey: string;
  context: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className={`button button--secondary ${styles.small}`} aria-keyshortcuts={hotkey} disabled={disabled} onClick={onClick}>
      {label}
      <span className="visually-hidden"> {context}</span>{' '}
      <kbd className={`keycap ${styles.kbd}`} aria-hidden="true">
        {hotkey}
      </kbd>
    </button>
  );
}
