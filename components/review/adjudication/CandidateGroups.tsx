'use client';

import { Fragment, type KeyboardEvent, type ReactNode, type RefCallback } from 'react';
import { plural } from '@/components/review/format';
import { CandidateRow, type RowAction } from './CandidateRow';
import { GROUPS, type ReviewRow } from './rows';
import styles from './review.module.css';

interface CandidateGroupsProps {
  rows: readonly ReviewRow[];
  activeKey: string | null;
  mayWriteGold: boolean;
  pending: boolean;
  register: (key: string) => RefCallback<HTMLElement>;
  onRowFocus: (row: ReviewRow) => void;
  onRowKey: (event: KeyboardEvent<HTMLElement>, row: ReviewRow) => void;
  onAction: (action: RowAction, row: ReviewRow) => void;
  /** The inline editor, shown under the row it edits. */
  editor: { rowKey: string; node: ReactNode } | null;
}

/** The candidates as one table per layer (then relations, answers, gold-only spans). */
export function CandidateGroups({ rows, activeKey, mayWriteGold, pending, register, onRowFocus, onRowKey, onAction, editor }: CandidateGroupsProps) {
  const columns = mayWriteGold ? 6 : 5;
  return (
    <div className={styles.groups}>
      {GROUPS.map((group) => {
        const groupRows = rows.filter((row) => row.group === group.id);
        if (groupRows.length === 0) return null;
        return (
          <div key={group.id} className="table-wrap">
            <table className="table">
              <caption className={styles.caption}>
                {group.title} ({plural(groupRows.length, 'candidate')})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{group.textHeading}</th>
                  <th scope="col">{group.labelHeading}</th>
                  <th scope="col">Proposed by</th>
                  <th scope="col">Agreement</th>
                  <th scope="col">Gold</th>
                  {mayWriteGold && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {groupRows.map((row) => (
                  <Fragment key={row.key}>
                    <CandidateRow
                      row={row}
                      active={row.key === activeKey}
                      mayWriteGold={mayWriteGold}
                      pending={pending}
                      rowRef={register(row.key)}
                      onFocus={() => onRowFocus(row)}
                      onKeyDown={(event) => onRowKey(event, row)}
                      onAction={(action) => onAction(action, row)}
                    />
                    {editor?.rowKey === row.key && (
                      <tr>
                        <td colSpan={columns}>{editor.node}</td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
