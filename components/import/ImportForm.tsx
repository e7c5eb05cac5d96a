'use client';

import { useState, type FormEvent } from 'react';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { focusSoon } from '@/components/schema/focus';
import { useUnsavedChangesWarning } from '@/components/schema/useUnsavedChangesWarning';
import { ChosenFiles } from './ChosenFiles';
import { FileDropZone } from './FileDropZone';
import styles from './Import.module.css';
import { OutcomePanel } from './ImportOutcome';
import { ImportOptionsFields } from './ImportOptionsFields';
import { LabelMapEditor, mappingTargetId, type SchemaLabelChoice } from './LabelMapEditor';
import { applicableOptions, DEFAULT_OPTIONS, importFormData, type ImportOptions, type MappingRow } from './options';
import { useChosenFiles } from './useChosenFiles';
import { useImportUpload } from './useImportUpload';
import { UploadProgress } from './UploadProgress';

interface ImportFormProps {
  projectId: string;
  labels: readonly SchemaLabelChoice[];
  mayImportGold: boolean;
}

let lastMappingUid = 0;

/** Files, options and label mapping, sent as one multipart upload; the outcome appears below. */
export function ImportForm({ projectId, labels, mayImportGold }: ImportFormProps) {
  const chosen = useChosenFiles();
  const upload = useImportUpload(projectId);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [mapping, setMapping] = useState<MappingRow[]>([]);
  useUnsavedChangesWarning(upload.busy, 'The import is still running. Leave this page anyway?');

  const addMapping = (source = ''): string => {
    lastMappingUid += 1;
    const uid = String(lastMappingUid);
    setMapping((rows) => [...rows, { uid, source, target: '' }]);
    return uid;
  };
  const mapLabel = (label: string) => {
    const uid = mapping.find((row) => row.source.trim() === label)?.uid ?? addMapping(label);
    focusSoon(mappingTargetId(uid));
  };

  // The forced format, or the format detected for each chosen file: they decide which options are asked.
  const formats =
    options.format !== '' ? [options.format] : chosen.files.flatMap(({ detection }) => (detection.status === 'detected' ? [detection.format] : []));
  const applicable = applicableOptions(formats);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter in a text field submits too, with or without files.
    if (chosen.files.length === 0) return;
    const body = importFormData(
      chosen.files.map(({ file }) => file),
      options,
      mapping,
      applicable,
    );
    // Imported files are in the project now; sending them again would only skip them as duplicates.
    upload.start(body, chosen.clear);
  };

  const count = chosen.files.length;
  return (
    <>
      <form onSubmit={onSubmit} aria-labelledby="files-heading">
        <section aria-labelledby="files-heading" className="panel">
          <h2 id="files-heading">Files</h2>
          <div className="stack">
            <FileDropZone onFiles={chosen.add} disabled={upload.busy} />
            {count > 0 && <ChosenFiles files={chosen.files} format={options.format} disabled={upload.busy} onRemove={chosen.remove} />}
          </div>
        </section>
        <section aria-labelledby="options-heading" className="panel">
          <h2 id="options-heading">Options</h2>
          <div className="split">
            <ImportOptionsFields
              options={options}
              onChange={(patch) => setOptions((current) => ({ ...current, ...patch }))}
              mayImportGold={mayImportGold}
              applicable={applicable}
              questions={labels.filter((label) => label.layer === 'DOCUMENT')}
              disabled={upload.busy}
            />
            <LabelMapEditor
              rows={mapping}
              labels={labels}
              disabled={upload.busy}
              onAdd={() => addMapping()}
              onChange={(uid, patch) => setMapping((rows) => rows.map((row) => (row.uid === uid ? { ...row, ...patch } : row)))}
              onRemove={(uid) => setMapping((rows) => rows.filter((row) => row.uid !== uid))}
            />
          </div>
        </section>
        <div className={styles.submitRow}>
          <SubmitButton pending={upload.busy} pendingLabel="Importing…" disabled={count === 0}>
            {count === 0 ? 'Import' : `Import ${count === 1 ? '1 file' : `${count} files`}`}
          </SubmitButton>
          {upload.transfer?.stage === 'uploading' && (
            <button type="button" className="button button--secondary" onClick={upload.cancel}>
              Cancel upload
            </button>
          )}
          <div className={styles.status}>
            <UploadProgress transfer={upload.transfer} />
          </div>
        </div>
      </form>
      {upload.outcome && (
        <OutcomePanel projectId={projectId} outcome={upload.outcome} mapped={new Set(mapping.map((row) => row.source.trim()))} onMap={mapLabel} />
      )}
    </>
  );
}
