// The heavy import parsers (docx via mammoth, pdf via PDF.js, zip via fflate), run in a
// worker thread with its own heap limit and a wall clock (lib/import/parsers/sandbox.ts): a
// file that would need more memory or time than allowed ends this worker, not the server,
// and the event loop that serves other requests never waits on it. Plain JavaScript on
// purpose: `next start` runs it from the source tree, outside the server bundle.
import { parentPort, workerData } from 'node:worker_threads';
import { unzipSync, zipSync } from 'fflate';

const MB = 1024 * 1024;
// Ratios are only judged on entries that inflate past this: small files compress oddly.
const RATIO_FLOOR = MB;

/** A limit was passed: reported with the limit's key, so the message can name it. */
class LimitError extends Error {
  constructor(limit, message) {
    super(message);
    this.limit = limit;
  }
}

/**
 * The entries of a zip whose names `wanted` accepts, inflated, after their declared sizes pass
 * the limits. Sizes come from the central directory, before anything is inflated; fflate
 * inflates each entry into a buffer of exactly its declared size, so an entry that lies about
 * its size is cut there and cannot grow past the limits. Unwanted entries are never inflated.
 */
function inflate(bytes, wanted, limits) {
  let total = 0;
  const names = [];
  const entries = unzipSync(bytes, {
    filter(file) {
      names.push(file.name);
      if (!wanted(file.name)) return false;
      if (file.originalSize > limits.inflatedEntryBytes) throw new LimitError('inflatedEntryBytes', `${file.name} inflates to ${file.originalSize} bytes`);
      total += file.originalSize;
      if (total > limits.inflatedTotalBytes) throw new LimitError('inflatedTotalBytes', `the entries inflate to more than ${total} bytes`);
      if (file.originalSize > RATIO_FLOOR && file.originalSize / Math.max(file.size, 1) > limits.inflateRatio) {
        throw new LimitError('inflateRatio', `${file.name} inflates ${Math.round(file.originalSize / Math.max(file.size, 1))} times`);
      }
      return true;
    },
  });
  return { names, entries };
}

const tasks = {
  async zip({ bytes, pattern, limits }) {
    const wanted = new RegExp(pattern, 'i');
    return inflate(bytes, (name) => wanted.test(name), limits);
  },
  async docx({ bytes, limits }) {
    const { entries } = inflate(bytes, () => true, limits);
    // mammoth inflates again with JSZip, which trusts the sizes; it gets the checked entries, stored uncompressed.
    const checked = zipSync(entries, { level: 0 });
    const { default: mammoth } = await import('mammoth');
    return { text: (await mammoth.extractRawText({ buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) })).value };
  },
  async pdf({ bytes, limits }) {
    const { getDocumentProxy, extractText } = await import('unpdf');
    const pdf = await getDocumentProxy(bytes);
    if (pdf.numPages > limits.pdfPages) throw new LimitError('pdfPages', `the PDF has ${pdf.numPages} pages`);
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { totalPages, text };
  },
};

const { kind, ...input } = workerData;
tasks[kind](input).then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) =>
    parentPort.postMessage({
      ok: false,
      limit: error instanceof LimitError ? error.limit : undefined,
      message: error instanceof Error ? error.message : String(error),
    }),
);
