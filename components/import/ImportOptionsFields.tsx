'use client';

import type { ChangeEvent } from 'react';
import { CheckboxField } from '@/components/forms/CheckboxField';
import { InputField } from '@/components/forms/InputField';
import { choicesOf } from '@/components/forms/Options';
import { SelectField } from '@/components/forms/SelectField';
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

/** The choices of the options asked as radio buttons. */
const CHOICES = {
  author: [
    { value: 'me', label: 'My annotations' },
    { value: 'gold', label: 'Gold', hint: 'The adjudicated layer that exports treat as final.' },
  ],
  origin: [
    { value: 'IMPORTED', label: 'Finished annotations' },
    { value: 'SUGGESTED', label: 'Suggestions', hint: 'Pre-annotations, e.g. from a model, that annotators accept or reject.' },
  ],
  unknownLabels: [
    { value: 'reject', label: 'Reject the import', hint: 'Nothing is imported; the report lists them so you can map them.' },
    { value: 'skip', label: 'Skip those annotations', hint: 'Documents are imported without them; the report counts what was skipped.' },
  ],
  duplicates: [
    { value: 'skip', label: 'Skip them', hint: 'They are listed in the report with the spans, relations and answers they carried.' },
    {
      value: 'merge',
      label: 'Merge annotations onto the existing document',
      hint: "E.g. a second annotator's file: refused where that layer already has work or is submitted.",
    },
    { value: 'new', label: 'Import as new documents', hint: 'The project then holds the text twice.' },
  ],
} as const;

export function ImportOptionsFields({ options, onChange, mayImportGold, applicable, questions, disabled }: ImportOptionsFieldsProps) {
  // Each control shows one option and changes only that one.
  const bind = <K extends keyof ImportOptions>(key: K) => ({
    value: options[key],
    onChange: (value: ImportOptions[K]) => onChange({ [key]: value } as Pick<ImportOptions, K>),
  });
  const column = (key: 'textColumn' | 'nameColumn' | 'questionColumn' | 'targetColumn') => ({
    value: options[key],
    maxLength: 200,
    onChange: (event: ChangeEvent<HTMLInputElement>) => bind(key).onChange(event.target.value),
  });
  return (
    <div className="field-stack">
      <SelectField
        label="Format"
        hint="Leave on “Detect” unless a file is misread, e.g. a .txt that is really Markdown."
        {...bind('format')}
        disabled={disabled}
        none="Detect from each file"
        choices={choicesOf(FORMAT_NAMES, IMPORT_FORMATS)}
      />
      {applicable.has('encoding') && (
        <SelectField
          label="Text encoding"
          hint="How the files’ bytes are read. The report states the encoding used."
          optional
          {...bind('encoding')}
          disabled={disabled}
          none="UTF-8, or UTF-16 when the file starts with a byte order mark"
          choices={choicesOf(ENCODING_NAMES, IMPORT_ENCODINGS)}
        />
      )}
      {applicable.has('csvColumns') && (
        <fieldset className="fieldset" disabled={disabled}>
          <legend>CSV and TSV columns</legend>
          <InputField
            label="Text column"
            hint="The column holding each document’s text; by default “text”."
            optional
            placeholder="text"
            {...column('textColumn')}
          />
          <InputField
            label="Name column"
            hint="By default “name”, or the file name and row number. Other columns become metadata."
            optional
            placeholder="name"
            {...column('nameColumn')}
          />
          <InputField
            label="Question column"
            hint="A column whose value answers a document question, e.g. SemEval’s “Stance”. Blank cells are counted in the report."
            optional
            {...column('questionColumn')}
          />
          <SelectField
            label="Question it answers"
            hint="Values are matched to the question’s options regardless of case, or through the label map."
            optional
            {...bind('question')}
            none="Choose a document question"
            choices={questions.map((question) => ({ value: question.key, label: `${question.name} (${question.key})` }))}
          />
          <InputField
            label="Target column"
            hint="For a question asked per stance target: the column naming the target, e.g. SemEval’s “Target” (a target key, name or alias)."
            optional
            {...column('targetColumn')}
          />
        </fieldset>
      )}
      {applicable.has('offsetUnit') && (
        <SelectField
          label="Label Studio offsets"
          hint={
            'Only matters after an emoji or other character outside the BMP. Left on “decide”, a task the region texts ' +
            'cannot decide is refused with a message.'
          }
          optional
          {...bind('offsetUnit')}
          disabled={disabled}
          none="Decide from the region texts"
          choices={choicesOf(OFFSET_UNIT_NAMES, OFFSET_UNITS)}
        />
      )}
      {mayImportGold && <RadioGroup legend="Import annotations as" {...bind('author')} disabled={disabled} choices={CHOICES.author} />}
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
      <RadioGroup legend="Annotations arrive as" {...bind('origin')} disabled={disabled} choices={CHOICES.origin} />
      <RadioGroup legend="Labels not in the schema" {...bind('unknownLabels')} disabled={disabled} choices={CHOICES.unknownLabels} />
      <RadioGroup legend="Texts already in the project" {...bind('duplicates')} disabled={disabled} choices={CHOICES.duplicates} />
    </div>
  );
}
