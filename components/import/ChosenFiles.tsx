import { DataTable } from '@/components/ui/DataTable';
import type { ImportFormat } from '@/lib/import/types';
import { bratPartner, FORMAT_NAMES, type Detection } from './formats';

export interface ChosenFile {
  /** Name, size and date: the same file chosen twice is listed once. */
  id: string;
  file: File;
  detection: Detection;
}

interface ChosenFilesProps {
  files: readonly ChosenFile[];
  format: ImportFormat | '';
  disabled: boolean;
  onRemove: (id: string) => void;
}

const SIZE_UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat('en', { style: 'unit', unit: SIZE_UNITS[unit], maximumFractionDigits: 1 }).format(value);
}

export function ChosenFiles({ files, format, disabled, onRemove }: ChosenFilesProps) {
  const names = files.map((chosen) => chosen.file.name);
  return (
    <DataTable
      caption="Files to import"
      hideCaption
      rows={files}
      columns={[
        { header: 'File', cell: ({ file }) => file.name },
        { header: 'Size', numeric: true, cell: ({ file }) => formatSize(file.size) },
        { header: 'Read as', cell: ({ file, detection }) => <FormatCell name={file.name} names={names} detection={detection} format={format} /> },
        {
          header: 'Actions',
          hideHeader: true,
          cell: ({ id, file }) => (
            <button type="button" className="button button--link" disabled={disabled} onClick={() => onRemove(id)}>
              Remove<span className="visually-hidden"> {file.name}</span>
            </button>
          ),
        },
      ]}
    />
  );
}

function FormatCell({ name, names, detection, format }: { name: string; names: string[]; detection: Detection; format: ImportFormat | '' }) {
  if (format !== '') return <>{FORMAT_NAMES[format]} (chosen below)</>;
  if (detection.status === 'pending') return <span className="muted">Detecting…</span>;
  if (detection.status === 'unknown') return <span className="warning">Cannot import: {detection.reason}</span>;
  const partner = bratPartner(name, names, format);
  if (partner) return <>brat standoff, together with {partner}</>;
  if (name.endsWith('.ann')) return <span className="warning">brat annotations without their .txt: add it, or upload a .zip</span>;
  return <>{FORMAT_NAMES[detection.format]}</>;
}
