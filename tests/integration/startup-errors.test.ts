import { createServer } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { resolveDatabase } from '@/lib/db/connect';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { StartupError } from '@/lib/db/startup-error';
import { assertPortFree, parsePort } from '@/lib/server/port';
import { rejectionAs } from '../support/rejection';

const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = saved;
});

const startupError = (promise: Promise<unknown>) => rejectionAs(promise, StartupError);

describe('start-up stops with one clear message', () => {
  it('for a DATABASE_URL that is not a PostgreSQL URL', async () => {
    process.env.DATABASE_URL = 'mysql://localhost/glossa';
    const error = await startupError(resolveDatabase());
    expect(error.message).toBe('DATABASE_URL is not a valid PostgreSQL connection URL.');
    expect(error.fix).toContain('postgresql://USER:PASSWORD@HOST:5432/DATABASE');
  });

  it('for an unreachable server, without leaking the password', async () => {
    process.env.DATABASE_URL = 'postgresql://glossa:s3cret@127.0.0.1:1/glossa';
    const error = await startupError(resolveDatabase());
    expect(error.message).toMatch(/^Cannot connect to postgresql:\/\/glossa:\*\*\*@127\.0\.0\.1:1\/glossa/);
    expect(error.message).not.toContain('s3cret');
    expect(error.fix).toContain('running and reachable');
  });

  it.each([
    { what: 'a wrong password', wrong: (url: URL) => (url.password = 'wrong-password'), fix: 'Check the user name and password in DATABASE_URL.' },
    {
      what: 'a database that does not exist',
      wrong: (url: URL) => (url.pathname = '/no_such_database'),
      fix: expect.stringContaining('createdb no_such_database'),
    },
  ])('for $what', async ({ wrong, fix }) => {
    const url = new URL(inject('adminDatabaseUrl'));
    wrong(url);
    process.env.DATABASE_URL = url.toString();
    const error = await startupError(resolveDatabase());
    expect(error.fix).toEqual(fix);
  });

  it('for a data directory that cannot be created or written', async () => {
    const error = await startupError(startEmbeddedDatabase({ dataRoot: '/dev/null/glossa' }));
    expect(error.message).toContain('/dev/null/glossa is not writable');
    expect(error.fix).toContain('GLOSSA_DATA_DIR');
  });

  it('for an HTTP port in use or invalid', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const error = await startupError(assertPortFree(port, '127.0.0.1'));
      expect(error.message).toBe(`Port ${port} is already in use.`);
      expect(error.fix).toContain(`PORT=${port + 1} npm start`);
    } finally {
      server.close();
    }
    expect(() => parsePort('http')).toThrow(StartupError);
    expect(parsePort(undefined)).toBe(3000);
    expect(parsePort('8080')).toBe(8080);
  });
});
