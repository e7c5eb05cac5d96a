import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const health = await checkHealth();
  return (
    <main>
      <h1>Glossa</h1>
      <p>Annotation and stance-labeling workbench: entities, stance, frames and relations over standoff spans.</p>
      <p>
        Database: <strong>{health.database.status === 'ok' ? 'connected' : 'unavailable'}</strong>
      </p>
    </main>
  );
}
