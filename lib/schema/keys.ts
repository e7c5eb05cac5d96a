/**
 * The key a new label or target gets from its name while the user has not typed one: keys are
 * what exports write, so they follow the key rule of ./definition (A–Z, 0–9 and _, starting with
 * a letter, at most 64) — "Armed group" → ARMED_GROUP, "Économie" → ECONOMIE, "2nd wave" → L_2ND_WAVE.
 */
export function keyFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (words === '') return '';
  const key = /^[A-Z]/.test(words) ? words : `L_${words}`;
  return key.slice(0, 64).replace(/_+$/, '');
}
