import { strFromU8, unzipSync } from 'fflate';
import { FORMAT_INFO, type ExportFormat } from '@/lib/export/options';
import { startExport } from './request';

export const PREVIEW_DOCUMENTS = 3;
// Enough to see the shape of the records; more would only slow the page down.
const PREVIEW_CHARACTERS = 6000;

export interface PreviewEntry {
  /** The file inside an archive; absent for single-file formats. */
  name?: string;
  text: string;
  truncated: boolean;
}

/** The first documents of an export as text: the file itself, or the files of the zip. */
export async function loadPreview(url: string, format: ExportFormat, signal: AbortSignal): Promise<PreviewEntry[]> {
  const bytes = new Uint8Array(await (await startExport(url, signal)).arrayBuffer());
  const files = FORMAT_INFO[format].archive ? Object.entries(unzipSync(bytes)) : [[undefined, bytes] as const];
  return files.map(([name, content]) => {
    const text = strFromU8(content);
    return { ...(name !== undefined && { name }), text: text.slice(0, PREVIEW_CHARACTERS), truncated: text.length > PREVIEW_CHARACTERS };
  });
}
