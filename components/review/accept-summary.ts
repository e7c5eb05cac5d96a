import type { ResponseOf } from '@/lib/api/client';
import type * as review from '@/lib/api/contracts/review';
import { plural } from './format';

/** The sentences announcing what accepting into gold did, for the queue's bulk panel and the document view. */

type AcceptedCounts = ResponseOf<typeof review.acceptGold>;

export function describeAccepted({ spans, relations, answers }: AcceptedCounts): string {
  return `${plural(spans, 'span')}, ${plural(relations, 'relation')} and ${plural(answers, 'answer')}`;
}

export function describeAutoAccept(result: ResponseOf<typeof review.autoAcceptGold>): string {
  if (result.documents === 0) return 'No document qualified, so nothing changed.';
  const finished = result.finished > 0 ? ` ${plural(result.finished, 'document')} marked finished.` : '';
  const [first] = result.skipped.items;
  const skipped = first ? ` ${plural(result.skipped.count, 'item')} left out because they break an annotation rule, e.g. ${first.reason}` : '';
  const afterGold =
    result.afterGoldLeftOut > 0
      ? ` Not counted as votes: ${plural(result.afterGoldLeftOut, 'annotator × document pair')} changed after gold was shown to the annotator.`
      : '';
  return `Processed ${plural(result.documents, 'document')}: ${describeAccepted(result)} newly accepted into gold.${finished}${skipped}${afterGold}`;
}
