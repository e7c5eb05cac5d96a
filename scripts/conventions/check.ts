/**
 * `npm run lint` (after Biome): the layer boundaries and the line width of
 * scripts/conventions/rules.ts over every source file of the tree. Exits 1 listing each violation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { candidatePaths, checkFile, type SourceFile } from './rules';

const root = path.resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', '.git', '.data', 'lib/generated', 'bench/out', 'test-results']);

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (SKIP.has(relative) || entry.name.startsWith('.next')) continue;
    if (entry.isDirectory()) yield* walk(relative);
    else if (/\.(ts|tsx|mjs|js|css)$/.test(entry.name)) yield relative;
  }
}

const cache = new Map<string, SourceFile>();
function read(relative: string): SourceFile {
  let file = cache.get(relative);
  if (!file) {
    file = { path: relative, text: readFileSync(path.join(root, relative), 'utf8') };
    cache.set(relative, file);
  }
  return file;
}

const resolve = (specifier: string, from: string): SourceFile | null => {
  for (const candidate of candidatePaths(specifier, from)) {
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return read(candidate);
  }
  return null;
};

const violations = [...walk('')].flatMap((relative) => checkFile(read(relative), resolve));
for (const violation of violations) console.error(`${violation.path}:${violation.line}: ${violation.message}`);
if (violations.length > 0) {
  console.error(`${violations.length} convention violation(s); see docs/ARCHITECTURE.md §18.`);
  process.exit(1);
}
