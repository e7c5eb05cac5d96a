/**
 * File names for archive entries built from document names: letters, digits, marks, '.', '_'
 * and '-' only (so no path separators, no '..' escapes, nothing a shell or Windows rejects), at
 * most 80 code points, never a Windows device name, and unique ignoring case (as on macOS and
 * Windows file systems) by appending -2, -3, …. Sanitising is idempotent, so names read back from
 * an archive are kept as they are.
 */

const UNSAFE = /[^\p{L}\p{N}\p{M}._-]+/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_CODE_POINTS = 80;

function sanitize(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/^[._]+|[._]+$/g, '');
  const short = Array.from(cleaned)
    .slice(0, MAX_CODE_POINTS)
    .join('')
    .replace(/[._]+$/, '');
  if (short === '') return 'document';
  return WINDOWS_DEVICE.test(short) ? `_${short}` : short;
}

export function createFileNamer(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    const base = sanitize(name);
    let candidate = base;
    for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) candidate = `${base}-${suffix}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
