import { describe, expect, it } from 'vitest';
import { candidatePaths, checkFile, MAX_LINE, type SourceFile } from '../../scripts/conventions/rules';

// A small tree in memory: the checker resolves imports against it as against the real one.
const TREE: SourceFile[] = [
  { path: 'lib/db/client.ts', text: "import 'server-only';\nexport const db = {};\n" },
  { path: 'lib/users/store.ts', text: "import 'server-only';\nexport const users = 1;\n" },
  { path: 'lib/offsets/index.ts', text: 'export const x = 1;\n' },
  { path: 'lib/generated/prisma/enums.ts', text: 'export const Role = {};\n' },
];
const resolve = (specifier: string, from: string) => {
  for (const candidate of candidatePaths(specifier, from)) {
    const file = TREE.find((f) => f.path === candidate);
    if (file) return file;
  }
  return null;
};
const messages = (path: string, text: string) => checkFile({ path, text }, resolve).map((v) => `${v.line}: ${v.message}`);

describe('layer boundaries', () => {
  it('refuses the database layer, the Prisma runtime and server-only modules in components/', () => {
    const text = [
      "import { db } from '@/lib/db/client';",
      "import { PrismaClient } from '@prisma/client';",
      "import { users } from '../../lib/users/store';",
      "import { Role } from '@/lib/generated/prisma/enums';",
      "const later = () => import('@/lib/db/client');",
    ].join('\n');
    expect(messages('components/forms/Thing.tsx', text)).toEqual([
      '1: components/ must not import the database layer (@/lib/db/client); call /api/v1 or take data as props',
      '2: components/ must not import the Prisma runtime (@prisma/client)',
      '3: components/ must not import a server-only module (../../lib/users/store)',
      '4: components/ may import only types from the generated Prisma code (@/lib/generated/prisma/enums)',
      '5: components/ must not import the database layer (@/lib/db/client); call /api/v1 or take data as props',
    ]);
  });

  it('lets components/ import pure lib/ modules and generated types', () => {
    const text =
      "import { x } from '@/lib/offsets';\nimport type { Role } from " +
      "'@/lib/generated/prisma/enums';\nimport { type Role as R } from " +
      "'@/lib/generated/prisma/enums';\n";
    expect(messages('components/forms/Thing.tsx', text)).toEqual([]);
  });

  it('keeps React, Next.js and next-auth out of lib/ except the server glue folder', () => {
    const text =
      "import { cache } from 'react';\nimport { headers } from 'next/headers';\nimport { decode } from " +
      "'next-auth/jwt';\nexport { useEditor } from '@tiptap/react';\n";
    expect(messages('lib/auth/thing.ts', text)).toEqual([
      '1: lib/ must not import react: React, Next.js and next-auth belong in lib/next/',
      '2: lib/ must not import next/headers: React, Next.js and next-auth belong in lib/next/',
      '3: lib/ must not import next-auth/jwt: React, Next.js and next-auth belong in lib/next/',
      '4: lib/ must not import @tiptap/react: React, Next.js and next-auth belong in lib/next/',
    ]);
    expect(messages('lib/next/thing.ts', text)).toEqual([]);
    // A package whose name merely starts like one of them is not one of them.
    expect(messages('lib/auth/thing.ts', "import x from 'nextjs-like';\nimport y from 'react-markdown';\n")).toEqual([]);
  });
});

describe('line width', () => {
  it(`reports lines over ${MAX_LINE} characters, counted in code points`, () => {
    const atLimit = `// ${'é'.repeat(MAX_LINE - 3)}`;
    expect(messages('lib/offsets/a.ts', `${atLimit}\n${atLimit}x\n`)).toEqual([`2: line is ${MAX_LINE + 1} characters, over ${MAX_LINE}`]);
    expect(messages('app/globals.css', `/* ${'x'.repeat(MAX_LINE)} */\n`)).toEqual([`1: line is ${MAX_LINE + 6} characters, over ${MAX_LINE}`]);
  });
});
