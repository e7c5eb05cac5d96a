import pg from 'pg';
import type { SchemaSpec, TableSpec } from './prisma-schema';

/** Reads the same shape as parsePrismaSchema from a live database's catalogs. */
export async function introspect(url: string): Promise<SchemaSpec> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const enumRows = await client.query<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`);
    const columnRows = await client.query<{ table: string; name: string; type: string; nullable: boolean; has_default: boolean }>(`
      SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
             NOT a.attnotnull AS nullable, a.atthasdef AS has_default
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname, a.attnum`);
    const indexRows = await client.query<{ table: string; columns: string[]; is_unique: boolean; is_primary: boolean }>(`
      SELECT c.relname AS table, i.indisunique AS is_unique, i.indisprimary AS is_primary,
             array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname <> '_prisma_migrations'`);
    const fkRows = await client.query<{ table: string; columns: string[]; target: string; references: string[]; on_delete: string }>(`
      SELECT src.relname AS table, dst.relname AS target,
             array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
             array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS references,
             CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION'
                                  WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS on_delete
      FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()`);

    const enumNames = new Set(enumRows.rows.map((row) => row.name));
    const tables = new Map<string, TableSpec>();
    const table = (name: string) => {
      if (!tables.has(name)) tables.set(name, { name, columns: [], primaryKey: [], uniques: [], indexes: [], foreignKeys: [] });
      return tables.get(name)!;
    };
    for (const row of columnRows.rows) {
      table(row.table).columns.push({ name: row.name, type: normaliseType(row.type, enumNames), nullable: row.nullable, hasDefault: row.has_default });
    }
    for (const row of indexRows.rows) {
      const spec = table(row.table);
      if (row.is_primary) spec.primaryKey = row.columns;
      else if (row.is_unique) spec.uniques.push(row.columns);
      else spec.indexes.push(row.columns);
    }
    for (const row of fkRows.rows) {
      table(row.table).foreignKeys.push({ columns: row.columns, table: row.target, references: row.references, onDelete: row.on_delete });
    }
    return { tables: [...tables.values()], enums: Object.fromEntries(enumRows.rows.map((row) => [row.name, row.labels])) };
  } finally {
    await client.end();
  }
}

function normaliseType(type: string, enums: Set<string>): string {
  const list = type.endsWith('[]');
  const base = (list ? type.slice(0, -2) : type).replace(/^"(.*)"$/, '$1');
  const mapped = enums.has(base) ? `enum:${base}` : base.replace('timestamp(3) without time zone', 'timestamp(3)');
  return list ? `${mapped}[]` : mapped;
}
