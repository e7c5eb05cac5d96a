import { describe, expect, it } from 'vitest';
import { projectBaseUrl, requestOrigin } from '@/lib/export/base-url';

describe('projectBaseUrl: where W3C annotation IRIs are named', () => {
  it('uses GLOSSA_PUBLIC_URL, path prefix kept, over NEXTAUTH_URL and the request', () => {
    const env = { GLOSSA_PUBLIC_URL: 'https://glossa.example.org/lab/', NEXTAUTH_URL: 'https://auth.example.org' };
    expect(projectBaseUrl('p 1', 'http://0.0.0.0:3000', env)).toBe('https://glossa.example.org/lab/projects/p%201');
  });

  it('uses NEXTAUTH_URL when GLOSSA_PUBLIC_URL is not set', () => {
    expect(projectBaseUrl('p1', 'http://0.0.0.0:3000', { NEXTAUTH_URL: 'https://glossa.example.org' })).toBe('https://glossa.example.org/projects/p1');
  });

  it('falls back to the request origin only when no public URL is configured, never to a bind-all address', () => {
    expect(projectBaseUrl('p1', 'http://glossa.lan:8080', {})).toBe('http://glossa.lan:8080/projects/p1');
    expect(projectBaseUrl('p1', 'http://0.0.0.0:3000', {})).toBe('http://localhost:3000/projects/p1');
    expect(projectBaseUrl('p1', 'http://[::]:3000', { GLOSSA_PUBLIC_URL: ' ' })).toBe('http://localhost:3000/projects/p1');
  });
});

describe('requestOrigin', () => {
  it('is the Host the client addressed, not the URL the server built from its bind address', () => {
    expect(requestOrigin(new Request('http://0.0.0.0:3000/api/v1/x', { headers: { host: 'glossa.lan:3000' } }))).toBe('http://glossa.lan:3000');
  });

  it("is the request URL's origin without a usable Host header", () => {
    expect(requestOrigin(new Request('http://127.0.0.1:3000/api/v1/x'))).toBe('http://127.0.0.1:3000');
    expect(requestOrigin(new Request('http://127.0.0.1:3000/api/v1/x', { headers: { host: 'a b' } }))).toBe('http://127.0.0.1:3000');
  });
});
