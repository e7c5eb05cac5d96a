import { useEffect, useState } from 'react';
import type { ExportChoice } from './request';
import { loadLosses } from './losses';

/**
 * The spans the chosen download would leave out, in words; null while unknown (loading, or the
 * export is refused, which the preview already says). A newer choice cancels an older request.
 */
export function useLosses(projectId: string, choice: ExportChoice, refused: boolean): string[] | null {
  const [losses, setLosses] = useState<{ for: ExportChoice; lines: string[] } | null>(null);
  useEffect(() => {
    if (refused) return;
    const controller = new AbortController();
    loadLosses(projectId, choice, controller.signal)
      .then((lines) => setLosses({ for: choice, lines }))
      // The card failing is not the download failing: the preview and the download report their own errors.
      .catch(() => undefined);
    return () => controller.abort();
  }, [projectId, choice, refused]);
  return !refused && losses?.for === choice ? losses.lines : null;
}
