import { describeExcluded } from '@/lib/review/excluded';
import type { Figure } from '@/lib/review/figure';
import { intervalRule } from '@/lib/review/intervals';
import { methodsExport, projectReport, type ProjectReport, type ReportRequest } from '@/lib/review/methods/export';
import { withInterval } from '@/lib/review/methods/paragraph';
import type { PrecisionRecall } from '@/lib/review/model-measures';
import { batching, batchQuery, intervalOptions, intervalQuery, modelSelection, modelsQuery } from '@/lib/review/report-options';
import { projectActor } from './actor';
import { flags, UsageError, withDatabase, type Command } from './support';

const show = (f: Figure) => withInterval(f, 3);
const FORMATS = ['text', 'json', 'markdown', 'latex', 'csv'] as const;

export const agreementCommand: Command = {
  group: 'agreement',
  synopsis:
    'glossa agreement --project ID [--scope submitted|all] [--format text|json|markdown|latex|csv] ' +
    '[--interval bootstrap|jackknife|none] [--confidence 0.95] [--replicates 1000] [--seed 1] ' +
    '[--thresholds 0.667,0.8] [--batch week|N|none] [--include-after-gold] [--models all|RUN_ID,…] [--as-user EMAIL]',
  async run(args) {
    const options = flags(
      args,
      {
        strings: ['project', 'scope', 'format', 'interval', 'confidence', 'replicates', 'seed', 'thresholds', 'batch', 'models', 'as-user'],
        switches: ['json', 'include-after-gold'],
      },
      ['project'],
    );
    const scope = options.scope ?? 'submitted';
    if (scope !== 'submitted' && scope !== 'all') throw new UsageError('--scope must be "submitted" or "all".');
    const format = options.json ? 'json' : (options.format ?? 'text');
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(format)}.`);
    const parsed = intervalQuery.safeParse({
      interval: options.interval,
      confidence: options.confidence,
      replicates: options.replicates,
      seed: options.seed,
      thresholds: options.thresholds,
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
    const batch = batchQuery.safeParse({ batch: options.batch });
    if (!batch.success) throw new UsageError(`--batch: ${batch.error.issues[0]!.message}`);
    const modelsFlag = modelsQuery.safeParse({ models: options.models });
    if (!modelsFlag.success) throw new UsageError(`--models: ${modelsFlag.error.issues[0]!.message}`);
    const request: ReportRequest = {
      scope,
      options: { intervals: intervalOptions(parsed.data), batching: batching(batch.data) },
      afterGold: options['include-after-gold'] ? 'include' : 'exclude',
      models: modelSelection(modelsFlag.data),
    };
    await withDatabase(async (db) => {
      await projectActor(db, options.project!, options['as-user'], 'agreement:read');
      if (format === 'markdown' || format === 'latex' || format === 'csv') {
        return void process.stdout.write((await methodsExport(db, options.project!, request, format)).text);
      }
      const result = await projectReport(db, options.project!, request);
      if (format === 'json') return void console.log(JSON.stringify(result, null, 2));
      printText(result);
    });
  },
};

function printText(report: ProjectReport) {
  const names = new Map(report.scope.annotators.map((a) => [a.id, a.name]));
  console.log(
    `Documents: ${report.scope.documents} (${report.scope.documentRule}); annotators: ${report.scope.annotators.map((a) => a.name).join(', ') || 'none'}`,
  );
  if (report.scope.message) console.log(report.scope.message);
  const excluded = describeExcluded(report.excluded);
  if (excluded) console.log(excluded);
  for (const [layer, r] of Object.entries(report.layers)) {
    console.log(`\n${layer}: token α ${show(r.tokenAlpha)} · α_u ${show(r.unitizingAlpha)} · Fleiss κ ${show(r.fleissKappa)}`);
    for (const p of r.pairs)
      console.log(`  ${names.get(p.a)} × ${names.get(p.b)}: κ ${show(p.cohenKappa)} · F1 exact ${show(p.f1Exact)} · F1 overlap ${show(p.f1Overlap)}`);
  }
  for (const [target, f] of Object.entries(report.stance)) console.log(`stance towards ${target}: α ${show(f)} over ${f.units} unit(s)`);
  for (const [question, f] of Object.entries(report.questions)) console.log(`${question}: α ${show(f)} over ${f.units} unit(s)`);
  const worst = report.documents.filter((d) => d.disagreement !== null).slice(0, 5);
  if (worst.length) console.log(`\nMost disagreement: ${worst.map((d) => `${d.name} (${d.disagreement})`).join(', ')}`);
  for (const batch of report.overTime?.batches ?? []) {
    console.log(
      `${batch.label} (${batch.documents} documents): ${Object.entries(batch.layers)
        .map(([layer, f]) => `${layer} α ${show(f.tokenAlpha)}`)
        .join(' · ')}`,
    );
  }
  for (const model of report.models) {
    console.log(`\n${model.name}: against gold on ${model.gold.documents} of the ${model.documents} document(s) it ran on`);
    for (const [layer, scores] of Object.entries(model.gold.layers)) {
      const line = (s: PrecisionRecall) => `P ${show(s.precision)} · R ${show(s.recall)} · F1 ${show(s.f1)}`;
      console.log(`  ${layer} (exact): ${line(scores.exact)}`);
      for (const [label, byLabel] of Object.entries(scores.labels)) console.log(`    ${label}: ${line(byLabel.exact)}`);
    }
  }
  if (report.scope.intervals) console.log(`\n${intervalRule(report.scope.intervals)}`);
}
