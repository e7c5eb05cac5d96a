import type { DownloadProgress } from './download';
import styles from './Export.module.css';

const number = new Intl.NumberFormat('en');
const megabytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
const kilobytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
const size = (bytes: number) => (bytes < 1_000_000 ? kilobytes.format(bytes / 1000) : megabytes.format(bytes / 1_000_000));

/**
 * A determinate bar when the format lets documents be counted (see ./progress), otherwise an
 * indeterminate one with the bytes received: no percentage is made up.
 */
export function DownloadStatus({ progress }: { progress: DownloadProgress }) {
  const { documents, totalDocuments, bytes } = progress;
  const counted = documents !== null && totalDocuments !== null && totalDocuments > 0;
  const received = `${size(bytes)} received`;
  return (
    <div className={styles.progress}>
      <progress aria-label="Export progress" max={counted ? totalDocuments : undefined} {...(counted ? { value: documents } : {})} />
      <p aria-live="polite">
        {counted
          ? `${number.format(documents)} of ${number.format(totalDocuments)} documents · ${received}`
          : `${received}${totalDocuments === null ? '' : ` · ${number.format(totalDocuments)} documents in this export`}`}
      </p>
    </div>
  );
}
