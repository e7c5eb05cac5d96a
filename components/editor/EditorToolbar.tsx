import type { ReactNode } from 'react';
import styles from './editor.module.css';

/** One step of the history: what it does, whether it may, and the change it would undo or redo. */
interface Step {
  run(): void;
  enabled: boolean;
  next?: string;
}

interface EditorToolbarProps {
  undo: Step;
  redo: Step;
  /** Save state and the last action, announced politely. */
  status: ReactNode;
  submission: {
    submitted: boolean;
    mayReopen: boolean;
    mayWork: boolean;
    busy: boolean;
    canSubmit: boolean;
    submit(): void;
    submitAndNext(): void;
    reopen(): void;
  };
  /** Relations drawn as arcs over the text: on or off, and why they are hidden when there are too many. */
  arcs: { drawn: boolean; available: boolean; note: string | null; toggle(): void };
  /** Each span's tag in the text (lib/editor/tags.ts): shown or hidden, remembered by useTagsShown. */
  tags: { shown: boolean; set(shown: boolean): void };
  onGuidelines(): void;
  onShortcuts(): void;
  onFind(): void;
  /** The find bar, when open: a row of its own under the buttons, so it stays in view with the toolbar. */
  findBar?: ReactNode;
}

export function EditorToolbar({ undo, redo, status, submission, arcs, tags, onGuidelines, onShortcuts, onFind, findBar }: EditorToolbarProps) {
  return (
    <div className={styles.toolbar}>
      <div className={styles.group}>
        <StepButton verb="Undo" step={undo} keys="Control+Z Meta+Z" hint="Ctrl/⌘+Z" />
        <StepButton verb="Redo" step={redo} keys="Control+Shift+Z Meta+Shift+Z Control+Y" hint="Ctrl/⌘+Shift+Z" />
      </div>
      <div className={styles.status} role="status">
        {status}
      </div>
      <div className={styles.group}>
        {/* Toggles look pressed while on (aria-pressed), not only say so. */}
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={tags.shown}
          title={tags.shown ? 'Hide the label tags in the text' : 'Show each span’s label at its start'}
          onClick={() => tags.set(!tags.shown)}
        >
          Tags
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={onFind}
          aria-keyshortcuts="Control+F Meta+F"
          title="Find in the document (Ctrl/⌘+F)"
        >
          Find
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={arcs.toggle}
          disabled={!arcs.available}
          aria-pressed={arcs.drawn}
          title={arcs.available ? (arcs.note ?? (arcs.drawn ? 'Hide the relation arcs' : 'Draw relations as arcs over the text')) : 'No relations to draw'}
        >
          Arcs
        </button>
        <button type="button" className="button button--secondary" onClick={onGuidelines}>
          Guidelines
        </button>
        <button type="button" className="button button--secondary" onClick={onShortcuts} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          Shortcuts <kbd>?</kbd>
        </button>
        {submission.submitted ? (
          <>
            <span className="badge badge--active">Submitted</span>
            {submission.mayReopen && (
              <button type="button" className="button button--secondary" onClick={submission.reopen} disabled={submission.busy}>
                Reopen
              </button>
            )}
          </>
        ) : (
          submission.mayWork && (
            <button
              type="button"
              className="button button--primary"
              onClick={submission.submit}
              disabled={submission.busy || !submission.canSubmit}
              title={submission.canSubmit ? 'Mark this document as done' : 'Waiting for changes to save'}
            >
              Submit
            </button>
          )
        )}
        {!submission.submitted && submission.mayWork && (
          <button
            type="button"
            className="button button--primary"
            onClick={submission.submitAndNext}
            disabled={submission.busy || !submission.canSubmit}
            title="Mark this document as done and open the next one in your queue"
          >
            Submit and next
          </button>
        )}
      </div>
      {findBar}
    </div>
  );
}

/** Undo or Redo: its title names the change it would take back or bring back. */
function StepButton({ verb, step, keys, hint }: { verb: 'Undo' | 'Redo'; step: Step; keys: string; hint: string }) {
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={step.run}
      disabled={!step.enabled}
      aria-keyshortcuts={keys}
      title={step.next ? `${verb} ${step.next} (${hint})` : `Nothing to ${verb.toLowerCase()}`}
    >
      {verb}
    </button>
  );
}
