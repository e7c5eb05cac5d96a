import { API_V1, ApiError } from '@/components/api';
import { requestTo } from '@/lib/api/client';
import type * as contract from '@/lib/api/contracts/export';
import { FORMAT_INFO, type ExportFormat } from '@/lib/export/options';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';

/** What the export page asks for; the server validates it again. */
export interface ExportChoice {
  format: ExportFormat;
  /** gold, all or annotator:<userId>. */
  source: string;
  status: '' | AssignmentStatus;
  /** Labels as the imported files spelled them (labels=source), for the formats that can write them. */
  sourceLabels?: boolean;
}

export function exportUrl(projectId: string, choice: ExportChoice, extra: Record<string, string> = {}): string {
  const sourceLabels = choice.sourceLabels === true && FORMAT_INFO[choice.format].sourceLabels === true;
  const query = {
    format: choice.format,
    source: choice.source,
    ...(choice.status && { status: choice.status }),
    ...(sourceLabels && { labels: 'source' as const }),
    ...extra,
  };
  return `${API_V1}${requestTo<typeof contract.exportDataset>('GET /projects/{id}/export', { params: { id: projectId }, query }).path}`;
}

/** The dataset card describing the export `choice` would give. */
export function cardUrl(projectId: string, choice: ExportChoice): string {
  return exportUrl(projectId, choice, { format: 'card', of: choice.format });
}

/** Starts an export; a refusal (409 no gold yet, 400 …) becomes an ApiError with the server's message. */
export async function startExport(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  if (response.ok && response.body) return response;
  const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ApiError(response.status, payload?.error?.code ?? 'error', payload?.error?.message ?? `The export failed (HTTP ${response.status}).`);
}

/** The file name from `Content-Disposition: attachment; filename="…"`. */
export function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}
