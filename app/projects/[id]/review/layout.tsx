import type { ReactNode } from 'react';
import { requireProjectPage } from '@/lib/next/page-access';

// Checked here, outside loading.tsx's boundary, so that a refusal is still a 403/404 status.
export default async function ReviewLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requireProjectPage((await params).id, 'work:read-others');
  return children;
}
