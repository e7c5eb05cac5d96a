import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { introspect } from '../support/database-schema';
import { parsePrismaSchema } from '../support/prisma-schema';
import { diffSchemas } from '../support/schema-diff';

const schemaSource = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');

describe('schema.prisma and the migrated database', () => {
  it('agree on every table, column, type, nullability, default, key, unique, index and enum', async () => {
    const actual = await introspect(process.env.DATABASE_URL!);
    expect(diffSchemas(parsePrismaSchema(schemaSource), actual)).toEqual([]);
  });

  it('notices a field added to schema.prisma without a migration', async () => {
    const edited = schemaSource.replace(/model Project \{/, 'model Project {\n  archived Boolean @default(false)');
    const actual = await introspect(process.env.DATABASE_URL!);
    expect(diffSchemas(parsePrismaSchema(edited), actual)).toEqual(['Project column archived is in schema.prisma but not in the database']);
  });

  it('notices an index, a nullability change and a new model without a migration', async () => {
    const edited = schemaSource
      .replace('@@index([projectId, sha256])', '@@index([projectId, sha256])\n  @@index([name])')
      .replace(/(model User \{[\s\S]*?)name(\s+)String\n/, '$1name$2String?\n')
      .concat('\nmodel Extra {\n  id String @id\n}\n');
    const differences = diffSchemas(parsePrismaSchema(edited), await introspect(process.env.DATABASE_URL!));
    expect(differences).toContain('Document: index (name) is in schema.prisma but not in the database');
    expect(differences).toContain('table Extra is in schema.prisma but not in the database');
    expect(differences.some((d) => d.startsWith('User column name'))).toBe(true);
  });
});
