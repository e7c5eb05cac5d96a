import { randomUUID } from 'node:crypto';
import type { ProjectAccess } from '@/lib/access/project-access';
import type { PrismaClient } from '@/lib/db/client';
import type { ChangeNotice } from './channel';
import { hub } from './hub';
import { join, leave, type PresentUser } from './presence';

/**
 * A server-sent event stream for one viewer of one document:
 *   event: presence  data: [{ id, name, connections }]  who has the document open (and in how many tabs)
 *   event: change    data: { authors, entities }  refetch these layers
 *   event: resync    data: {}                     the server missed notices; refetch everything
 * Annotators in blind mode hear only about their own layer, and not who else is here.
 *
 * Everything that can fail (the stream limits, the listener's connection, the presence row)
 * happens before the Response exists, so it fails with a status (429, 503) and leaves
 * nothing registered; the first presence event comes from the hub once the row is in.
 */
// The hub hands the same notice (and the same presence list) to every stream of a document,
// so each event is serialised once for all of them rather than once per stream.
const encoder = new TextEncoder();
const encoded = new WeakMap<object, Uint8Array>();
function eventBytes(event: string, source: object, data: () => unknown): Uint8Array {
  let bytes = encoded.get(source);
  if (!bytes) {
    bytes = encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data())}\n\n`);
    encoded.set(source, bytes);
  }
  return bytes;
}
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

/**
 * A blind annotator is told that others have the document open, not who: a name is enough to
 * compare notes outside the tool, which would make their work no longer independent. Each viewer
 * is themselves in the list, so this one is serialised per stream.
 */
function blindPresenceBytes(users: PresentUser[], viewerId: string): Uint8Array {
  let other = 0;
  const shown = users.map((user) => (user.id === viewerId ? user : { id: `other-${(other += 1)}`, name: 'another member', connections: user.connections }));
  return encoder.encode(`event: presence\ndata: ${JSON.stringify(shown)}\n\n`);
}
const RESYNC = encoder.encode('event: resync\ndata: {}\n\n');

export async function documentEvents(db: PrismaClient, documentId: string, viewerId: string, access: ProjectAccess, signal: AbortSignal): Promise<Response> {
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
  const write = (chunk: Uint8Array) => {
    if (!open) return;
    try {
      controller.enqueue(chunk);
    } catch {
      void close();
    }
  };
  const visible = (notice: ChangeNotice) => access.seesOthersWork || notice.authors.includes(viewerId);

  unsubscribe = await hub.subscribe({
    id: presenceId,
    documentId,
    userId: viewerId,
    onChange: (notice) =>
      visible(notice) && write(eventBytes('change', notice, () => ({ authors: notice.authors, entities: notice.entities, actorId: notice.actorId }))),
    onPresence: (users) => write(access.seesOthersWork ? eventBytes('presence', users, () => users) : blindPresenceBytes(users, viewerId)),
    onReconnect: () => write(RESYNC),
    onTick: () => write(KEEP_ALIVE),
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
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
