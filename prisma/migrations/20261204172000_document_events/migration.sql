-- Renaming and withdrawing a document are events like every other change.
ALTER TYPE "EventEntity" ADD VALUE 'DOCUMENT';
