import type { CandidateRemark } from './rows';

/** The proposers' own doubts about a candidate span: who marked it unsure, and their notes, as they wrote them. */
export function CandidateRemarks({ remarks }: { remarks: readonly CandidateRemark[] }) {
  if (remarks.length === 0) return null;
  return (
    <ul className="note" aria-label="Annotators' flags and notes">
      {remarks.map((remark) => (
        <li key={remark.author}>
          {remark.unsure && <span className="badge">unsure</span>} <strong>{remark.author}</strong>
          {remark.note !== null && <>: {remark.note}</>}
        </li>
      ))}
    </ul>
  );
}
