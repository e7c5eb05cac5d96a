-- AlterEnum: project settings and the label schema are part of a study's method, so their changes are events too.
ALTER TYPE "EventEntity" ADD VALUE 'PROJECT';
ALTER TYPE "EventEntity" ADD VALUE 'LABEL';
ALTER TYPE "EventEntity" ADD VALUE 'TARGET';
