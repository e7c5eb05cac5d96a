import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { reviewAgreement } from '@/lib/export/agreement';
import { projectBaseUrl } from '@/lib/export/base-url';
import { sourceName } from '@/lib/export/options';
import { exportQuery } from '@/lib/export/query';
import { exportProject } from '@/lib/export/run';
import { HttpError } from '@/lib/http/errors';
import { projectActor } from './actor';
import { flags, UsageError, withDatabase, type Command } from './support';

const INTERRUPTS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export const exportCommand: Command = {
  group: 'export',
  synopsis:
    'glossa export --project ID --format F --source gold|all|annotator:<userId> [--out FILE] ' +
    '[--as-user EMAIL] [--of F] [--status S] [--assignee USER_ID] [--documents ID,ID] [--meta ' +
    'KEY=VALUE …] [--base-url URL] [--csv-escape spreadsheet|raw] [--labels schema|source]',
  async run(args) {
    const options = flags(
      args,
      {
        strings: ['project', 'format', 'source', 'out', 'as-user', 'of', 'status', 'assignee', 'documents', 'base-url', 'csv-escape', 'labels'],
        lists: ['meta'],
      },
      ['project', 'format', 'source'],
    );
    // The API's own query schema, so the CLI accepts and rejects exactly what the API does.
    const metadata = (options.meta ?? []).map((pair) => {
      const [key, ...value] = pair.split('=');
      if (!key || value.length === 0) throw new UsageError(`--meta ${pair}: write KEY=VALUE.`);
      return [`meta.${key}`, value.join('=')];
    });
    const { project, out, 'as-user': asUser, 'base-url': baseUrl, meta: _meta, 'csv-escape': csvEscape, ...query } = options;
    const given = Object.entries({ ...query, csvEscape }).filter(([, value]) => value !== undefined);
    const parsed = exportQuery.safeParse({ ...Object.fromEntries(given), ...Object.fromEntries(metadata) });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `--${String(issue.path[0] ?? 'options')}: ${issue.message}`).join('\n'));

    await withDatabase(async (db) => {
      await projectActor(db, project!, asUser, 'export');
      let result: Awaited<ReturnType<typeof exportProject>>;
      try {
        result = await exportProject(db, project!, {
          ...parsed.data,
          baseUrl: baseUrl ?? projectBaseUrl(project!, `http://localhost:${process.env.PORT ?? 3000}`),
          agreement: reviewAgreement,
        });
      } catch (error) {
        if (error instanceof HttpError && error.status < 500) throw new UsageError(error.message);
        throw error;
      }
      const data = Readable.fromWeb(result.stream as NodeReadableStream<Uint8Array>);
      if (!out) {
        await pipeline(data, process.stdout as Writable, { end: false });
        return;
      }
      // Written beside the target and renamed at the end, so a failed or interrupted export leaves no
      // truncated file under the final name (a previous export there stays as it was). Flushed to disk
      // before the rename, so a machine that goes down right after cannot leave an empty file there.
      const partial = `${out}.partial`;
      // Ctrl-C or a service manager's stop ends the export like a failure: the partial file is removed.
      const interrupt = (signal: NodeJS.Signals) => data.destroy(new Error(`The export was interrupted (${signal}); ${out} was not written.`));
      for (const signal of INTERRUPTS) process.once(signal, interrupt);
      try {
        await pipeline(data, createWriteStream(partial, { flush: true }));
        await rename(partial, out);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      } finally {
        for (const signal of INTERRUPTS) process.off(signal, interrupt);
      }
      console.error(`Wrote ${result.totalDocuments} document(s) as ${parsed.data.format} (source ${sourceName(parsed.data.source)}) to ${out}.`);
    });
  },
};
