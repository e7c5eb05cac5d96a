import { DataTable } from '@/components/ui/DataTable';
import { unknownLabelIn } from './options';
import type { ImportProblem } from './upload';

interface ImportProblemsProps {
  message: string;
  problems: readonly ImportProblem[];
  /** Every problem the server found; it lists only the first ones. */
  problemsTotal: number;
  /** Labels already in the mapping editor: their button would add nothing. */
  mapped: ReadonlySet<string>;
  onMap: (label: string) => void;
}

/** A rejected import: nothing was stored, and here is every reason why. */
export function ImportProblems({ message, problems, problemsTotal, mapped, onMap }: ImportProblemsProps) {
  return (
    <>
      <p>Files are imported all together or not at all, so none of them was. Fix the problems below (or change the options) and import again.</p>
      <p>{problemCount(problemsTotal, problems.length)}</p>
      {/* The table says it all; the server's summary matters only when it sent no details. */}
      {problems.length === 0 && <p>{message}</p>}
      <DataTable
        caption="Problems that stopped the import"
        hideCaption
        rows={problems}
        // The server may report one reason twice for a line: a row's position identifies it.
        rowKey={(_, index) => index}
        columns={[
          { header: 'File', cell: (problem) => problem.file },
          { header: 'Where', cell: where },
          { header: 'Problem', cell: (problem) => problem.reason },
          { header: 'Fix', hideHeader: true, cell: (problem) => <MapLabelButton label={unknownLabelIn(problem.reason)} mapped={mapped} onMap={onMap} /> },
        ]}
      />
    </>
  );
}

function where({ line, record }: ImportProblem): string {
  if (line !== undefined) return `line ${line}`;
  if (record !== undefined) return `record ${record}`;
  return '—';
}

/** The server lists the first problems only (lib/import/limits.ts MAX_LISTED_PROBLEMS) and counts them all. */
function problemCount(total: number, listed: number): string {
  const found = total === 1 ? '1 problem was found' : `${total} problems were found`;
  const more = total - listed;
  return more > 0 ? `${found}; the first ${listed} are listed below, ${more} more ${more === 1 ? 'is' : 'are'} not.` : `${found}.`;
}

/** For a problem naming an unknown label: adds that label to the mapping editor. */
function MapLabelButton({ label, mapped, onMap }: { label: string | undefined } & Pick<ImportProblemsProps, 'mapped' | 'onMap'>) {
  if (label === undefined) return null;
  return (
    <button type="button" className="button button--secondary" disabled={mapped.has(label)} onClick={() => onMap(label)}>
      {mapped.has(label) ? 'Mapping added' : 'Map this label'}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}
