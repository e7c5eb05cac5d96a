/**
 * Dates are formatted on the server in UTC, labelled as such: the text is then the
 * same for every viewer and every server, and server and browser renders agree.
 */
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dateAndTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function DateText({ value, withTime = false }: { value: Date; withTime?: boolean }) {
  return <time dateTime={value.toISOString()}>{withTime ? `${dateAndTime.format(value)} UTC` : dateOnly.format(value)}</time>;
}
