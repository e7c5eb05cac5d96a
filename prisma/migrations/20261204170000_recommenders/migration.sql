-- AlterEnum: recommender changes and suggestion decisions are events.
ALTER TYPE "EventEntity" ADD VALUE 'RECOMMENDER';
ALTER TYPE "EventEntity" ADD VALUE 'SUGGESTION';

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SuggestionDecisionStatus" AS ENUM ('ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "Recommender" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "layers" "LabelLayer"[] DEFAULT ARRAY[]::"LabelLayer"[],
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "config" JSONB NOT NULL DEFAULT '{}',
    "gazetteer" JSONB NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Recommender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommenderRun" (
    "id" TEXT NOT NULL,
    "recommenderId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "documentIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "documentsDone" INTEGER NOT NULL DEFAULT 0,
    "documentsFailed" INTEGER NOT NULL DEFAULT 0,
    "suggestionsCount" INTEGER NOT NULL DEFAULT 0,
    "dropped" JSONB NOT NULL DEFAULT '{}',
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RecommenderRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "recommenderId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "targetId" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "quote" TEXT NOT NULL DEFAULT '',
    "values" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "score" DOUBLE PRECISION,
    "forUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionDecision" (
    "id" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gold" BOOLEAN NOT NULL DEFAULT false,
    "status" "SuggestionDecisionStatus" NOT NULL,
    "annotationId" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Recommender_projectId_idx" ON "Recommender"("projectId");

-- CreateIndex
CREATE INDEX "RecommenderRun_recommenderId_createdAt_idx" ON "RecommenderRun"("recommenderId", "createdAt");

-- CreateIndex
CREATE INDEX "RecommenderRun_projectId_createdAt_idx" ON "RecommenderRun"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_documentId_recommenderId_idx" ON "Suggestion"("documentId", "recommenderId");

-- CreateIndex
CREATE INDEX "Suggestion_runId_idx" ON "Suggestion"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionDecision_suggestionId_userId_gold_key" ON "SuggestionDecision"("suggestionId", "userId", "gold");

-- CreateIndex
CREATE INDEX "SuggestionDecision_userId_idx" ON "SuggestionDecision"("userId");

-- AddForeignKey
ALTER TABLE "Recommender" ADD CONSTRAINT "Recommender_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommenderRun" ADD CONSTRAINT "RecommenderRun_recommenderId_fkey" FOREIGN KEY ("recommenderId") REFERENCES "Recommender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_recommenderId_fkey" FOREIGN KEY ("recommenderId") REFERENCES "Recommender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RecommenderRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDecision" ADD CONSTRAINT "SuggestionDecision_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
