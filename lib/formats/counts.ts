/** Adds two sets of counters field by field (a format's per-document losses into the export's totals). */
export function addCounts<T extends { [K in keyof T]: number }>(total: T, more: T): T {
  const sum = { ...total };
  for (const key of Object.keys(more) as (keyof T)[]) sum[key] = (total[key] + more[key]) as T[keyof T];
  return sum;
}
