import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { ASSIGNMENT_STATUSES } from '@/lib/assignments/statuses';
import type { PrismaClient } from '@/lib/db/client';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';

/**
 * Search and filters for the project home's document list. The filters come from
 * the page's query string (a plain GET form), so anything malformed is dropped
 * rather than rejected: this is a page, not the API.
 */

const DOCUMENT_PAGE_SIZE = 50;

type StatusFilter = 'unassigned' | AssignmentStatus;

interface MetadataFilter {
  key: string;
  value: string;
}

export interface DocumentFilters {
  /** Case-insensitive substring of the name or the text. */
  q?: string;
  /** Documents with at least one assignment in this status, or with none ('unassigned'). */
  status?: StatusFilter;
  /** Documents assigned to this user (combined with `status`, that user's assignment has the status). */
  assignee?: string;
  /** Documents assigned to the caller. */
  mine: boolean;
  /** `metadata->>key = value`, compared as text, all of them. */
  meta: MetadataFilter[];
}

interface ParsedDocumentQuery {
  filters: DocumentFilters;
  /** 1-based. */
  page: number;
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

const MAX_META_FILTERS = 10;

/** Blank and whitespace-only inputs (an untouched form field) mean "no filter". */
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), z.string().max(max).optional()).catch(undefined);

