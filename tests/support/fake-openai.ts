import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An OpenAI-compatible Chat Completions server for tests and the benchmark: plain node:http
 * on 127.0.0.1, a free port. Each request takes the next scripted reply (then the default
 * responder): good output, malformed JSON, hallucinated quotes, labels outside the schema,
 * 429 then success, a hang past the client's timeout. Every request is recorded with its
 * headers and parsed body, so tests assert the prompt and `response_format`.
 */
export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: { model: string; messages: { role: string; content: string }[]; response_format: unknown; temperature: number };
}

export type Reply =
  | { content: unknown; usage?: { prompt_tokens: number; completion_tokens: number }; delayMs?: number }
  | { status: number; headers?: Record<string, string>; raw?: string }
  | { hang: true };

export type Responder = (request: RecordedRequest) => Reply;

export interface FakeOpenai {
  /** The base URL to configure (`…/v1`). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order. */
  reply(...replies: Reply[]): void;
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

/** The user message of a request: the text (or piece of it) sent. */
export const sentText = (request: RecordedRequest) => request.body.messages.find((m) => m.role === 'user')!.content;

export async function startFakeOpenai(): Promise<FakeOpenai> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let responder: Responder = () => ({ content: { spans: [], answers: [] } });
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = { path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') };
      requests.push(recorded);
      const reply = queue.shift() ?? responder(recorded);
      if ('hang' in reply) return;
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.raw ?? JSON.stringify({ error: { message: `status ${reply.status}` } }));
        return;
      }
      const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
      const send = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: reply.usage ?? { prompt_tokens: 10, completion_tokens: 5 },
          }),
        );
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => queue.push(...replies),
    respondWith: (next) => {
      responder = next;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
