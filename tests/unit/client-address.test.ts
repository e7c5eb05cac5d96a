import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from '@/lib/http/client-address';

const none = trustedProxies('');
const proxies = trustedProxies('10.0.0.0/8, 127.0.0.1, fd00::/8');
const xff = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientAddress', () => {
  it('without trusted proxies takes only the rightmost entry, the peer address the server appended', () => {
    expect(clientAddress(xff('203.0.113.9'), undefined, none)).toBe('203.0.113.9');
    expect(clientAddress(xff('1.2.3.4, 5.6.7.8, 203.0.113.9'), undefined, none)).toBe('203.0.113.9');
    expect(clientAddress(xff('forged'), '198.51.100.7', none)).toBe('198.51.100.7');
  });

  it('behind trusted proxies walks from the right past them to the first untrusted address', () => {
    // The client forged "1.2.3.4"; the proxy appended what it saw (203.0.113.9); the peer is the proxy.
    expect(clientAddress(xff('1.2.3.4, 203.0.113.9, 127.0.0.1'), undefined, proxies)).toBe('203.0.113.9');
    expect(clientAddress(xff('1.2.3.4, 203.0.113.9, 10.1.2.3'), '127.0.0.1', proxies)).toBe('203.0.113.9');
    // A request straight from an untrusted client: its own entries are ignored.
    expect(clientAddress(xff('10.9.9.9'), '198.51.100.7', proxies)).toBe('198.51.100.7');
    // Only proxies in the chain: the leftmost is the best there is.
    expect(clientAddress(xff('10.0.0.5, 127.0.0.1'), undefined, proxies)).toBe('10.0.0.5');
  });

  it('reads plain header objects (next-auth passes those), folds IPv4-mapped IPv6 and bounds client-written text', () => {
    expect(clientAddress({ 'x-forwarded-for': '::ffff:203.0.113.9' }, undefined, none)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': ['a', 'fd00::1'] }, undefined, proxies)).toBe('a');
    expect(clientAddress({ 'x-forwarded-for': `1.1.1.1, ${'x'.repeat(5000)}` }, undefined, none)).toHaveLength(64);
    expect(clientAddress({}, undefined, none)).toBeUndefined();
    expect(clientAddress(new Headers(), '::1', none)).toBe('::1');
  });

  it('refuses a GLOSSA_TRUSTED_PROXIES entry that is no address or range, naming it', () => {
    expect(() => trustedProxies('10.0.0.0/8, proxy.internal')).toThrow('GLOSSA_TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range.');
    expect(() => trustedProxies('10.0.0.0/33')).toThrow('"10.0.0.0/33"');
    expect(() => trustedProxies('10.0.0.0/8/1')).toThrow('"10.0.0.0/8/1"');
  });
});
