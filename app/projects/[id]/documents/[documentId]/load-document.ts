import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { EditorData, EditorWork } from '@/components/editor/types';
import { can } from '@/lib/access/policy';
import { listAnswers } from '@/lib/annotations/document-labels';
import { listRelations } from '@/lib/annotations/relations';
import { listAnnotations } from '@/lib/annotations/service';
import { mayTakeOn } from '@/lib/assignments/state';
import { readOwnAssignment } from '@/lib/assignments/status';
import { requireProjectPage } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { getDocument } from '@/lib/documents/store';
import { schemaLabelOf, type SchemaLabel } from '@/lib/editor/schema';
import { encodeSpanColumns } from '@/lib/editor/span-columns';
import { getProject } from '@/lib/projects/store';
import { getSchema } from '@/lib/schema/store';

/** Prisma's "record not found" from the *OrThrow queries. */
function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2025';
}

/** Authorizes the caller for the document, once per request; a document of another project is as absent as one that does not exist. */
const authorize = cache(async (projectId: string, documentId: string) => {
  const { caller, access } = await requireProjectPage(projectId, 'documents:read');
  const db = getPrisma();
  const document = await getDocument(db, documentId).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  if (document.projectId !== projectId) notFound();
  return { db, document, actor: { userId: caller.userId, access } };
});

/**
 * Loads what the editor shows before the caller's annotations, once per request (the page and
 * its metadata share it), as plain data for the client editor: the page's first bytes wait
 * for this, and the text can be shown with it.
 */
export const loadDocument = cache(async (projectId: string, documentId: string): Promise<EditorData> => {
  const { db, document, actor } = await authorize(projectId, documentId);
  const [project, schema, assignment] = await Promise.all([getProject(db, projectId), getSchema(db, projectId), readOwnAssignment(db, actor, documentId)]);
  const role = actor.access.role;

  return {
    project: { id: project.id, name: project.name, guidelines: project.guidelines, allowOverlap: project.allowOverlap, snapToWords: project.snapToWords },
    document: { id: document.id, name: document.name, text: document.text },
    labels: schema.labels.map((label): SchemaLabel => schemaLabelOf(label)),
    targets: schema.targets.map(({ id, key, name, aliases, retired }) => ({ id, key, name, aliases, retired })),
    assignment: assignment && { status: assignment.status, submittedAt: assignment.submittedAt?.toISOString() ?? null, mayReopen: assignment.mayReopen },
    // The server refuses work on an unassigned document unless the caller may take it on.
    mayWork: assignment !== null || mayTakeOn(role, project.allowSelfAssignment),
    goldComparable: can(role, 'work:read-others') || project.showGoldToAnnotators,
    goldRecorded: !can(role, 'work:read-others'),
  };
});

/** The caller's own spans (as columns, without quotes), relations and document answers: streamed to the page after the text. */
export async function loadOwnWork(projectId: string, documentId: string): Promise<EditorWork> {
  const { db, actor } = await authorize(projectId, documentId);
  const own = { kind: 'user', userId: actor.userId } as const;
  const [annotations, relations, answers] = await Promise.all([
    listAnnotations(db, actor, documentId, own),
    listRelations(db, actor, documentId, own),
    listAnswers(db, actor, documentId, own),
  ]);
  return {
    spans: encodeSpanColumns(
      annotations.map(({ id, labelId, start, end, attributes, unsure, note, target, version }) => ({
        id,
        labelId,
        start,
        end,
        attributes,
        unsure,
        note,
        target,
        version,
      })),
    ),
    relations: relations.map(({ id, labelId, sourceId, targetId, version }) => ({ id, labelId, sourceId, targetId, version })),
    answers: answers.map(({ labelId, targetId, values }) => ({ labelId, targetId, values })),
  };
}
