import { importLimits, tooLarge, type ImportLimits } from '../limits';
import { ImportError, type ImportSource, type SourceLocation } from '../types';
import { readBytes } from './input';
import { inSandbox, limitProblem, SandboxFailure, type SandboxOptions, type SandboxResults } from './sandbox';

// A zip (and so a docx) starts with a local file header, or an end record when empty; a PDF with
// its version comment, which readers accept within the first 1,024 bytes.
const SIGNATURES: Record<keyof SandboxOptions, (bytes: Uint8Array) => boolean> = {
  zip: (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05),
  docx: (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03,
  pdf: (bytes) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-'),
};

/**
 * A .docx, .pdf or .zip, read whole (up to GLOSSA_MAX_BINARY_FILE_MB: 413 past it) and handed to
 * the parser sandbox. Failures become import problems: a structural limit names the limit, any
 * other failure says the file is not readable as `what`.
 */
export async function parseBinary<K extends keyof SandboxOptions>(
  source: ImportSource,
  kind: K,
  options: SandboxOptions[K],
  what: string,
  limits: ImportLimits = importLimits(),
): Promise<SandboxResults[K]> {
  const location: SourceLocation = { file: source.name };
  const bytes = await readBytes(source, limits.binaryFileBytes, () => tooLarge(`The file ${source.name}`, 'binaryFileBytes', limits));
  // A file without the format's signature is refused at once, without starting a worker.
  if (!SIGNATURES[kind](bytes)) throw new ImportError(location, `${what} (it does not start like one)`);
  try {
    return await inSandbox(kind, bytes, options, location, limits);
  } catch (error) {
    if (!(error instanceof SandboxFailure)) throw error;
    throw limitProblem(error, location, limits) ?? new ImportError(location, `${what} (${error.message})`);
  }
}
