/**
 * Where UTF-8 goes wrong. TextDecoder's fatal mode only says *that* bytes are invalid; an
 * upload is rejected with the byte offset of the first bad sequence, so the user can find it
 * (nothing is ever stored as U+FFFD replacement characters).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at++;
      continue;
    }
    // Sequence length and the allowed range of the second byte (excludes overlongs, surrogates, > U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return at;
    for (let i = 1; i < length; i++) {
      const byte = bytes[at + i];
      if (byte === undefined || byte < (i === 1 ? low : 0x80) || byte > (i === 1 ? high : 0xbf)) return at;
    }
    at += length;
  }
  return -1;
}
