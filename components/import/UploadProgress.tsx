import styles from './Import.module.css';

export type Transfer = { stage: 'uploading'; fraction: number | null } | { stage: 'importing' };

const STAGE_TEXT: Record<Transfer['stage'], string> = {
  uploading: 'Uploading…',
  importing: 'Importing… the server is reading and checking every record.',
};

/**
 * Upload progress, then an indeterminate bar while the server parses and stores
 * (it reports nothing until done). Screen readers hear each stage once; the
 * percentage is on the bar, where they can ask for it, not announced at every step.
 */
export function UploadProgress({ transfer }: { transfer: Transfer | null }) {
  const percent = transfer?.stage === 'uploading' && transfer.fraction !== null ? Math.round(transfer.fraction * 100) : null;
  return (
    <div className={styles.progress}>
      {transfer && (
        // A bar without a value is indeterminate.
        <progress aria-label={STAGE_TEXT[transfer.stage]} max={100} {...(percent === null ? {} : { value: percent })} />
      )}
      <p>
        {/* Always rendered, so the region exists before there is anything to announce. */}
        <span role="status">{transfer ? STAGE_TEXT[transfer.stage] : ''}</span>
        {percent !== null && <span aria-hidden="true"> {percent}%</span>}
      </p>
    </div>
  );
}
