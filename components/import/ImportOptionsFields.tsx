'use client';

import { CheckboxField } from '@/components/forms/CheckboxField';
import { Field } from '@/components/forms/Field';
import { IMPORT_ENCODINGS, IMPORT_FORMATS, OFFSET_UNITS, type ImportEncoding, type OffsetUnit } from '@/lib/import/types';
import { FORMAT_NAMES } from './formats';
import type { SchemaLabelChoice } from './LabelMapEditor';
import type { FormatOption, ImportOptions } from './options';
import { RadioGroup } from './RadioGroup';

interface ImportOptionsFieldsProps {
  options: ImportOptions;
  onChange: (patch: Partial<ImportOptions>) => void;
  mayImportGold: boolean;
  /** The format-specific options some chosen file (or the forced format) reads: only those are asked. */
  applicable: ReadonlySet<FormatOption>;
  /** The schema's document questions, which a CSV column can answer. */
  questions: readonly SchemaLabelChoice[];
  disabled: boolean;
}

const ENCODING_NAMES: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16': 'UTF-16 (with a byte order mark)',
  'windows-1252': 'Windows-1252 (e.g. SemEval-2016 Task 6)',
  'latin-1': 'Latin-1 (ISO 8859-1)',
};

const OFFSET_UNIT_NAMES: Record<OffsetUnit, string> = {
  'code-points': 'Code points (Label Studio 1.x)',
  'utf-16': 'UTF-16 code units (older Label Studio)',
};

export function ImportOptionsFields({ options, onChange, mayImportGold, applicable, questions, disabled }: ImportOptionsFieldsProps) {
  return (
    <div className="field-stack">
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
      {applicable.has('encoding') && (
        <Field label="Text encoding" hint="How the files’ bytes are read. The report states the encoding used." optional>
          {(control) => (
            <select
              {...control}
              value={options.encoding}
              disabled={disabled}
              onChange={(event) => onChange({ encoding: IMPORT_ENCODINGS.find((encoding) => encoding === event.target.value) ?? '' })}
            >
              <option value="">UTF-8, or UTF-16 when the file starts with a byte order mark</option>
              {IMPORT_ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {ENCODING_NAMES[encoding]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {applicable.has('csvColumns') && (
        <fieldset className="fieldset" disabled={disabled}>
          <legend>CSV and TSV columns</legend>
          <Field label="Text column" hint="The column holding each document’s text; by default “text”." optional>
            {(control) => (
              <input
                {...control}
                value={options.textColumn}
                maxLength={200}
                placeholder="text"
                onChange={(event) => onChange({ textColumn: event.target.value })}
              />
            )}
          </Field>
          <Field label="Name column" hint="By default “name”, or the file name and row number. Other columns become metadata." optional>
            {(control) => (
              <input
                {...control}
                value={options.nameColumn}
                maxLength={200}
                placeholder="name"
                onChange={(event) => onChange({ nameColumn: event.target.value })}
              />
            )}
          </Field>
          <Field
            label="Question column"
            hint="A column whose value answers a document question, e.g. SemEval’s “Stance”. Blank cells are counted in the report."
            optional
          >
            {(control) => (
              <input {...control} value={options.questionColumn} maxLength={200} onChange={(event) => onChange({ questionColumn: event.target.value })} />
            )}
          </Field>
          <Field label="Question it answers" hint="Values are matched to the question’s options regardless of case, or through the label map." optional>
            {(control) => (
              <select {...control} value={options.question} onChange={(event) => onChange({ question: event.target.value })}>
                <option value="">Choose a document question</option>
                {questions.map((question) => (
                  <option key={question.key} value={question.key}>
                    {question.name} ({question.key})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Target column"
            hint="For a question asked per stance target: the column naming the target, e.g. SemEval’s “Target” (a target key, name or alias)."
            optional
          >
            {(control) => (
              <input {...control} value={options.targetColumn} maxLength={200} onChange={(event) => onChange({ targetColumn: event.target.value })} />
            )}
          </Field>
        </fieldset>
      )}
      {applicable.has('offsetUnit') && (
        <Field
          label="Label Studio offsets"
          hint={
            'Only matters after an emoji or other character outside the BMP. Left on “decide”, a task the region texts ' +
            'cannot decide is refused with a message.'
          }
          optional
        >
          {(control) => (
            <select
              {...control}
              value={options.offsetUnit}
              disabled={disabled}
              onChange={(event) => onChange({ offsetUnit: OFFSET_UNITS.find((unit) => unit === event.target.value) ?? '' })}
            >
              <option value="">Decide from the region texts</option>
              {OFFSET_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {OFFSET_UNIT_NAMES[unit]}
                </option>
              ))}
            </select>
          )}
        </Field>
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
      {applicable.has('sourceAuthors') && (
        <CheckboxField
          label="Keep the annotators named in the files"
          hint={
            'Each annotation goes to the layer of the project member the file names (user id or e-mail; “gold” for gold); ' +
            'a name that is no member is refused. Otherwise all of it goes to the layer chosen above.'
          }
          checked={options.keepSourceAuthors}
          disabled={disabled}
          onChange={(event) => onChange({ keepSourceAuthors: event.target.checked })}
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
          {
            value: 'merge',
            label: 'Merge annotations onto the existing document',
            hint: "E.g. a second annotator's file: refused where that layer already has work or is submitted.",
          },
          { value: 'new', label: 'Import as new documents', hint: 'The project then holds the text twice.' },
        ]}
      />
    </div>
  );
}
