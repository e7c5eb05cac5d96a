-- A span's author can mark it "unsure" and leave a note for the curators (issue #17); both
-- belong to the span like its label, so they live on its row and travel in its events.
ALTER TABLE "Annotation" ADD COLUMN "unsure" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Annotation" ADD COLUMN "note" TEXT;
