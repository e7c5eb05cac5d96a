import { Bar } from '@/components/review/Bar';
import { formatPercent } from '@/components/review/format';
import { RoleBadge } from '@/components/projects/RoleBadge';
import { formatDuration } from '@/lib/assignments/duration';
import type { Role } from '@/lib/generated/prisma/enums';
import shared from '@/components/review/shared.module.css';
import styles from './progress.module.css';

interface AnnotatorProgress {
  id: string;
  name: string;
  role: Role;
  assigned: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
  annotations: number;
  activeSeconds: number;
}

export function AnnotatorProgressTable({ annotators }: { annotators: AnnotatorProgress[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Progress per annotator</caption>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Role</th>
            <th scope="col" className="numeric">
              Assigned
            </th>
            <th scope="col" className="numeric">
              Not started
            </th>
            <th scope="col" className="numeric">
              In progress
            </th>
            <th scope="col" className="numeric">
              Submitted
            </th>
            <th scope="col" className="numeric">
              Annotations made
            </th>
            <th scope="col" className="numeric">
              Active time
            </th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {annotators.map((a) => (
            <tr key={a.id}>
              <th scope="row" className={shared.rowHeader}>
                {a.name}
              </th>
              <td>
                <RoleBadge role={a.role} />
              </td>
              <td className="numeric">{a.assigned}</td>
              <td className="numeric">{a.notStarted}</td>
              <td className="numeric">{a.inProgress}</td>
              <td className="numeric">{a.submitted}</td>
              <td className="numeric">{a.annotations}</td>
              <td className="numeric">{formatDuration(a.activeSeconds)}</td>
              <td>
                {a.assigned === 0 ? (
                  <span className="muted">nothing assigned</span>
                ) : (
                  <span className={styles.progressCell}>
                    <Bar fraction={a.submitted / a.assigned} />
                    <span>
                      {a.submitted} of {a.assigned} ({formatPercent(a.submitted / a.assigned)})
                    </span>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
