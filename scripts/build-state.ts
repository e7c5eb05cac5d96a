import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm start` serves a production build; it rebuilds only when the sources that go
 * into the build changed since the last one, so a second start is fast.
 */
const INPUTS = ['app', 'components', 'lib', 'public', 'next.config.ts', 'proxy.ts', 'package-lock.json', 'tsconfig.json'];
const IGNORED = new Set(['generated', 'node_modules']);

const distDir = () => process.env.GLOSSA_NEXT_DIST_DIR ?? '.next';
const stampOf = (root: string) => path.join(root, distDir(), 'glossa-sources.sha256');

export function buildIsCurrent(root: string): boolean {
  const stamp = stampOf(root);
  return existsSync(path.join(root, distDir(), 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === sourcesDigest(root);
}

export function recordBuild(root: string): void {
  writeFileSync(stampOf(root), sourcesDigest(root));
}

function sourcesDigest(root: string): string {
  const hash = createHash('sha256');
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) if (!IGNORED.has(entry)) visit(path.join(relative, entry));
      return;
    }
    hash.update(relative).update('\0').update(readFileSync(full)).update('\0');
  };
  INPUTS.forEach(visit);
  return hash.digest('hex');
}
