-- A span's author can mark it "unsure" and leave a note for the curators (issue #17); both
-- belong to the span like its label, so they live on its row and travel in its events.
ALTER TABLE "Annotation" ADD COLUMN "unsure" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Annotation" ADD COLUMN "note" TEXT;

-- A document's comment thread between annotators and curators; blind mode decides who reads
-- which comment (lib/comments/rules.ts). Comments are soft-deleted so their events keep a referent.
ALTER TYPE "EventEntity" ADD VALUE 'COMMENT';

CREATE TABLE "DocumentComment" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "DocumentComment_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "DocumentComment_documentId_createdAt_idx" ON "DocumentComment"("documentId", "createdAt");
CREATE INDEX "DocumentComment_authorId_idx" ON "DocumentComment"("authorId");

ALTER TABLE "DocumentComment" ADD CONSTRAINT "DocumentComment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DocumentComment" ADD CONSTRAINT "DocumentComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
