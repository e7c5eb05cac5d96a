-- Renaming and withdrawing a document are events like every other change.
ALTER TYPE "EventEntity" ADD VALUE 'DOCUMENT';

-- Active annotation time per assignment, accumulated from the editor's heartbeats
-- (lib/assignments/active-time.ts); lastBeatAt is the last beat of the running stretch.
ALTER TABLE "Assignment" ADD COLUMN "activeSeconds" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Assignment" ADD COLUMN "lastBeatAt" TIMESTAMP(3);
