import { assertGoldWriter, authorizeDocument, authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { prismaPage, toPage } from '@/lib/api/paging';
import { renameDocument, withdrawDocument } from '@/lib/documents/manage';
import { getDocument, listDocuments } from '@/lib/documents/store';
import { HttpError, notFound } from '@/lib/http/errors';
import type { PrismaClient } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { ImportQuery } from '@/lib/import/query';
import { inputsFromRequest, parseOptionsOf } from '@/lib/import/request';
import { importBatch, type ImportInput, type ImportOptions } from '@/lib/import/service';
import * as contract from '@/lib/api/contracts/documents';

export const listDocumentsEndpoint = defineEndpoint({
  ...contract.listDocuments,
  async handle({ db, caller, params, query }) {
    await authorizeProject(db, caller, params.id, 'documents:read');
    return toPage(await listDocuments(db, params.id, prismaPage(query)), query);
  },
});

export const importDocumentsEndpoint = defineEndpoint({
  ...contract.importDocuments,
  async handle({ db, caller, params, query, request }) {
    const access = await authorizeProject(db, caller, params.id, 'documents:write');
    // The whole body is read and spooled before the import touches the database again.
    const { inputs, query: options, dispose } = await inputsFromRequest(request, query);
    try {
      return await importInputs(db, caller.userId, params.id, access.role, inputs, options, request.signal);
    } catch (error) {
      // The client left and parsing stopped for it (nginx's 499): nobody reads this answer, but it is no server error.
      if (request.signal.aborted) throw new HttpError(499, 'client_closed_request', 'The client closed the connection; nothing was imported.');
      throw error;
    } finally {
      await dispose();
    }
  },
});

async function importInputs(db: PrismaClient, userId: string, projectId: string, role: Role, inputs: ImportInput[], options: ImportQuery, signal: AbortSignal) {
  let author: ImportOptions['author'] = { kind: 'user', userId };
  if (options.author === 'gold') {
    assertGoldWriter(role);
    author = { kind: 'gold' };
  } else if (options.author !== 'me') {
    const member = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId: options.author } } });
    if (!member) throw notFound(`Member ${options.author}`);
    author = { kind: 'user', userId: options.author };
  }
  return importBatch(db, inputs, {
    projectId,
    actorId: userId,
    author,
    keepSourceAuthors: options.keepSourceAuthors,
    format: options.format,
    parse: parseOptionsOf(options),
    labelMap: options.labelMap,
    unknownLabels: options.unknownLabels,
    allowDuplicates: options.allowDuplicates,
    mergeDuplicates: options.duplicates === 'merge',
    origin: options.origin,
    signal,
  });
}

export const readDocument = defineEndpoint({
  ...contract.readDocument,
  async handle({ db, caller, params }) {
    await authorizeDocument(db, caller, params.id, 'documents:read');
    return getDocument(db, params.id);
  },
});

export const deleteDocument = defineEndpoint({
  ...contract.deleteDocument,
  async handle({ db, caller, params }) {
    await authorizeDocument(db, caller, params.id, 'documents:write');
    await withdrawDocument(db, params.id, caller.userId);
  },
});

export const renameDocumentEndpoint = defineEndpoint({
  ...contract.renameDocument,
  async handle({ db, caller, params, body }) {
    await authorizeDocument(db, caller, params.id, 'documents:write');
    return renameDocument(db, caller.userId, params.id, body.name);
  },
});

export const documentEndpoints = [listDocumentsEndpoint, importDocumentsEndpoint, readDocument, renameDocumentEndpoint, deleteDocument];
