import type { SchemaSpec, TableSpec } from './prisma-schema';

/** Human-readable differences between two schema shapes; empty when they agree. */
export function diffSchemas(expected: SchemaSpec, actual: SchemaSpec): string[] {
  const differences: string[] = [];
  const actualTables = new Map(actual.tables.map((t) => [t.name, t]));
  for (const table of expected.tables) {
    const found = actualTables.get(table.name);
    if (!found) differences.push(`table ${table.name} is in schema.prisma but not in the database`);
    else differences.push(...diffTable(table, found));
  }
  const expectedNames = new Set(expected.tables.map((t) => t.name));
  for (const table of actual.tables) {
    if (!expectedNames.has(table.name)) differences.push(`table ${table.name} is in the database but not in schema.prisma`);
  }
  differences.push(...diffKeyed('enum', expected.enums, actual.enums, (a, b) => a.join(',') === b.join(',')));
  return differences;
}

function diffTable(expected: TableSpec, actual: TableSpec): string[] {
  const where = (what: string) => `${expected.name}: ${what}`;
  const columns = (t: TableSpec) => Object.fromEntries(t.columns.map((c) => [c.name, c]));
  const differences = diffKeyed(`${expected.name} column`, columns(expected), columns(actual), (a, b) => JSON.stringify(a) === JSON.stringify(b));
  if (expected.primaryKey.join(',') !== actual.primaryKey.join(',')) {
    differences.push(where(`primary key (${expected.primaryKey}) in schema, (${actual.primaryKey}) in database`));
  }
  differences.push(...diffSets(where('unique'), expected.uniques.map(String), actual.uniques.map(String)));
  differences.push(...diffSets(where('index'), expected.indexes.map(String), actual.indexes.map(String)));
  const fk = (f: TableSpec['foreignKeys'][number]) => `(${f.columns}) → ${f.table}(${f.references}) ON DELETE ${f.onDelete}`;
  differences.push(...diffSets(where('foreign key'), expected.foreignKeys.map(fk), actual.foreignKeys.map(fk)));
  return differences;
}

function diffKeyed<T>(what: string, expected: Record<string, T>, actual: Record<string, T>, same: (a: T, b: T) => boolean): string[] {
  const differences: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in actual)) differences.push(`${what} ${key} is in schema.prisma but not in the database`);
    else if (!same(value, actual[key]!)) differences.push(`${what} ${key}: schema ${JSON.stringify(value)} ≠ database ${JSON.stringify(actual[key])}`);
  }
  for (const key of Object.keys(actual)) {
    if (!(key in expected)) differences.push(`${what} ${key} is in the database but not in schema.prisma`);
  }
  return differences;
}

function diffSets(what: string, expected: string[], actual: string[]): string[] {
  const a = new Set(actual);
  const e = new Set(expected);
  return [
    ...expected.filter((x) => !a.has(x)).map((x) => `${what} (${x}) is in schema.prisma but not in the database`),
    ...actual.filter((x) => !e.has(x)).map((x) => `${what} (${x}) is in the database but not in schema.prisma`),
  ];
}
