import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_FORMATS, type ImportFormat, type ImportSource } from '@/lib/import/types';
import { importQuery } from '@/lib/import/query';
import { pairBrat, parseOptionsOf } from '@/lib/import/request';
import { rejectionLines, reportLines } from '@/lib/import/report-lines';
import type { RejectionDetails } from '@/lib/import/problems';
import { normalizeEmail } from '@/lib/users/store';
import { importBatch } from '@/lib/import/service';
import { HttpError } from '@/lib/http/errors';
import { flags, UsageError, withDatabase, type Command } from './support';
import { projectActor } from './actor';

export const importCommand: Command = {
  group: 'import',
  synopsis:
    'glossa import --project ID --file PATH [--file PATH …] [--format F] [--as-user EMAIL] [--gold | ' +
    '--author EMAIL|ID] [--keep-source-authors] [--label-map JSON|FILE.json] [--skip-unknown-labels] ' +
    '[--allow-duplicates | --merge-duplicates] [--encoding utf-8|utf-16|windows-1252|latin-1] ' +
    '[--offset-unit code-points|utf-16] [--text-column C] [--name-column C] [--question-column C ' +
    '--question KEY [--target-column C]]',
  async run(args) {
    const options = flags(
      args,
      {
        strings: [
          'project',
          'format',
          'as-user',
          'author',
          'label-map',
          'encoding',
          'offset-unit',
          'text-column',
          'name-column',
          'question-column',
          'question',
          'target-column',
        ],
        switches: ['gold', 'keep-source-authors', 'skip-unknown-labels', 'allow-duplicates', 'merge-duplicates'],
        lists: ['file'],
      },
      ['project', 'file'],
    );
    const format = options.format as ImportFormat | undefined;
    if (format && !IMPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${IMPORT_FORMATS.join(', ')}.`);
    if (options.gold && options.author) throw new UsageError('Give --gold or --author, not both.');
    // The parse options are checked by the API's own query schema, so the CLI and the API accept the same values.
    const query = importQuery.safeParse({
      textColumn: options['text-column'],
      nameColumn: options['name-column'],
      questionColumn: options['question-column'],
      question: options.question,
      targetColumn: options['target-column'],
      encoding: options.encoding,
      offsetUnit: options['offset-unit'],
      labelMap: labelMapText(options['label-map']),
    });
    if (!query.success) throw new UsageError(query.error.issues.map((issue) => `--${kebab(String(issue.path[0]))}: ${issue.message}`).join('\n'));
    const files = options.file!;
    for (const file of files) if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    if (options['allow-duplicates'] && options['merge-duplicates'])
      throw new UsageError('--allow-duplicates (import as new documents) and --merge-duplicates (merge onto the existing ones) exclude each other');
    const sources: ImportSource[] = files.map((file) => ({ name: path.basename(file), stream: () => createReadStream(file) }));

    await withDatabase(async (db) => {
      const actor = await projectActor(db, options.project!, options['as-user'], 'documents:write');
      const authorId = options.author === undefined ? actor.userId : await memberId(db, options.project!, options.author);
      try {
        const report = await importBatch(db, pairBrat(sources, format), {
          projectId: options.project!,
          actorId: actor.userId,
          author: options.gold ? { kind: 'gold' } : { kind: 'user', userId: authorId },
          keepSourceAuthors: options['keep-source-authors'] ?? false,
          format,
          parse: parseOptionsOf(query.data),
          labelMap: query.data.labelMap,
          unknownLabels: options['skip-unknown-labels'] ? 'skip' : 'reject',
          allowDuplicates: options['allow-duplicates'] ?? false,
          mergeDuplicates: options['merge-duplicates'] ?? false,
        });
        for (const line of reportLines(report)) console.log(line);
        console.log(
          `Imported ${report.documentCount} document(s) into project ` +
            `${options.project}${report.mergedDocumentCount > 0 ? `, merged annotations onto ${report.mergedDocumentCount} existing document(s)` : ''}.`,
        );
      } catch (error) {
        if (error instanceof HttpError && error.code === 'import_rejected') throw new UsageError(rejectionLines(error.details as RejectionDetails).join('\n'));
        // A file over a size limit (413) or a racing import (409): the message says what to do.
        if (error instanceof HttpError && error.status < 500) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};

/** --label-map is a JSON object, or the path of a .json file holding one. */
function labelMapText(value: string | undefined): string | undefined {
  if (value === undefined || value.trim().startsWith('{')) return value;
  if (!existsSync(value)) throw new UsageError(`--label-map: no such file ${value} (give a JSON object such as '{"3": "ORG"}', or a .json file holding one)`);
  return readFileSync(value, 'utf-8');
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** A project member named by e-mail or user id: whose layer --author puts the imported work in. */
async function memberId(db: Parameters<Parameters<typeof withDatabase>[0]>[0], projectId: string, author: string): Promise<string> {
  const member = await db.membership.findFirst({
    where: { projectId, user: author.includes('@') ? { email: normalizeEmail(author) } : { id: author } },
    select: { userId: true },
  });
  if (!member) throw new UsageError(`--author: ${author} is not a member of project ${projectId}.`);
  return member.userId;
}
