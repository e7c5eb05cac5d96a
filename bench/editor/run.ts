import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { probeScript, type Probe } from './page-probe';
import { summariseProfile } from './profile';
import { summariseTrace } from './trace';
import { BENCH_LABEL, type SeededDocument } from './seed';

/** Labels applied per run: the first right after opening, then the rest for the steady state. */
const LABELS = 4;

export interface RunFigures {
  firstByte: number;
  painted: number;
  interactive: number;
  firstLabel: number;
  laterLabels: number[];
  save: number;
  heapMb: number;
  openLongTasks: number;
  openLongTaskMs: number;
  labelLongTaskMs: number;
  htmlKb: number;
}

const probe = <T>(page: Page, read: (probe: Probe) => T) => page.evaluate(`(${read.toString()})(window.__bench)`) as Promise<T>;

/** A word of five letters or more without a span, inside the viewport, and where to click it. */
function findFreeWord(page: Page) {
  return page.evaluate(`(() => {
    const root = document.querySelector('.ProseMirror');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('[data-span]')) continue;
      for (const match of (node.textContent ?? '').matchAll(/\\p{L}{5,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const box = range.getBoundingClientRect();
        if (box.top > 60 && box.bottom < innerHeight - 60) return { word: match[0], x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  })()`) as Promise<{ word: string; x: number; y: number } | null>;
}

/**
 * One visit to a document: open it, wait for the text with its spans and a handled keydown,
 * label LABELS free words by hotkey, wait for the saves, then read the heap after a GC.
 * With `profileTo`, a CPU profile of the whole visit is written there and summarised.
 */
export async function runOnce(context: BrowserContext, url: string, document: SeededDocument, profileTo?: string): Promise<RunFigures> {
  const page = await context.newPage();
  try {
    await page.addInitScript(probeScript(document.spans.length));
    const saves: number[] = [];
    page.on('requestfinished', (request) => {
      if (request.method() === 'POST' && /\/annotations$/.test(request.url())) saves.push(request.timing().responseEnd);
    });
    const cdp = await context.newCDPSession(page);
    /** Writes the profile of the phase that just ended, prints its summary, and starts one for the next. */
    const saveProfile = async (phase: 'open' | 'labels') => {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(profileTo!, { recursive: true });
      const file = path.join(profileTo!, `${document.name.replace(/[^a-z0-9]+/gi, '-')}-${phase}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`profile of ${document.name}, ${phase}: ${file}\n${summariseProfile(profile)}`);
      if (phase === 'open') await cdp.send('Profiler.start');
    };
    const browser = context.browser()!;
    if (profileTo) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction('window.__bench && window.__bench.painted !== null', undefined, { polling: 10, timeout: 60_000 });
    // Interactive: a keydown sent once the spans are painted has been handled by the page.
    await page.keyboard.press('Shift');
    await page.waitForFunction('window.__bench.keydowns.length > 0', undefined, { polling: 10 });
    const open = await probe(page, (p) => ({ painted: p.painted!, handled: p.keydowns[0]!.at }));
    if (profileTo) {
      await saveProfile('open');
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    }
    const navigation = (await page.evaluate('JSON.parse(JSON.stringify(performance.getEntriesByType("navigation")[0]))')) as {
      responseStart: number;
      decodedBodySize: number;
    };

    const labels: number[] = [];
    for (let i = 0; i < LABELS; i++) {
      const word = await findFreeWord(page);
      if (!word) throw new Error(`no free word in view on ${document.name}`);
      // ProseMirror reads a double click within 500 ms of the last one at one spot as a triple click.
      if (i > 0) await page.waitForTimeout(600);
      await page.mouse.dblclick(word.x, word.y);
      await page.getByRole('tablist', { name: 'Layers' }).waitFor();
      await page.evaluate(`window.__bench.spanPainted = null; window.__bench.watch = { before: document.querySelectorAll('[data-span^="new:"]').length }`);
      const before = await probe(page, (p) => p.keydowns.length);
      await page.keyboard.press(BENCH_LABEL.hotkey);
      await page.waitForFunction('window.__bench.spanPainted !== null', undefined, { polling: 10, timeout: 30_000 });
      labels.push(
        await probe(page, (p) => p.spanPainted!).then(async (at) => at - ((await page.evaluate(`window.__bench.keydowns[${before}].stamp`)) as number)),
      );
    }
    await page.getByRole('status').getByText('All changes saved').waitFor({ timeout: 30_000 });
    const longTasks = await probe(page, (p) => p.longTasks);

    if (profileTo) {
      await saveProfile('labels');
      console.log(`main thread while labelling ${LABELS} words, by kind (self time):\n${summariseTrace(await browser.stopTracing())}`);
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    // Undone, so every visit opens the same document and finds the same free words in view (the
    // words on screen run out after a dozen visits otherwise, sooner with the tags taking room).
    for (let i = 0; i < LABELS; i++) await page.keyboard.press('Control+z');
    await page.waitForFunction(`document.querySelectorAll('[data-span^="new:"]').length === 0`, undefined, { polling: 10, timeout: 30_000 });
    await page.getByRole('status').getByText('All changes saved').waitFor({ timeout: 30_000 });

    const opening = longTasks.filter(([start]) => start < open.handled);
    return {
      firstByte: navigation.responseStart,
      painted: open.painted,
      interactive: open.handled,
      firstLabel: labels[0]!,
      laterLabels: labels.slice(1),
      save: saves[0] ?? Number.NaN,
      heapMb: heap.usedSize / 2 ** 20,
      openLongTasks: opening.length,
      openLongTaskMs: opening.reduce((sum, [, duration]) => sum + duration, 0),
      labelLongTaskMs: longTasks.filter(([start]) => start >= open.handled).reduce((sum, [, duration]) => sum + duration, 0),
      htmlKb: navigation.decodedBodySize / 1024,
    };
  } finally {
    await page.close();
  }
}
