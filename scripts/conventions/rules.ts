import path from 'node:path';
import ts from 'typescript';

/**
 * The conventions Biome cannot express: which layer may import what, and the line width
 * for the lines its formatter cannot wrap (strings, comments, JSX text). Pure: the caller
 * supplies the files; `npm run lint` runs it over the tree (scripts/conventions/check.ts).
 */
export const MAX_LINE = 160;

/** The one folder of lib/ that may use React, Next.js and next-auth: the server glue. */
const SERVER_GLUE = 'lib/next/';

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

interface Violation {
  path: string;
  line: number;
  message: string;
}

/** Resolves an import of `from` to a file of the tree (root-relative), or null for a package. */
type Resolve = (specifier: string, from: string) => SourceFile | null;

interface ImportRef {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

const FRAMEWORK = /^(react|react-dom|next|next-auth|@next-auth\/[^/]+|@tiptap\/react)(\/|$)/;
const PRISMA_RUNTIME = /^@prisma\//;
const SERVER_ONLY_MARK = /^\s*import\s+['"]server-only['"];?\s*$/m;

function isServerOnly(text: string): boolean {
  return SERVER_ONLY_MARK.test(text);
}

export function checkFile(file: SourceFile, resolve: Resolve): Violation[] {
  const violations: Violation[] = [];
  if (/\.(ts|tsx|mjs|js|css)$/.test(file.path)) {
    file.text.split('\n').forEach((line, index) => {
      const width = [...line].length;
      if (width > MAX_LINE) violations.push({ path: file.path, line: index + 1, message: `line is ${width} characters, over ${MAX_LINE}` });
    });
  }
  if (!/\.(ts|tsx|mjs)$/.test(file.path)) return violations;
  for (const ref of importsOf(file)) {
    const problem = boundaryProblem(file.path, ref, resolve);
    if (problem) violations.push({ path: file.path, line: ref.line, message: problem });
  }
  return violations;
}

function boundaryProblem(from: string, ref: ImportRef, resolve: Resolve): string | null {
  const target = resolve(ref.specifier, from);
  const targetPath = target?.path ?? null;
  if (from.startsWith('components/')) {
    if (targetPath?.startsWith('lib/db/')) return `components/ must not import the database layer (${ref.specifier}); call /api/v1 or take data as props`;
    if (PRISMA_RUNTIME.test(ref.specifier)) return `components/ must not import the Prisma runtime (${ref.specifier})`;
    if (targetPath?.startsWith('lib/generated/') && !ref.typeOnly) return `components/ may import only types from the generated Prisma code (${ref.specifier})`;
    if (target && isServerOnly(target.text)) return `components/ must not import a server-only module (${ref.specifier})`;
  }
  if (from.startsWith('lib/') && !from.startsWith(SERVER_GLUE) && FRAMEWORK.test(ref.specifier)) {
    return `lib/ must not import ${ref.specifier}: React, Next.js and next-auth belong in ${SERVER_GLUE}`;
  }
  return null;
}

/** Static imports, re-exports and dynamic `import()` calls with a literal specifier. */
function importsOf(file: SourceFile): ImportRef[] {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
  const refs: ImportRef[] = [];
  const add = (node: ts.Node, specifier: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteral(specifier)) return;
    refs.push({ specifier: specifier.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      add(node, node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** `@/x` and relative specifiers, tried with the extensions the tree uses. */
export function candidatePaths(specifier: string, from: string): string[] {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(from), specifier);
  else return [];
  return [base, ...['.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'].map((extension) => base + extension)];
}
