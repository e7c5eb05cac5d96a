/**
 * A small reader for the parts of schema.prisma that shape the database: models,
 * scalar fields, enums, ids, uniques, indexes and foreign keys. Used by the drift
 * test to compare the schema with what the migrations actually create.
 */
export interface ColumnSpec {
  name: string;
  type: string; // PostgreSQL type as information_schema reports it, e.g. "text", "timestamp(3)", "text[]", "enum:Role"
  nullable: boolean;
  hasDefault: boolean;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: { columns: string[]; table: string; references: string[]; onDelete: string }[];
}

export interface SchemaSpec {
  tables: TableSpec[];
  enums: Record<string, string[]>;
}

const SCALARS: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3)',
  Json: 'jsonb',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Bytes: 'bytea',
};

const ON_DELETE: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

export function parsePrismaSchema(source: string): SchemaSpec {
  const text = source.replace(/\/\/.*$/gm, '');
  const blocks = [...text.matchAll(/^\s*(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)];
  const enums: Record<string, string[]> = {};
  const modelBodies = new Map<string, string>();
  for (const [, kind, name, body] of blocks) {
    if (kind === 'enum')
      enums[name!] = body!
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^\w+$/.test(l));
    else modelBodies.set(name!, body!);
  }
  const tableName = (model: string) => mapped(modelBodies.get(model) ?? '', '@@map') ?? model;
  const tables = [...modelBodies].map(([model, body]) => parseModel(tableName(model), body, new Set(modelBodies.keys()), enums, tableName));
  return { tables, enums };
}

function parseModel(name: string, body: string, models: Set<string>, enums: Record<string, string[]>, tableName: (model: string) => string): TableSpec {
  const table: TableSpec = { name, columns: [], primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
  const columnOf = new Map<string, string>();
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const line of lines.filter((l) => !l.startsWith('@@'))) {
    const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, field = '', base = '', list, optional, attributes = ''] = match;
    if (models.has(base)) {
      const relation = /@relation\(([^)]*)\)/.exec(attributes)?.[1];
      const fields = relation && /fields:\s*\[([^\]]*)\]/.exec(relation)?.[1];
      if (fields) {
        table.foreignKeys.push({
          columns: splitList(fields),
          table: tableName(base),
          references: splitList(/references:\s*\[([^\]]*)\]/.exec(relation)![1]!),
          onDelete: ON_DELETE[/onDelete:\s*(\w+)/.exec(relation)?.[1] ?? ''] ?? (optional ? 'SET NULL' : 'RESTRICT'),
        });
      }
      continue;
    }
    const column = mapped(attributes, '@map') ?? field;
    columnOf.set(field, column);
    const scalar = enums[base] ? `enum:${base}` : SCALARS[base];
    if (!scalar) throw new Error(`Unknown type ${base} in ${name}.${field}`);
    table.columns.push({
      name: column,
      type: list ? `${scalar}[]` : scalar,
      nullable: Boolean(optional || list),
      // cuid()/uuid()/nanoid() are filled in by Prisma Client, not by a column default.
      hasDefault: /@default\((?!(cuid|uuid|nanoid|ulid)\()/.test(attributes),
    });
    if (/@id\b/.test(attributes)) table.primaryKey = [column];
    if (/@unique\b/.test(attributes)) table.uniques.push([column]);
  }
  const columns = (list: string) => splitList(list).map((field) => columnOf.get(field) ?? field);
  for (const line of lines.filter((l) => l.startsWith('@@'))) {
    const list = /\[([^\]]*)\]/.exec(line)?.[1] ?? '';
    if (line.startsWith('@@id')) table.primaryKey = columns(list);
    else if (line.startsWith('@@unique')) table.uniques.push(columns(list));
    else if (line.startsWith('@@index')) table.indexes.push(columns(list));
  }
  for (const fk of table.foreignKeys) fk.columns = fk.columns.map((field) => columnOf.get(field) ?? field);
  return table;
}

function mapped(attributes: string, attribute: '@map' | '@@map'): string | undefined {
  return new RegExp(`${attribute}\\("([^"]+)"\\)`).exec(attributes)?.[1];
}

function splitList(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim().replace(/\(.*\)$/, ''))
    .filter(Boolean);
}
