import { createServer } from 'node:net';
import { StartupError } from '@/lib/db/startup-error';

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartupError(`PORT="${raw}" is not a valid port.`, 'Use a number between 1 and 65535, e.g. PORT=3001 npm start.');
  }
  return port;
}

export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const fix = `Stop whatever uses it, or pick another port: PORT=${port === 65535 ? 3001 : port + 1} npm start`;
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use.`, fix)
          : new StartupError(`Cannot listen on ${host}:${port} (${error.code ?? error.message}).`, fix),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
