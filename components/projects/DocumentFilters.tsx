import Link from 'next/link';
import { Field } from '@/components/forms/Field';
import { choicesOf } from '@/components/forms/Options';
import { SelectField } from '@/components/forms/SelectField';
import type { DocumentFilters as Filters } from '@/lib/documents/search';

const STATUS_LABELS = {
  unassigned: 'Unassigned',
  ASSIGNED: 'Assigned, not started',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
} as const;

interface DocumentFiltersProps {
  /** Where the form submits (the project home). */
  action: string;
  filters: Filters;
  /** Whom the list can be narrowed to; empty (blind annotators) leaves the assignee filter out. `email` is null where the viewer may not see it. */
  members: { id: string; name: string; email: string | null }[];
  /** Link that shows every document again. */
  clearHref: string;
}

/**
 * The document search form: a plain GET form, so it works without JavaScript and the
 * filters live in the address (shareable, and kept by the pager's links).
 */
export function DocumentFilters({ action, filters, members, clearHref }: DocumentFiltersProps) {
  // The form has one key/value pair; other metadata filters from the address ride along hidden.
  const [firstMeta, ...otherMeta] = filters.meta;
  return (
    <form className="form form--row document-filters" method="get" action={action} role="search" aria-label="Filter documents">
      <Field label="Search" hint="Name or text, any case.">
        {(control) => <input {...control} name="q" type="search" defaultValue={filters.q ?? ''} maxLength={200} />}
      </Field>
      <SelectField label="Status" name="status" defaultValue={filters.status ?? ''} none="Any status" choices={choicesOf(STATUS_LABELS)} />
      {members.length > 0 && (
        <SelectField
          label="Assignee"
          name="assignee"
          defaultValue={filters.assignee ?? ''}
          none="Anyone"
          choices={members.map((member) => ({ value: member.id, label: member.email ? `${member.name} (${member.email})` : member.name }))}
        />
      )}
      <Field label="Metadata field" hint="For example: source">
        {(control) => <input {...control} name="metaKey" type="text" defaultValue={firstMeta?.key ?? ''} maxLength={100} autoComplete="off" />}
      </Field>
      <Field label="Metadata value" hint="Matched exactly, as text.">
        {(control) => <input {...control} name="metaValue" type="text" defaultValue={firstMeta?.value ?? ''} maxLength={500} autoComplete="off" />}
      </Field>
      {otherMeta.map(({ key, value }) => (
        <input key={key} type="hidden" name={`meta.${key}`} value={value} />
      ))}
      <div className="checkbox-field">
        {/* Unchecked boxes send nothing; this hidden 0 makes "off" explicit (the checkbox's 1, sent later, wins). */}
        <input type="hidden" name="mine" value="0" />
        <input id="document-filters-mine" type="checkbox" name="mine" value="1" defaultChecked={filters.mine} />
        <label htmlFor="document-filters-mine">Only mine</label>
      </div>
      <button type="submit" className="button button--primary">
        Apply
      </button>
      <Link className="button button--secondary" href={clearHref}>
        Clear
      </Link>
    </form>
  );
}
