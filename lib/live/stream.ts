import { randomUUID } from 'node:crypto';
import type { ProjectAccess } from '@/lib/access/project-access';
import type { PrismaClient } from '@/lib/db/client';
import type { ChangeNotice } from './channel';
import { hub } from './hub';
import { join, leave } from './presence';

/**
 * A server-sent event stream for one viewer of one document:
 *   event: presence  data: [{ id, name, connections }]  who has the document open (and in how many tabs)
 *   event: change    data: { authors, entities }  refetch these layers
 *   event: resync    data: {}                     the server missed notices; refetch everything
 * Annotators in blind mode hear only about their own layer.
 *
 * Everything that can fail (the stream limits, the listener's connection, the presence row)
 * happens before the Response exists, so it fails with a status (429, 503) and leaves
 * nothing registered; the first presence event comes from the hub once the row is in.
 */
export async function documentEvents(db: PrismaClient, documentId: string, viewerId: string, access: ProjectAccess, signal: AbortSignal): Promise<Response> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let unsubscribe = () => {};
  let joined = false;
  const presenceId = randomUUID();

  const close = async () => {
    if (!open) return;
    open = false;
    unsubscribe();
    if (joined) {
      // A heartbeat taken before the unsubscribe would otherwise bring the row back.
      await hub.settled();
      await leave(db, presenceId).catch(() => {});
    }
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: close });
  // The runtime may close the stream when the client goes away before telling us.
  const write = (chunk: string) => {
    if (!open) return;
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      void close();
    }
  };
  const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const visible = (notice: ChangeNotice) => access.seesOthersWork || notice.authors.includes(viewerId);

  unsubscribe = await hub.subscribe({
    id: presenceId,
    documentId,
    userId: viewerId,
    onChange: (notice) => visible(notice) && send('change', { authors: notice.authors, entities: notice.entities, actorId: notice.actorId }),
    onPresence: (users) => send('presence', users),
    onReconnect: () => send('resync', {}),
    onTick: () => write(': keep-alive\n\n'),
  });
  try {
    await join(db, presenceId, documentId, viewerId);
    joined = true;
  } catch (error) {
    open = false;
    unsubscribe();
    throw error;
  }
  // The client may have gone while we joined, in which case its abort has already fired.
  if (signal.aborted) void close();
  else signal.addEventListener('abort', () => void close(), { once: true });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
