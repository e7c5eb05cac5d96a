import { ImportError, type ImportEncoding, type ImportSource } from '../types';

/**
 * Text files in other encodings than UTF-8 (SemEval-2016 Task 6 ships Windows-1252; Excel saves
 * "Unicode text" as UTF-16 with a byte order mark) are transcoded to UTF-8 as they stream, before
 * format detection, so every parser and every byte limit downstream sees UTF-8. A UTF-16 byte
 * order mark is recognised without being asked; other encodings must be named, since any byte
 * sequence is valid Windows-1252 and no guess could be defended. UTF-8 input passes through
 * untouched (binary formats too): the parsers check it themselves and report the line of a bad byte.
 */
/** A source as UTF-8, and once its stream has begun, the encoding it was read in (for the report). */
interface DecodedSource {
  source: ImportSource;
  encoding(): string | undefined;
}

// WHATWG (and so Node's TextDecoder) reads 'latin1' as windows-1252, its superset: the bytes
// 0x80-0x9F, C1 controls in ISO-8859-1, are never meant as controls in real text files.
const DECODER_LABEL: Record<Exclude<ImportEncoding, 'utf-8' | 'utf-16'>, string> = { 'windows-1252': 'windows-1252', 'latin-1': 'latin1' };

export function decodedSource(source: ImportSource, stated: ImportEncoding | undefined): DecodedSource {
  let used: string | undefined;
  const file = source.name;
  const decoded: ImportSource = {
    name: file,
    async *stream() {
      const iterator = source.stream()[Symbol.asyncIterator]();
      // Enough bytes to see a byte order mark, however the stream is chunked.
      const head: Uint8Array[] = [];
      let length = 0;
      let done = false;
      while (length < 3 && !done) {
        const next = await iterator.next();
        if (next.done) done = true;
        else {
          head.push(next.value);
          length += next.value.length;
        }
      }
      const first = Buffer.concat(head);
      const bom =
        first[0] === 0xff && first[1] === 0xfe
          ? 'utf-16le'
          : first[0] === 0xfe && first[1] === 0xff
            ? 'utf-16be'
            : first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf
              ? 'utf-8'
              : undefined;
      const rest = async function* () {
        if (first.length > 0) yield new Uint8Array(first);
        if (done) return;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      };
      const label = decoderFor(file, stated, bom);
      used = label === undefined ? `utf-8${bom ? ' (with BOM)' : ''}` : `${stated ?? 'utf-16'}${bom ? ` (${bom} BOM)` : ''}`;
      if (label === undefined) yield* rest();
      else yield* transcode(rest(), label, file, used);
    },
  };
  return { source: decoded, encoding: () => used };
}

/** The TextDecoder label for the file, undefined to pass UTF-8 through. */
function decoderFor(file: string, stated: ImportEncoding | undefined, bom: 'utf-16le' | 'utf-16be' | 'utf-8' | undefined): string | undefined {
  const utf16 = bom === 'utf-16le' || bom === 'utf-16be';
  if (stated === undefined) return utf16 ? bom : undefined;
  if (stated === 'utf-16') {
    if (!utf16)
      throw new ImportError(
        { file },
        'encoding utf-16: the file does not begin with a UTF-16 byte order mark (FF FE or FE FF), which ' +
          'tells little from big endian; save it as "UTF-16 with BOM" or as UTF-8',
      );
    return bom;
  }
  if (bom !== undefined)
    throw new ImportError(
      { file },
      `encoding ${stated} was given, but the file begins with a ${bom.toUpperCase()} byte order mark; leave out the encoding option`,
    );
  return stated === 'utf-8' ? undefined : DECODER_LABEL[stated];
}

async function* transcode(chunks: AsyncIterable<Uint8Array>, label: string, file: string, name: string): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder(label, { fatal: true });
  const encoder = new TextEncoder();
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportError(
        { file },
        `the file is not valid ${name} (an odd number of bytes or a lone surrogate); save it again in that encoding, or as UTF-8`,
      );
    }
  };
  for await (const chunk of chunks) {
    const text = decode(chunk);
    if (text !== '') yield encoder.encode(text);
  }
  const rest = decode();
  if (rest !== '') yield encoder.encode(rest);
}
