// Preloaded into the Next.js server process (scripts/next-process.ts) with --import.
// Next hands route handlers no socket, and copies the peer address into
// X-Forwarded-For only when the client sent none, so a client could name any address.
// Appending the socket's peer address to every request's X-Forwarded-For makes the
// rightmost entry trustworthy; lib/http/client-address.ts reads the chain from there.
import http from 'node:http';

const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === 'request') {
    const peer = request.socket?.remoteAddress;
    if (peer) {
      const sent = request.headers['x-forwarded-for'];
      request.headers['x-forwarded-for'] = sent ? `${sent}, ${peer}` : peer;
    }
  }
  return emit.call(this, event, request, ...rest);
};
