import type { Figure } from '@/lib/review/figure';
import { describeExcluded, withExcluded } from '@/lib/review/excluded';
import { loadReportInput } from '@/lib/review/load';
import { agreementReport, withMessage } from '@/lib/review/report';
import { projectActor } from './actor';
import { flags, UsageError, withDatabase, type Command } from './support';

const show = (f: Figure) => (f.value === null ? `n/a (${f.reason})` : f.value.toFixed(3));

export const agreementCommand: Command = {
  group: 'agreement',
  synopsis: 'glossa agreement --project ID [--scope submitted|all] [--include-after-gold] [--json] [--as-user EMAIL]',
  async run(args) {
    const options = flags(args, { project: { type: 'string' }, scope: { type: 'string' }, json: { type: 'boolean' }, 'as-user': { type: 'string' }, 'include-after-gold': { type: 'boolean' } }, ['project']);
    const scope = options.scope ?? 'submitted';
    if (scope !== 'submitted' && scope !== 'all') throw new UsageError('--scope must be "submitted" or "all".');
    await withDatabase(async (db) => {
      await projectActor(db, options.project!, options['as-user'], 'agreement:read');
      const input = await loadReportInput(db, options.project!, scope, { afterGold: options['include-after-gold'] ? 'include' : 'exclude' });
      const report = withExcluded(withMessage(agreementReport(input)), input.excluded);
      if (options.json) return void console.log(JSON.stringify(report, null, 2));
      const names = new Map(report.scope.annotators.map((a) => [a.id, a.name]));
      console.log(`Documents: ${report.scope.documents} (${report.scope.documentRule}); annotators: ${report.scope.annotators.map((a) => a.name).join(', ') || 'none'}`);
      if (report.scope.message) console.log(report.scope.message);
      const excluded = describeExcluded(report.excluded);
      if (excluded) console.log(excluded);
      for (const [layer, r] of Object.entries(report.layers)) {
        console.log(`\n${layer}: token α ${show(r.tokenAlpha)} · α_u ${show(r.unitizingAlpha)} · Fleiss κ ${show(r.fleissKappa)}`);
        for (const p of r.pairs) console.log(`  ${names.get(p.a)} × ${names.get(p.b)}: κ ${show(p.cohenKappa)} · F1 exact ${show(p.f1Exact)} · F1 overlap ${show(p.f1Overlap)}`);
      }
      for (const [target, f] of Object.entries(report.stance)) console.log(`stance towards ${target}: α ${show(f)} over ${f.units} unit(s)`);
      for (const [question, f] of Object.entries(report.questions)) console.log(`${question}: α ${show(f)} over ${f.units} unit(s)`);
      const worst = report.documents.filter((d) => d.disagreement !== null).slice(0, 5);
      if (worst.length) console.log(`\nMost disagreement: ${worst.map((d) => `${d.name} (${d.disagreement})`).join(', ')}`);
    });
  },
};
