import type { ProjectAccess } from '@/lib/access/project-access';
import type { PrismaClient } from '@/lib/db/client';
import type { ChangeNotice } from './channel';
import { hub } from './hub';
import { HEARTBEAT_MS, heartbeat, join, leave, present } from './presence';

/**
 * A server-sent event stream for one viewer of one document:
 *   event: presence  data: [{ id, name, connections }]  who has the document open (and in how many tabs)
 *   event: change    data: { authors, entities }  refetch these layers
 *   event: resync    data: {}                     the server missed notices; refetch everything
 * Annotators in blind mode hear only about their own layer.
 */
export function documentEvents(db: PrismaClient, documentId: string, viewerId: string, access: ProjectAccess, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let cleanup = async () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      // The runtime may close the stream when the client goes away before telling us.
      const write = (chunk: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          void cleanup();
        }
      };
      const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const visible = (notice: ChangeNotice) => access.seesOthersWork || notice.authors.includes(viewerId);
      const presenceId = await join(db, documentId, viewerId);
      const unsubscribe = await hub.subscribe({
        documentId,
        onChange: (notice) => visible(notice) && send('change', { authors: notice.authors, entities: notice.entities, actorId: notice.actorId }),
        // While the database is away presence cannot be read; the next notice brings it.
        onPresence: () => void present(db, documentId).then((users) => send('presence', users), () => {}),
        onReconnect: () => send('resync', {}),
      });
      send('presence', await present(db, documentId));
      const timer = setInterval(() => {
        // A missed heartbeat only ages the row; the sweep in present() tolerates a few.
        heartbeat(db, presenceId).catch(() => {});
        write(': keep-alive\n\n');
      }, HEARTBEAT_MS);
      cleanup = async () => {
        if (!open) return;
        open = false;
        clearInterval(timer);
        unsubscribe();
        await leave(db, presenceId, documentId).catch(() => {});
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener('abort', () => void cleanup());
    },
    cancel: () => cleanup(),
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
