'use client';

import { useId, useState, type FormEvent } from 'react';
import { DateText } from '@/components/ui/DateText';
import { MAX_COMMENT } from '@/lib/comments/rules';
import styles from './comments.module.css';
import { CancelButton } from '@/components/forms/CancelButton';
import { useComments, type Comment } from './useComments';

/**
 * A document's comment thread between annotators and curators, self-contained (it loads and
 * saves through the API), so the editor's side panel and the adjudication page mount the same
 * one. In blind mode the server leaves out what the caller may not read.
 */
export function CommentThread({ documentId }: { documentId: string }) {
  const thread = useComments(documentId);
  return (
    <section className={styles.thread} aria-label="Comments on this document">
      {thread.error && (
        <p role="alert" className={styles.error}>
          {thread.error}
        </p>
      )}
      {thread.comments === null ? (
        <p className="muted">Loading comments…</p>
      ) : thread.comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className={styles.list}>
          {thread.comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} onEdit={(body) => thread.edit(comment.id, body)} onDelete={() => thread.remove(comment.id)} />
          ))}
        </ol>
      )}
      <CommentForm label="New comment" submitLabel="Post comment" onSubmit={thread.post} />
    </section>
  );
}

function CommentItem({ comment, onEdit, onDelete }: { comment: Comment; onEdit(body: string): Promise<boolean>; onDelete(): void }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className={styles.comment}>
      <p className={styles.meta}>
        <strong>{comment.author.name}</strong> · <DateText value={new Date(comment.createdAt)} withTime />
        {comment.editedAt && ' · edited'}
      </p>
      {editing ? (
        <CommentForm
          label="Edit comment"
          submitLabel="Save"
          initial={comment.body}
          onSubmit={async (body) => {
            const saved = await onEdit(body);
            if (saved) setEditing(false);
            return saved;
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className={styles.body}>{comment.body}</p>
      )}
      {!editing && (comment.mayEdit || comment.mayDelete) && (
        <div className={styles.actions}>
          {comment.mayEdit && (
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {comment.mayDelete && (
            <button type="button" className="button button--danger-quiet" onClick={onDelete}>
              Delete<span className="visually-hidden"> comment by {comment.author.name}</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}

interface CommentFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit(body: string): Promise<boolean>;
  onCancel?(): void;
}

/** Keeps what was typed when saving fails, so nothing is lost to a refusal. */
function CommentForm({ label, submitLabel, initial = '', onSubmit, onCancel }: CommentFormProps) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const saved = await onSubmit(text);
    setBusy(false);
    if (saved && !onCancel) setText('');
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} maxLength={MAX_COMMENT} value={text} onChange={(event) => setText(event.target.value)} />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={busy || text.trim() === ''}>
          {submitLabel}
        </button>
        {onCancel && <CancelButton onClick={onCancel} />}
      </div>
    </form>
  );
}
