import { DataTable } from '@/components/ui/DataTable';
import Link from 'next/link';
import { DisagreementValue } from '@/components/review/DisagreementValue';
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
    <DataTable
      caption="Documents, most disagreement first (1 − mean pairwise span F1, overlap)"
      className={styles.table}
      rows={documents}
      columns={[
        {
          header: 'Document',
          rowHeader: true,
          cell: (document) => (mayReview ? <Link href={`/projects/${projectId}/review/${document.id}`}>{document.name}</Link> : document.name),
        },
        { header: 'Annotators', numeric: true, cell: (document) => document.annotators },
        { header: 'Disagreement', cell: (document) => <DisagreementValue value={document.disagreement} /> },
      ]}
    />
  );
}
