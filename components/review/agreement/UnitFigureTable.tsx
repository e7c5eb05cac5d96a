import { FigureValue } from '@/components/review/FigureValue';
import shared from '@/components/review/shared.module.css';
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
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{subject}</th>
            <th scope="col">Krippendorff’s α (nominal)</th>
            <th scope="col" className="numeric">
              Units
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(figures).map(([key, figure]) => (
            <tr key={key}>
              <th scope="row" className={shared.rowHeader}>
                {describe(key)}
              </th>
              <td>
                <FigureValue figure={figure} interpret />
              </td>
              <td className={shared.numericCell}>{figure.units}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
