/** A text's UTF-8 bytes, as a file's content or the head of it that detectFormat reads. */
export const bytes = (text: string) => new TextEncoder().encode(text);
