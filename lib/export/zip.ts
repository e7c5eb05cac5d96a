import { Zip, ZipDeflate, strToU8 } from 'fflate';

/**
 * A zip archive written as a stream: each entry is compressed as it is written and its bytes go
 * straight to `sink`, so an archive of any size never sits in memory.
 */
interface ZipStream {
  file(path: string, content: string): void;
  /** An entry written piece by piece; nothing else may be added until it is closed. */
  open(path: string): { write(text: string): void; close(): void };
  end(): void;
}

export function createZipStream(sink: (chunk: Uint8Array) => void, mtime: Date): ZipStream {
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    sink(chunk);
  });
  const entry = (path: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    return file;
  };
  return {
    file: (path, content) => entry(path).push(strToU8(content), true),
    open(path) {
      const file = entry(path);
      return { write: (text) => file.push(strToU8(text)), close: () => file.push(new Uint8Array(0), true) };
    },
    end: () => zip.end(),
  };
}
