-- AlterEnum: a recommender run's creation, cancellation and end are on record, like every other change a study depends on.
ALTER TYPE "EventEntity" ADD VALUE 'RUN';
