import type { Metadata } from 'next';
import { NewProjectForm } from '@/components/projects/NewProjectForm';
import { presetSummaries } from '@/components/projects/preset-summaries';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageCaller } from '@/lib/next/page-access';
import { DEFAULT_PRESET_ID } from '@/lib/schema/presets';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New project' };

export default async function NewProjectPage() {
  await requirePageCaller();
  return (
    <div className="narrow">
      <PageHeader title="New project" lead="You become the project’s owner and can invite others afterwards." />
      <NewProjectForm presets={presetSummaries()} defaultPresetId={DEFAULT_PRESET_ID} />
    </div>
  );
}
