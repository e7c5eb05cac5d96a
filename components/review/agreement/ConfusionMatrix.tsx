import type { CSSProperties } from 'react';
import styles from './agreement.module.css';

interface ConfusionMatrixProps {
  rowName: string;
  columnName: string;
  confusion: { categories: string[]; matrix: number[][] };
}

/** Token categories of two annotators: rows are the first's, columns the second's; "O" is outside any span. */
export function ConfusionMatrix({ rowName, columnName, confusion }: ConfusionMatrixProps) {
  const { categories, matrix } = confusion;
  const largest = Math.max(1, ...matrix.flat());
  return (
    <div className="table-wrap">
      <table className={styles.matrix}>
        <caption>
          Tokens by category: {rowName} (rows) × {columnName} (columns). Outlined bold cells are agreements.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              {rowName} ↓ · {columnName} →
            </th>
            {categories.map((category) => (
              <th key={category} scope="col">
                {category}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, i) => (
            <tr key={categories[i]}>
              <th scope="row">{categories[i]}</th>
              {row.map((count, j) => (
                <td key={categories[j]} className={i === j ? styles.agree : undefined} style={{ '--shade': count / largest } as CSSProperties}>
                  {count}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
