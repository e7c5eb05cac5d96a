import Link from 'next/link';
import { DisagreementValue } from '@/components/review/DisagreementValue';
import shared from '@/components/review/shared.module.css';
import type { AgreementReport } from '@/lib/review/report';
import styles from './agreement.module.css';

interface DisagreementRankingProps {
  projectId: string;
  documents: AgreementReport['documents'];
  /** Curators may open a document's adjudication view from here. */
  mayReview: boolean;
}

export function DisagreementRanking({ projectId, documents, mayReview }: DisagreementRankingProps) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <caption>Documents, most disagreement first (1 − mean pairwise span F1, overlap)</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col" className="numeric">
              Annotators
            </th>
            <th scope="col">Disagreement</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <th scope="row" className={shared.rowHeader}>
                {mayReview ? <Link href={`/projects/${projectId}/review/${document.id}`}>{document.name}</Link> : document.name}
              </th>
              <td className={shared.numericCell}>{document.annotators}</td>
              <td>
                <DisagreementValue value={document.disagreement} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
