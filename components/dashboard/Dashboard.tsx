import type { ProjectDashboard } from '@/lib/dashboard/dashboard';
import { AnnotatorBars } from './AnnotatorBars';
import { LabelBars } from './LabelBars';
import { ProgressChart } from './ProgressChart';

/** The project overview's charts; a blind annotator's figures are their own (the server decided, lib/dashboard/scope.ts). */
export function Dashboard({ dashboard }: { dashboard: ProjectDashboard }) {
  const own = dashboard.scope === 'own';
  return (
    <>
      {own && <p className="muted">Blind mode: these figures count your own work only.</p>}
      {dashboard.layers.map((layer) => (
        <LabelBars key={layer.layer} distribution={layer} />
      ))}
      {dashboard.annotators.length > 0 ? (
        <AnnotatorBars annotators={dashboard.annotators} layers={dashboard.layers} own={own} />
      ) : (
        <p className="muted">No spans yet.</p>
      )}
      {dashboard.timeline.length > 0 ? (
        <ProgressChart timeline={dashboard.timeline} showsAdjudication={!own} />
      ) : (
        <p className="muted">No document submitted yet.</p>
      )}
    </>
  );
}
