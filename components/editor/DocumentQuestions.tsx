import { choose, valuesFor, withValues } from '@/lib/editor/answers';
import type { Answer } from '@/lib/editor/model';
import { activeLabels, type SchemaLabel, type SchemaTarget } from '@/lib/editor/schema';
import styles from './panel.module.css';

interface DocumentQuestionsProps {
  labels: readonly SchemaLabel[];
  targets: readonly SchemaTarget[];
  answers: readonly Answer[];
  readOnly: boolean;
  /** The whole new answer set: the API replaces all of the caller's answers at once. */
  onChange(answers: Answer[]): void;
}

/** Document-level questions: checkboxes for multiple choice, radios otherwise, one row per target when asked per target. */
export function DocumentQuestions({ labels, targets, answers, readOnly, onChange }: DocumentQuestionsProps) {
  const questions = activeLabels(labels, 'DOCUMENT');
  const activeTargets = targets.filter((target) => !target.retired);
  if (questions.length === 0) return <p className={styles.empty}>This project asks no document-level questions.</p>;

  const row = (question: SchemaLabel, target: SchemaTarget | null) => {
    const targetId = target?.id ?? null;
    const values = valuesFor(answers, question.id, targetId);
    const name = `${question.id}:${targetId ?? 'document'}`;
    return (
      <fieldset key={name} className={styles.choices} disabled={readOnly}>
        {target && <legend dir="auto">{target.name}</legend>}
        {question.options.map((option) => (
          <label key={option.key} className={styles.choice}>
            <input
              type={question.multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.key}
              checked={values.includes(option.key)}
              onChange={() => onChange(withValues(answers, question.id, targetId, choose(values, option.key, question.multiple)))}
            />
            {option.name}
          </label>
        ))}
        {!question.multiple && values.length > 0 && (
          <button type="button" className={styles.more} onClick={() => onChange(withValues(answers, question.id, targetId, []))}>
            Clear{target ? ` (${target.name})` : ''}
          </button>
        )}
      </fieldset>
    );
  };

  return (
    <>
      {questions.map((question) => (
        <fieldset key={question.id} className={`fieldset ${styles.question}`}>
          <legend>{question.name}</legend>
          {question.description && <p className={styles.questionHint}>{question.description}</p>}
          {question.perTarget ? activeTargets.map((target) => row(question, target)) : row(question, null)}
        </fieldset>
      ))}
      <p className={styles.questionHint}>Answers are saved as you choose them.</p>
    </>
  );
}
