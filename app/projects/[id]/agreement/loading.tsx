import { LoadingPanel } from '@/components/review/LoadingPanel';

export default function AgreementLoading() {
  return (
    <LoadingPanel
      title="Computing agreement…"
      detail="Every coefficient is computed from the annotations as they are now; large projects take a few seconds."
    />
  );
}
