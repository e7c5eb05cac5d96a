'use client';

import { Field } from '@/components/forms/Field';
import { IMPORT_FORMATS } from '@/lib/import/types';
import { FORMAT_NAMES } from './formats';
import styles from './Import.module.css';
import type { ImportOptions } from './options';
import { RadioGroup } from './RadioGroup';

interface ImportOptionsFieldsProps {
  options: ImportOptions;
  onChange: (patch: Partial<ImportOptions>) => void;
  mayImportGold: boolean;
  /** A CSV is among the files (or CSV is forced): ask which columns to read. */
  showCsvColumns: boolean;
  disabled: boolean;
}

export function ImportOptionsFields({ options, onChange, mayImportGold, showCsvColumns, disabled }: ImportOptionsFieldsProps) {
  return (
    <div className={styles.options}>
      <Field label="Format" hint="Leave on “Detect” unless a file is misread, e.g. a .txt that is really Markdown.">
        {(control) => (
          <select
            {...control}
            value={options.format}
            disabled={disabled}
            onChange={(event) => onChange({ format: IMPORT_FORMATS.find((format) => format === event.target.value) ?? '' })}
          >
            <option value="">Detect from each file</option>
            {IMPORT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {FORMAT_NAMES[format]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {showCsvColumns && (
        <fieldset className="fieldset" disabled={disabled}>
          <legend>CSV columns</legend>
          <Field label="Text column" hint="The column holding each document’s text; by default “text”." optional>
            {(control) => <input {...control} value={options.textColumn} maxLength={200} placeholder="text" onChange={(event) => onChange({ textColumn: event.target.value })} />}
          </Field>
          <Field label="Name column" hint="By default “name”, or the file name and row number. Other columns become metadata." optional>
            {(control) => <input {...control} value={options.nameColumn} maxLength={200} placeholder="name" onChange={(event) => onChange({ nameColumn: event.target.value })} />}
          </Field>
        </fieldset>
      )}
      {mayImportGold && (
        <RadioGroup
          legend="Import annotations as"
          value={options.author}
          disabled={disabled}
          onChange={(author) => onChange({ author })}
          choices={[
            { value: 'me', label: 'My annotations' },
            { value: 'gold', label: 'Gold', hint: 'The adjudicated layer that exports treat as final.' },
          ]}
        />
      )}
      <RadioGroup
        legend="Annotations arrive as"
        value={options.origin}
        disabled={disabled}
        onChange={(origin) => onChange({ origin })}
        choices={[
          { value: 'IMPORTED', label: 'Finished annotations' },
          { value: 'SUGGESTED', label: 'Suggestions', hint: 'Pre-annotations, e.g. from a model, that annotators accept or reject.' },
        ]}
      />
      <RadioGroup
        legend="Labels not in the schema"
        value={options.unknownLabels}
        disabled={disabled}
        onChange={(unknownLabels) => onChange({ unknownLabels })}
        choices={[
          { value: 'reject', label: 'Reject the import', hint: 'Nothing is imported; the report lists them so you can map them.' },
          { value: 'skip', label: 'Skip those annotations', hint: 'Documents are imported without them; the report counts what was skipped.' },
        ]}
      />
      <RadioGroup
        legend="Texts already in the project"
        value={options.duplicates}
        disabled={disabled}
        onChange={(duplicates) => onChange({ duplicates })}
        choices={[
          { value: 'skip', label: 'Skip them', hint: 'They are listed in the report with the spans, relations and answers they carried.' },
          { value: 'merge', label: 'Merge annotations onto the existing document', hint: "E.g. a second annotator's file: refused where that layer already has work or is submitted." },
          { value: 'new', label: 'Import as new documents', hint: 'The project then holds the text twice.' },
        ]}
      />
    </div>
  );
}
