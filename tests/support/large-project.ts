import type { PrismaClient } from '@/lib/db/client';

/**
 * A project big enough that its export is still streaming when a test kills the process
 * writing it, and a fingerprint of what the database holds to show nothing changed.
 */
const SENTENCE = 'Talks in Doha resumed while an attack in Bannu was reported. ';
const SENTENCES_PER_DOCUMENT = 160;
const PREFIX_LENGTH = 'Report 000001.\n'.length;

/**
 * Adds `documents` generated documents (about 10 kB of text and 160 GPE spans by `authorId`
 * each, some 35 kB of jsonl) with two INSERT … SELECT statements, so a few seconds of export
 * take well under a second to create.
 */
export async function fillProject(db: PrismaClient, projectId: string, authorId: string, documents: number): Promise<void> {
  const label = await db.label.findFirstOrThrow({ where: { projectId, layer: 'ENTITY', key: 'GPE' } });
  const doha = SENTENCE.indexOf('Doha');
  await db.$executeRaw`
    INSERT INTO "Document" (id, "projectId", name, text, sha256, metadata, position)
    SELECT 'fill-' || lpad(i::text, 6, '0'), ${projectId}, 'Report ' || i, t.text, encode(sha256(convert_to(t.text,
      'UTF8')), 'hex'), jsonb_build_object('batch', i % 10), 1000 + i
    FROM generate_series(1, ${documents}::int) AS i
    CROSS JOIN LATERAL (SELECT 'Report ' || lpad(i::text, 6, '0') || E'.\n' || repeat(${SENTENCE},
      ${SENTENCES_PER_DOCUMENT}::int) AS text) AS t`;
  await db.$executeRaw`
    INSERT INTO "Annotation" (id, "documentId", "authorId", "labelId", start, "end", quote, origin, "updatedAt")
    SELECT 'fill-' || lpad(i::text, 6, '0') || '-' || k, 'fill-' || lpad(i::text, 6, '0'), ${authorId}, ${label.id},
           ${PREFIX_LENGTH}::int + k * ${SENTENCE.length}::int + ${doha}::int, ${PREFIX_LENGTH}::int + k *
             ${SENTENCE.length}::int + ${doha + 4}::int, 'Doha', 'MANUAL', now()
    FROM generate_series(1, ${documents}::int) AS i, generate_series(0, ${SENTENCES_PER_DOCUMENT - 1}::int) AS k`;
}

const CONTENT_TABLES = ['User', 'Project', 'Membership', 'Label', 'Target', 'Document', 'Assignment', 'Annotation', 'Relation', 'DocumentLabel', 'Event'];

/** Row count and an md5 of every row, per table that holds users' work (not sessions, tokens or presence). */
export async function contentFingerprint(db: PrismaClient): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const table of CONTENT_TABLES) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; digest: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '')) AS digest FROM "${table}" t`,
    );
    fingerprint[table] = `${row!.rows} rows, md5 ${row!.digest}`;
  }
  return fingerprint;
}
