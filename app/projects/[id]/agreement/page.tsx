import { LAYER_TITLES } from '@/components/projects/layers';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { AfterGoldNote } from '@/components/review/agreement/AfterGoldNote';
import { DisagreementRanking } from '@/components/review/agreement/DisagreementRanking';
import { LayerSection } from '@/components/review/agreement/LayerSection';
import { MethodsLinks } from '@/components/review/agreement/MethodsLinks';
import { ModelSection } from '@/components/review/agreement/ModelSection';
import { SuggestionStatsSection } from '@/components/review/agreement/SuggestionStatsSection';
import { OverTimeSection } from '@/components/review/agreement/OverTimeSection';
import { RelationSection } from '@/components/review/agreement/RelationSection';
import { ScopeBox } from '@/components/review/agreement/ScopeBox';
import { ScopeToggle } from '@/components/review/agreement/ScopeToggle';
import { UnitFigureTable } from '@/components/review/agreement/UnitFigureTable';
import styles from '@/components/review/agreement/agreement.module.css';
import { namesOf } from '@/components/review/format';
import { can } from '@/lib/access/policy';
import { requireProjectPage } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { SPAN_LAYERS } from '@/lib/schema/types';
import type { DocumentScope } from '@/lib/review/load';
import { projectReport } from '@/lib/review/methods/export';
import { intervalOptions, intervalQuery } from '@/lib/review/report-options';
import { getSchema } from '@/lib/schema/store';
import { suggestionStats } from '@/lib/suggestions/stats';
import { loadProject, sectionMetadata, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

type AgreementPageProps = ProjectPageProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = sectionMetadata('Agreement');

export default async function ProjectAgreementPage({ params, searchParams }: AgreementPageProps) {
  const { id } = await params;
  const search = await searchParams;
  const scope: DocumentScope = search.scope === 'all' ? 'all' : 'submitted';
  const afterGold = search.afterGold === 'include' ? 'include' : 'exclude';
  // Every finished recommender run as a coder beside the humans (the API also takes run ids).
  const models = search.models === 'all';
  // Only the method is chosen here; a URL with a bad value shows the default rather than an error page.
  const parsed = intervalQuery.pick({ interval: true }).safeParse({ interval: typeof search.interval === 'string' ? search.interval : undefined });
  const interval = parsed.success ? parsed.data.interval : 'bootstrap';
  const { access } = await requireProjectPage(id, 'agreement:read');
  const { project } = await loadProject(id);
  const db = getPrisma();
  const options = intervalOptions(intervalQuery.parse({ interval }));
  const [report, schema, acceptance] = await Promise.all([
    projectReport(db, id, { scope, options: { intervals: options, batching: { by: 'week' } }, afterGold, models: models ? 'all' : 'none' }),
    getSchema(db, id),
    suggestionStats(db, id),
  ]);
  const query = new URLSearchParams({ scope, interval, ...(afterGold === 'include' ? { afterGold } : {}), ...(models ? { models: 'all' } : {}) }).toString();

  const nameOf = namesOf(report.scope.annotators);
  const labelNames = new Map(schema.labels.map((l) => [`${l.layer}:${l.key}`, l.name]));
  const targetNames = new Map(schema.targets.map((t) => [t.key, t.name]));
  // With nothing to compare, every figure would be n/a: the message and the scope say it once.
  const comparable = report.scope.documents > 0;
  const layers = SPAN_LAYERS.flatMap((layer) => {
    const layerReport = report.layers[layer];
    return comparable && layerReport ? [{ layer, report: layerReport }] : [];
  });
  const stance = comparable && Object.keys(report.stance).length > 0;
  const questions = comparable && Object.keys(report.questions).length > 0;
  const contents = [
    { href: '#scope-heading', label: 'What is compared' },
    ...layers.map(({ layer }) => ({ href: `#layer-${layer}`, label: LAYER_TITLES[layer] })),
    ...(stance ? [{ href: '#stance-heading', label: 'Stance per target' }] : []),
    ...(questions ? [{ href: '#questions-heading', label: 'Document questions' }] : []),
    ...(report.relations ? [{ href: '#relations-heading', label: 'Relations' }] : []),
    ...(report.overTime ? [{ href: '#over-time-heading', label: 'Agreement over time' }] : []),
    ...(models ? [{ href: '#models-heading', label: 'Models as annotators' }] : []),
    ...(acceptance.length > 0 ? [{ href: '#suggestion-stats-heading', label: 'Suggestions: acceptance' }] : []),
    { href: '#documents-heading', label: 'Documents by disagreement' },
  ];

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="agreement" />
      <div className={styles.toolbar}>
        <ScopeToggle projectId={id} scope={scope} interval={interval} models={models} />
        <MethodsLinks projectId={id} query={query} />
      </div>
      <AfterGoldNote projectId={id} scope={scope} excluded={report.excluded} />
      {report.scope.message && (
        <div className={`notice ${styles.message}`} role="note">
          <p>{report.scope.message}</p>
        </div>
      )}
      {comparable && (
        <nav aria-label="On this page">
          <ul className={styles.contents}>
            {contents.map((item) => (
              <li key={item.href}>
                <a href={item.href}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <ScopeBox scope={report.scope} />
      {layers.map(({ layer, report: layerReport }) => (
        <LayerSection
          key={layer}
          layer={layer}
          report={layerReport}
          annotators={report.annotators[layer] ?? []}
          labelName={(key) => labelNames.get(`${layer}:${key}`) ?? key}
          nameOf={nameOf}
        />
      ))}
      {stance && (
        <section aria-labelledby="stance-heading" className="panel">
          <h2 id="stance-heading">Stance per target</h2>
          <UnitFigureTable
            caption="Agreement on the stance towards each target"
            subject="Target"
            figures={report.stance}
            describe={(key) => describeTarget(key, targetNames)}
          />
        </section>
      )}
      {questions && (
        <section aria-labelledby="questions-heading" className="panel">
          <h2 id="questions-heading">Document questions</h2>
          <UnitFigureTable caption="Agreement on each document question" subject="Question" figures={report.questions} describe={(key) => key} />
        </section>
      )}
      {comparable && report.relations && <RelationSection relations={report.relations} nameOf={nameOf} />}
      {comparable && report.overTime && <OverTimeSection overTime={report.overTime} layers={layers.map(({ layer }) => layer)} />}
      {models && <ModelSection report={report} labelName={(layer, key) => labelNames.get(`${layer}:${key}`) ?? key} />}
      {acceptance.length > 0 && <SuggestionStatsSection stats={acceptance} labelName={(layer, key) => labelNames.get(`${layer}:${key}`) ?? key} />}
      {comparable && (
        <section aria-labelledby="documents-heading" className="panel">
          <h2 id="documents-heading">Documents by disagreement</h2>
          <DisagreementRanking projectId={id} documents={report.documents} mayReview={can(access.role, 'work:read-others')} />
        </section>
      )}
    </>
  );
}

/** Stance targets are project target keys, or `span:LABEL:quote` for stances about an entity span. */
function describeTarget(key: string, targetNames: Map<string, string>): string {
  const span = /^span:([^:]+):(.*)$/s.exec(key);
  if (span) return `${span[1]} span “${span[2]}”`;
  return targetNames.get(key) ?? key;
}
