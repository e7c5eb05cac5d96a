-- CreateIndex
CREATE INDEX "Annotation_targetAnnotationId_idx" ON "Annotation"("targetAnnotationId");
