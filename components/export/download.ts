import type { ExportFormat } from '@/lib/export/options';
import { documentCounter } from './progress';
import { fileNameOf, startExport } from './request';

export interface DownloadProgress {
  bytes: number;
  /** Documents received so far, when the format lets them be counted (see ./progress). */
  documents: number | null;
  /** From the X-Glossa-Total-Documents header, sent before the data. */
  totalDocuments: number | null;
}

/**
 * Streams an export into memory while reporting progress, then hands it to the browser as a
 * file. Aborting `signal` closes the connection, which stops the server reading the database.
 */
export async function downloadExport(
  url: string,
  format: ExportFormat,
  onProgress: (progress: DownloadProgress) => void,
  signal: AbortSignal,
): Promise<string> {
  const response = await startExport(url, signal);
  const total = Number(response.headers.get('x-glossa-total-documents'));
  const count = documentCounter(format);
  const progress: DownloadProgress = { bytes: 0, documents: count ? 0 : null, totalDocuments: Number.isFinite(total) ? total : null };
  onProgress({ ...progress });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value as Uint8Array<ArrayBuffer>);
    progress.bytes += read.value.byteLength;
    if (count) progress.documents = Math.min(count(read.value), progress.totalDocuments ?? Number.POSITIVE_INFINITY);
    onProgress({ ...progress });
  }
  const fileName = fileNameOf(response, `export.${format}`);
  save(new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }), fileName);
  return fileName;
}

function save(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by the time this runs.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
