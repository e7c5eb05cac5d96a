-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "tokenOffsets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "sentenceStarts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "tokenizer" TEXT;
