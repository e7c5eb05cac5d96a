import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_FORMATS, type ImportFormat, type ImportSource } from '@/lib/import/types';
import { pairBrat } from '@/lib/import/request';
import { importBatch } from '@/lib/import/service';
import { HttpError } from '@/lib/http/errors';
import { flags, UsageError, withDatabase, type Command } from './support';
import { projectActor } from './actor';

export const importCommand: Command = {
  group: 'import',
  synopsis: 'glossa import --project ID --file PATH [--file PATH …] [--format F] [--as-user EMAIL] [--gold] [--allow-duplicates]',
  async run(args) {
    const options = flags(
      args,
      {
        project: { type: 'string' },
        file: { type: 'string', multiple: true },
        format: { type: 'string' },
        'as-user': { type: 'string' },
        gold: { type: 'boolean' },
        'allow-duplicates': { type: 'boolean' },
        'skip-unknown-labels': { type: 'boolean' },
        'text-column': { type: 'string' },
      },
      ['project', 'file'],
    );
    const format = options.format as ImportFormat | undefined;
    if (format && !IMPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${IMPORT_FORMATS.join(', ')}.`);
    const files = options.file as unknown as string[];
    for (const file of files) if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const sources: ImportSource[] = files.map((file) => ({ name: path.basename(file), stream: () => createReadStream(file) }));

    await withDatabase(async (db) => {
      const actor = await projectActor(db, options.project!, options['as-user'], 'documents:write');
      try {
        const report = await importBatch(db, pairBrat(sources, format), {
          projectId: options.project!,
          actorId: actor.userId,
          author: options.gold ? { kind: 'gold' } : { kind: 'user', userId: actor.userId },
          format,
          parse: { textColumn: options['text-column'] },
          unknownLabels: options['skip-unknown-labels'] ? 'skip' : 'reject',
          allowDuplicates: options['allow-duplicates'] ?? false,
        });
        for (const file of report.files) {
          const skipped = file.duplicatesSkipped.length ? `, ${file.duplicatesSkipped.length} duplicate(s) skipped` : '';
          console.log(`${file.file} (${file.format}): ${file.documents} document(s), ${file.spans} span(s), ${file.relations} relation(s)${skipped}`);
        }
        console.log(`Imported ${report.documentCount} document(s) into project ${options.project}.`);
      } catch (error) {
        if (error instanceof HttpError && error.status === 422) {
          const details = error.details as { file: string; line?: number; record?: number; reason: string }[];
          throw new UsageError(['Nothing was imported:', ...details.map((d) => `  ${d.file}${d.line ? `:${d.line}` : d.record ? ` record ${d.record}` : ''}: ${d.reason}`)].join('\n'));
        }
        // A file over a size limit (413) or a racing import (409): the message says what to do.
        if (error instanceof HttpError && error.status < 500) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};
