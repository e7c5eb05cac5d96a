import { buildMatcher, fold } from '../matcher';
import type { LearnedForm, Recommender, SchemaTargetView } from '../types';
import { emptyResult } from '../types';
import type { StringMatchConfig } from '../config';

/**
 * string-match: proposes every occurrence of what the project already labelled. It learns
 * from the forms the runner loaded (spans visible to the requesting annotator: learn.ts),
 * the uploaded gazetteer, and stance-target aliases: a form that is one name of a target
 * teaches its label for every other name of that target ("Imran Khan" PERSON → "IK" PERSON).
 */
export function stringMatch(config: StringMatchConfig, gazetteer: readonly { text: string; label: string }[]): Recommender {
  const caseSensitive = config.caseSensitive ?? false;
  return {
    async suggest(text, schema, context) {
      const forms = [...context.learned, ...gazetteer.map((g) => ({ text: g.text, label: g.label }))];
      const matcher = buildMatcher([...forms, ...aliasForms(forms, schema.targets, caseSensitive)], { caseSensitive });
      return { ...emptyResult(), spans: matcher.match(text, context.acceptance) };
    },
  };
}

export function aliasForms(forms: readonly LearnedForm[], targets: readonly SchemaTargetView[], caseSensitive: boolean): LearnedForm[] {
  const added: LearnedForm[] = [];
  for (const target of targets) {
    if (target.retired) continue;
    const names = [target.name, ...target.aliases].filter((n) => n.trim() !== '');
    const folded = new Set(names.map((n) => fold(n.trim(), caseSensitive)));
    for (const form of forms) {
      if (!folded.has(fold(form.text.trim(), caseSensitive))) continue;
      for (const name of names) added.push({ ...form, text: name });
    }
  }
  return added;
}
