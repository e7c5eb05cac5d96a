import { DataTable } from '@/components/ui/DataTable';
import { FigureValue } from '@/components/review/FigureValue';
import type { UnitFigure } from '@/lib/review/unit-measures';
import styles from './agreement.module.css';

interface UnitFigureTableProps {
  caption: string;
  subject: string;
  figures: Record<string, UnitFigure>;
  describe: (key: string) => string;
}

/** α over (document, target) or (document, question) units: stance per target, document questions. */
export function UnitFigureTable({ caption, subject, figures, describe }: UnitFigureTableProps) {
  return (
    <DataTable
      caption={caption}
      className={styles.table}
      rows={Object.entries(figures)}
      rowKey={([key]) => key}
      columns={[
        { header: subject, rowHeader: true, cell: ([key]) => describe(key) },
        { header: 'Krippendorff’s α (nominal)', cell: ([, figure]) => <FigureValue figure={figure} interpret /> },
        { header: 'Units', numeric: true, cell: ([, figure]) => figure.units },
      ]}
    />
  );
}
