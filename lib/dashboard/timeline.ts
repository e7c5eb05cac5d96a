/** A day (UTC, YYYY-MM-DD) with how many documents were submitted and adjudicated on it. */
export interface DayCount {
  day: string;
  submitted: number;
  adjudicated: number;
}

export interface TimelineDay extends DayCount {
  cumulativeSubmitted: number;
  cumulativeAdjudicated: number;
}

/**
 * Merges the per-day counts into one list in day order with running totals. Only days on which
 * something happened are listed: a step chart draws the days between as flat.
 */
export function cumulate(submitted: { day: string; count: number }[], adjudicated: { day: string; count: number }[]): TimelineDay[] {
  const days = new Map<string, DayCount>();
  const at = (day: string) => {
    let entry = days.get(day);
    if (!entry) {
      entry = { day, submitted: 0, adjudicated: 0 };
      days.set(day, entry);
    }
    return entry;
  };
  for (const s of submitted) at(s.day).submitted += s.count;
  for (const a of adjudicated) at(a.day).adjudicated += a.count;
  let cumulativeSubmitted = 0;
  let cumulativeAdjudicated = 0;
  return [...days.values()]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => {
      cumulativeSubmitted += d.submitted;
      cumulativeAdjudicated += d.adjudicated;
      return { ...d, cumulativeSubmitted, cumulativeAdjudicated };
    });
}