const querySchema = z.object({
  q: optionalText(200),
  status: z
    .preprocess((value) => {
      if (typeof value !== 'string') return undefined;
      const v = value.trim();
      return v.toLowerCase() === 'unassigned' ? 'unassigned' : v.toUpperCase();
    }, z.enum(['unassigned', ...ASSIGNMENT_STATUSES]).optional())
    .catch(undefined),
  assignee: optionalText(100),
  mine: z.enum(['0', '1']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  metaKey: optionalText(100),
  metaValue: z.string().max(500).optional().catch(undefined),
});

const metaEntrySchema = z.object({ key: z.string().trim().min(1).max(100), value: z.string().max(500) });

/** The last value of a repeated parameter wins (the form sends a hidden `mine=0` before the checkbox's `mine=1`). */
function entries(input: SearchParamsLike): Map<string, string> {
  const result = new Map<string, string>();
  if (input instanceof URLSearchParams) {
    for (const [key, value] of input) result.set(key, value);
    return result;
  }
  for (const [key, value] of Object.entries(input)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string') result.set(key, last);
  }
  return result;
}

/**
 * Reads the filters from a query string. `mine` is on when `mine=1`, off when
 * `mine=0`, and `defaultMine` (on for annotators) when absent. Metadata filters are
 * `meta.<key>=<value>` or, from the form, `metaKey`/`metaValue`.
 */
export function parseDocumentQuery(input: SearchParamsLike, options: { defaultMine?: boolean } = {}): ParsedDocumentQuery {
  const params = entries(input);
  const parsed = querySchema.parse(Object.fromEntries(params));
  const meta: MetadataFilter[] = [];
  const add = (key: string, value: string) => {
    const entry = metaEntrySchema.safeParse({ key, value });
    if (!entry.success || meta.length >= MAX_META_FILTERS) return;
    const existing = meta.findIndex((m) => m.key === entry.data.key);
    if (existing >= 0) meta.splice(existing, 1);
    meta.push(entry.data);
  };
  for (const [name, value] of params) {
    if (name.startsWith('meta.')) add(name.slice('meta.'.length), value);
  }
  if (parsed.metaKey !== undefined) add(parsed.metaKey, parsed.metaValue ?? '');

  const filters: DocumentFilters = {
    mine: parsed.mine === undefined ? (options.defaultMine ?? false) : parsed.mine === '1',
    meta,
    ...(parsed.q !== undefined && { q: parsed.q }),
    ...(parsed.status !== undefined && { status: parsed.status }),
    ...(parsed.assignee !== undefined && { assignee: parsed.assignee }),
  };
  return { filters, page: parsed.page };
}

/** Whether any filter narrows the list (`mine` counts, even when it is the default). */
export function hasActiveFilters(filters: DocumentFilters): boolean {
  return Boolean(filters.q || filters.status || filters.assignee || filters.mine || filters.meta.length > 0);
}

/** The canonical query string for filters and page, for "next"/"previous" links. */
export function documentQueryString(filters: DocumentFilters, page = 1, options: { defaultMine?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.mine !== (options.defaultMine ?? false)) params.set('mine', filters.mine ? '1' : '0');
  for (const { key, value } of filters.meta) params.append(`meta.${key}`, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

interface DocumentSearchResult {
  documents: {
    id: string;
    name: string;
    position: number;
    createdAt: Date;
    metadata: Prisma.JsonValue;
    assignments: { userId: string; status: AssignmentStatus }[];
  }[];
  total: number;
  /** The page actually returned (1-based; clamped to the last page). */
  page: number;
  pageSize: number;
}

/** Escapes LIKE wildcards so the search text matches literally (backslash is PostgreSQL's default escape). */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `ownOnly` (blind annotators): assignment filters look at the caller's own assignments only,
 * so "submitted", "unassigned" or another assignee reveal nothing about other annotators' progress.
 */
function whereClause(projectId: string, filters: DocumentFilters, callerId: string | undefined, ownOnly: boolean): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`d."projectId" = ${projectId}`, Prisma.sql`d."deletedAt" IS NULL`];
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(Prisma.sql`(d.name ILIKE ${pattern} OR d.text ILIKE ${pattern})`);
  }
  const users = new Set<string>();
  if (filters.assignee) users.add(filters.assignee);
  if (filters.mine || ownOnly) {
    if (!callerId) throw new Error('searchDocuments: the "mine" filter and ownOnly need the caller.');
    if (filters.mine) users.add(callerId);
  }
  const own = ownOnly ? Prisma.sql` AND a."userId" = ${callerId}` : Prisma.empty;
  const status = filters.status;
  if (status === 'unassigned') {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = d.id${own})`);
  }
  // Assignee and status describe the same assignment: "Bob's copy is submitted".
  const assignmentStatus = status && status !== 'unassigned' ? status : undefined;
  if (users.size > 0) {
    for (const userId of users) {
      conditions.push(
        Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = d.id AND a."userId" = ${userId}${own}${
          assignmentStatus ? Prisma.sql` AND a.status::text = ${assignmentStatus}` : Prisma.empty
        })`,
      );
    }
  } else if (assignmentStatus) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = d.id AND a.status::text = ${assignmentStatus}${own})`);
  }
  for (const { key, value } of filters.meta) {
    // ->> gives numbers, booleans and strings as text, so meta.year=2021 matches 2021 and "2021".
    conditions.push(Prisma.sql`d.metadata ->> ${key} = ${value}`);
  }
  return Prisma.join(conditions, ' AND ');
}

/**
 * One page of a project's documents (withdrawn ones excluded) matching the filters,
 * in position order, with the total for the filters. `callerId` is needed for `mine`.
 * `ownOnly`: the caller may not see other annotators' work (blind mode), so each document
 * carries only the caller's own assignment and the filters look at nothing else.
 */
export async function searchDocuments(
  db: PrismaClient,
  projectId: string,
  filters: DocumentFilters,
  page: { page?: number; pageSize?: number; callerId?: string; ownOnly?: boolean } = {},
): Promise<DocumentSearchResult> {
  const pageSize = page.pageSize ?? DOCUMENT_PAGE_SIZE;
  const ownOnly = page.ownOnly ?? false;
  const where = whereClause(projectId, filters, page.callerId, ownOnly);
  const [{ count }] = (await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "Document" d WHERE ${where}`) as [{ count: bigint }];
  const total = Number(count);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page.page ?? 1)), lastPage);
  if (total === 0) return { documents: [], total, page: current, pageSize };

  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM "Document" d WHERE ${where}
    ORDER BY d.position ASC, d.id ASC
    LIMIT ${pageSize} OFFSET ${(current - 1) * pageSize}`;
  const rows = await db.document.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      id: true,
      name: true,
      position: true,
      createdAt: true,
      metadata: true,
      assignments: { where: ownOnly ? { userId: page.callerId } : {}, select: { userId: true, status: true }, orderBy: { assignedAt: 'asc' } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const documents = ids.flatMap((row) => byId.get(row.id) ?? []);
  return { documents, total, page: current, pageSize };
}
