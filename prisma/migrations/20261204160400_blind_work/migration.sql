-- AlterEnum: submit, reopen, assignment changes and gold exposure are events too.
ALTER TYPE "EventEntity" ADD VALUE 'ASSIGNMENT';
ALTER TYPE "EventEntity" ADD VALUE 'EXPOSURE';

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "allowSelfAssignment" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "afterGoldAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "GoldExposure" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "firstShownAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoldExposure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GoldExposure_documentId_userId_what_key" ON "GoldExposure"("documentId", "userId", "what");

-- CreateIndex
CREATE INDEX "GoldExposure_userId_idx" ON "GoldExposure"("userId");

-- AddForeignKey
ALTER TABLE "GoldExposure" ADD CONSTRAINT "GoldExposure_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoldExposure" ADD CONSTRAINT "GoldExposure_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
