import { Field } from '@/components/forms/Field';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { Concordance } from '@/components/search/Concordance';
import { EmptyState } from '@/components/ui/EmptyState';
import { requireProjectPage } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { getSchema } from '@/lib/schema/store';
import { isSpanLayer } from '@/lib/schema/types';
import { concordance, MAX_HITS } from '@/lib/search/concordance';
import { loadProject, sectionMetadata, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

export const generateMetadata = sectionMetadata('Search');

type SearchPageProps = ProjectPageProps & { searchParams: Promise<{ label?: string; quote?: string }> };

export default async function ProjectSearchPage({ params, searchParams }: SearchPageProps) {
  const { id } = await params;
  const { label = '', quote = '' } = await searchParams;
  const { caller, access } = await requireProjectPage(id, 'documents:read');
  const { project } = await loadProject(id);
  const db = getPrisma();
  const labels = (await getSchema(db, id)).labels.filter((candidate) => isSpanLayer(candidate.layer));
  const known = labels.some((candidate) => candidate.key === label);
  const searched = known || quote.trim() !== '';
  const result = searched
    ? await concordance(db, {
        projectId: id,
        userId: caller.userId,
        ownOnly: !access.seesOthersWork,
        ...(known && { label }),
        ...(quote.trim() && { quote: quote.trim().slice(0, 200) }),
        limit: MAX_HITS,
      })
    : null;

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="search" />
      <section aria-labelledby="search-heading" className="panel">
        <h2 id="search-heading">Search spans</h2>
        <p className="note">
          {access.seesOthersWork ? 'Every annotator’s spans and gold.' : 'Your own spans only: the project is blind.'} Choose a label, a text the span contains,
          or both.
        </p>
        <form className="form form--row document-filters" method="get" role="search" aria-label="Search spans">
          <Field label="Label">
            {(control) => (
              <select {...control} name="label" defaultValue={known ? label : ''}>
                <option value="">Any label</option>
                {labels.map((candidate) => (
                  <option key={`${candidate.layer}:${candidate.key}`} value={candidate.key}>
                    {candidate.name} ({candidate.layer.toLowerCase()})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Text in the span" hint="Any case.">
            {(control) => <input {...control} name="quote" type="search" defaultValue={quote} maxLength={200} />}
          </Field>
          <button type="submit" className="button button--primary">
            Search
          </button>
        </form>
        {result &&
          (result.items.length === 0 ? (
            <EmptyState title="No span matches." />
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {result.truncated
                  ? `The first ${result.items.length} matching spans.`
                  : `${result.items.length} matching ${result.items.length === 1 ? 'span' : 'spans'}.`}
              </p>
              <Concordance projectId={id} lines={result.items} />
            </>
          ))}
      </section>
    </>
  );
}
