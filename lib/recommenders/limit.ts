/**
 * Process-wide concurrency limits, one per key (a recommender id): however many documents
 * this instance works on at once, no more than `max` requests go to one endpoint together.
 */
interface Gate {
  active: number;
  waiting: (() => void)[];
}

const gates = new Map<string, Gate>();

export async function limited<T>(key: string, max: number, work: () => Promise<T>): Promise<T> {
  const gate = gates.get(key) ?? { active: 0, waiting: [] };
  gates.set(key, gate);
  while (gate.active >= max) await new Promise<void>((resolve) => gate.waiting.push(resolve));
  gate.active++;
  try {
    return await work();
  } finally {
    gate.active--;
    gate.waiting.shift()?.();
    if (gate.active === 0 && gate.waiting.length === 0) gates.delete(key);
  }
}
