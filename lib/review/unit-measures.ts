import { krippendorffAlpha, krippendorffAlphaInterval, type IntervalOptions } from '@/lib/agreement';
import { attempt, figure, type Figure } from './figure';
import { optional, reportInterval } from './intervals';
import type { ReportDocument, ReportInput } from './input';

/**
 * Agreement on (document, target) and (document, question) units, nominal α with
 * missing values for annotators who do not count for a document.
 *
 * STANCE per target: an annotator's value for (document, target) is the sorted set of
 * stance labels of their spans about that target, "∅" when they marked none. Units
 * where nobody marked a stance towards the target are left out, since they would be
 * trivial agreement.
 * DOCUMENT questions: single-choice questions compare the chosen option; multi-choice
 * questions become one yes/no variable per option. Unanswered = missing.
 */
export interface UnitFigure extends Figure {
  units: number;
}

export function alphaOver(units: Map<string, Map<string, string | null>>, annotators: string[], intervals: IntervalOptions | null): UnitFigure {
  const rows = annotators.map((annotator) => [...units.values()].map((values) => values.get(annotator) ?? null));
  const interval = intervals ? reportInterval(attempt(() => krippendorffAlphaInterval(rows, 'nominal', intervals))) : undefined;
  return { ...figure(() => krippendorffAlpha(rows, 'nominal')), ...optional(interval), units: units.size };
}

export function stanceByTarget(documents: ReportDocument[], annotators: string[], intervals: IntervalOptions | null = null): Record<string, UnitFigure> {
  const byTarget = new Map<string, Map<string, Map<string, string | null>>>();
  for (const document of documents) {
    const stances = document.spans.filter((s) => s.layer === 'STANCE' && s.target);
    for (const target of new Set(stances.map((s) => s.target!))) {
      const values = new Map<string, string | null>();
      for (const annotator of document.annotators) {
        const labels = [...new Set(stances.filter((s) => s.author === annotator && s.target === target).map((s) => s.label))].sort();
        values.set(annotator, labels.length ? labels.join('+') : '∅');
      }
      if (!byTarget.has(target)) byTarget.set(target, new Map());
      byTarget.get(target)!.set(document.id, values);
    }
  }
  return Object.fromEntries([...byTarget].sort(([a], [b]) => a.localeCompare(b)).map(([target, units]) => [target, alphaOver(units, annotators, intervals)]));
}

export function documentQuestions(input: ReportInput, intervals: IntervalOptions | null = null): Record<string, UnitFigure> {
  const annotators = input.annotators.map((a) => a.id);
  const result: Record<string, UnitFigure> = {};
  for (const question of input.questions) {
    const variables = question.multiple
      ? question.options.map((option) => ({ name: `${question.key}=${option}`, option }))
      : [{ name: question.key, option: null }];
    for (const variable of variables) {
      const units = new Map<string, Map<string, string | null>>();
      for (const document of input.documents) {
        for (const target of question.perTarget ? input.targets : [undefined]) {
          const values = new Map<string, string | null>();
          for (const annotator of document.annotators) {
            const answer = document.answers.find((a) => a.author === annotator && a.question === question.key && a.target === target);
            values.set(annotator, !answer ? null : variable.option === null ? (answer.values[0] ?? null) : String(answer.values.includes(variable.option)));
          }
          if ([...values.values()].some((v) => v !== null)) units.set(`${document.id}|${target ?? ''}`, values);
        }
      }
      result[variable.name] = alphaOver(units, annotators, intervals);
    }
  }
  return result;
}
