/** Typed reads from a submitted form, where every value arrives as a string (or File). */

export function readText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** An unchecked checkbox is simply absent from FormData. */
export function readChecked(data: FormData, name: string): boolean {
  return data.has(name);
}

export function readInteger(data: FormData, name: string): number {
  return Number.parseInt(readText(data, name), 10);
}
