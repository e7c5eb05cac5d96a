-- CreateTable: the documents a recommender run has processed, so a retried job processes each once.
CREATE TABLE "RecommenderRunDocument" (
    "runId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "failed" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommenderRunDocument_pkey" PRIMARY KEY ("runId","documentId")
);

-- AddForeignKey
ALTER TABLE "RecommenderRunDocument" ADD CONSTRAINT "RecommenderRunDocument_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RecommenderRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
