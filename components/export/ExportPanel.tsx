'use client';

import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/components/api';
import { CancelButton } from '@/components/forms/CancelButton';
import { CheckboxField } from '@/components/forms/CheckboxField';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { Options } from '@/components/forms/Options';
import { SelectField } from '@/components/forms/SelectField';
import { RadioGroup } from '@/components/import/RadioGroup';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '@/lib/export/options';
import { downloadExport, type DownloadProgress } from './download';
import { DownloadStatus } from './DownloadStatus';
import { ExportPreview } from './ExportPreview';
import styles from './Export.module.css';
import { loadPreview, PREVIEW_DOCUMENTS, type PreviewEntry } from './preview';
import { cardUrl, exportUrl, type ExportChoice } from './request';
import { useLosses } from './useLosses';

interface ExportMember {
  id: string;
  name: string;
}

const FORMAT_CHOICES = EXPORT_FORMATS.map((format) => ({ value: format, label: FORMAT_INFO[format].label, hint: FORMAT_INFO[format].description }));
const STATUS_CHOICES = [
  { value: '', label: 'Every document' },
  { value: 'SUBMITTED', label: 'Submitted' },
  { value: 'IN_PROGRESS', label: 'In progress' },
  { value: 'ASSIGNED', label: 'Assigned, not started' },
] as const;

type Preview = { state: 'loading' } | { state: 'ready'; entries: PreviewEntry[] } | { state: 'refused'; message: string };

export function ExportPanel({ projectId, members }: { projectId: string; members: readonly ExportMember[] }) {
  const [choice, setChoice] = useState<ExportChoice>({ format: 'jsonl', source: 'gold', status: '' });
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const download = useRef<AbortController | null>(null);
  const change = (update: Partial<ExportChoice>) => setChoice((current) => ({ ...current, ...update }));

  const refusal =
    FORMAT_INFO[choice.format].singleAuthor && choice.source === 'all'
      ? `${FORMAT_INFO[choice.format].label} tags each token once, so it holds gold or one annotator, not everyone.`
      : null;

  // The preview follows the choices; a newer choice cancels the request of an older one.
  useEffect(() => {
    if (refusal) {
      setPreview({ state: 'refused', message: refusal });
      return;
    }
    const controller = new AbortController();
    setPreview({ state: 'loading' });
    loadPreview(exportUrl(projectId, choice, { limit: String(PREVIEW_DOCUMENTS) }), choice.format, controller.signal)
      .then((entries) => setPreview({ state: 'ready', entries }))
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setPreview({ state: 'refused', message: errorMessage(failure) });
      });
    return () => controller.abort();
  }, [projectId, choice, refusal]);

  const losses = useLosses(projectId, choice, refusal !== null);

  // Leaving the page stops a running download, and with it the server's reading.
  useEffect(() => () => download.current?.abort(), []);

  async function start() {
    const controller = new AbortController();
    download.current = controller;
    setError(null);
    setSaved(null);
    // Shown as started at once: the server counts the documents before it answers.
    setProgress({ bytes: 0, documents: null, totalDocuments: null });
    try {
      const fileName = await downloadExport(exportUrl(projectId, choice), choice.format, setProgress, controller.signal);
      setSaved(`Saved ${fileName}.`);
    } catch (failure) {
      setError(controller.signal.aborted ? 'Download cancelled.' : errorMessage(failure));
    } finally {
      download.current = null;
      setProgress(null);
    }
  }

  const downloading = progress !== null;
  return (
    <>
      <section aria-labelledby="export-choices-heading" className="panel">
        <h2 id="export-choices-heading">What to export</h2>
        <div className="split split--wide-first">
          <RadioGroup<ExportFormat>
            legend="Format"
            value={choice.format}
            choices={FORMAT_CHOICES}
            onChange={(format) => change({ format })}
            disabled={downloading}
          />
          <div className="field-stack">
            <Field label="Annotations" hint="Gold is the adjudicated layer; everyone's export marks each annotation with its author.">
              {(control) => (
                <select {...control} value={choice.source} onChange={(event) => change({ source: event.target.value })} disabled={downloading}>
                  <option value="gold">Gold (adjudicated)</option>
                  <option value="all">Everyone: gold and every annotator</option>
                  <optgroup label="One annotator">
                    <Options choices={members.map((member) => ({ value: `annotator:${member.id}`, label: member.name }))} />
                  </optgroup>
                </select>
              )}
            </Field>
            <SelectField
              label="Documents"
              hint="By assignment status: for one annotator, theirs; otherwise anyone's."
              value={choice.status}
              onChange={(status) => change({ status })}
              disabled={downloading}
              choices={STATUS_CHOICES}
            />
            {FORMAT_INFO[choice.format].sourceLabels && (
              <CheckboxField
                label="Labels as the imported files spelled them"
                hint="For spans imported from CoNLL or CoNLL-U and not relabelled since, e.g. creative-work instead of WORK_OF_ART."
                checked={choice.sourceLabels === true}
                onChange={(event) => change({ sourceLabels: event.target.checked })}
                disabled={downloading}
              />
            )}
            <p className="note">
              {FORMAT_INFO[choice.format].archive ? (
                'The archive includes the dataset card as README.md.'
              ) : (
                <>
                  The file holds the data only;{' '}
                  <a href={cardUrl(projectId, choice)} target="_blank" rel="noreferrer">
                    its dataset card
                  </a>{' '}
                  (schema, counts, annotators, agreement) opens separately.
                </>
              )}
            </p>
          </div>
        </div>
        {losses && losses.length > 0 && (
          <div className="notice" role="note" aria-label="Not in this file">
            {losses.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
        <div className={styles.actions}>
          {/* The preview asks what the download would: when the server refused it, it refuses both. */}
          <button type="button" className="button button--primary" onClick={start} disabled={downloading || preview.state === 'refused'}>
            {downloading ? 'Downloading…' : 'Download'}
          </button>
          {downloading && <CancelButton onClick={() => download.current?.abort()} />}
        </div>
        {progress && <DownloadStatus progress={progress} />}
        <FormError message={error} />
        <FormStatus message={saved} />
      </section>

      <section aria-labelledby="export-preview-heading" className="panel" aria-busy={preview.state === 'loading'}>
        <h2 id="export-preview-heading">Preview: the first {PREVIEW_DOCUMENTS} documents</h2>
        {preview.state === 'loading' && <p className="muted">Loading the preview…</p>}
        {preview.state === 'refused' && (
          <div className="notice" role="note">
            <p>{preview.message}</p>
          </div>
        )}
        {preview.state === 'ready' && <ExportPreview entries={preview.entries} />}
      </section>
    </>
  );
}
