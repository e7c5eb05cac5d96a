import { LoadingPanel } from '@/components/review/LoadingPanel';

export default function ReviewLoading() {
  return <LoadingPanel title="Loading the review…" detail="Disagreement is computed from every submitted annotation." />;
}
