'use client';

import { useState } from 'react';
import { api } from '@/components/api';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';
import type * as contract from '@/lib/api/contracts/recommenders';
import { GazetteerUpload } from './GazetteerUpload';
import { RecommenderForm } from './RecommenderForm';
import { RunProgress } from './RunProgress';
import type { RecommenderItem, RunItem } from './types';

/**
 * The project page's "Recommenders" section. Every member reads which recommender sends
 * document text where; managers also add, edit, delete, upload gazetteers and run them over
 * the project with a progress bar.
 */
export function RecommendersPanel({ projectId, initial, manage }: { projectId: string; initial: RecommenderItem[]; manage: boolean }) {
  const [items, setItems] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [runs, setRuns] = useState<Record<string, RunItem>>({});
  const { pending, error, run } = useAction();
  const replace = (saved: RecommenderItem) =>
    setItems((list) => (list.some((r) => r.id === saved.id) ? list.map((r) => (r.id === saved.id ? saved : r)) : [...list, saved]));

  return (
    <div className="recommenders">
      {items.length === 0 && <p className="muted">No recommenders: no document text leaves this server for suggestions.</p>}
      <ul className="recommender-list">
        {items.map((item) => (
          <li key={item.id} className="recommender" aria-label={item.name}>
            <p>
              <strong>{item.name}</strong> ({item.kind}){!item.enabled && ' — disabled'}:{' '}
              {item.sendsTextTo ? (
                <>
                  sends text to <code>{item.sendsTextTo}</code>
                </>
              ) : (
                'runs on this server; sends text nowhere'
              )}
            </p>
            {manage && editing !== item.id && (
              <div className="inline-form">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={pending || !item.enabled}
                  onClick={() =>
                    run(async () => {
                      const started = await api<typeof contract.createRun>('POST /recommenders/{id}/runs', { params: { id: item.id }, body: {} });
                      setRuns((all) => ({ ...all, [item.id]: started }));
                    })
                  }
                >
                  Run over the project
                </button>
                <button type="button" className="button button--secondary" onClick={() => setEditing(item.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="button button--danger-quiet"
                  disabled={pending}
                  onClick={() =>
                    run(async () => {
                      if (!window.confirm(`Delete ${item.name}? Its runs stay for evaluation.`)) return;
                      await api<typeof contract.deleteRecommender>('DELETE /recommenders/{id}', { params: { id: item.id } });
                      setItems((list) => list.filter((r) => r.id !== item.id));
                    })
                  }
                >
                  Delete
                </button>
              </div>
            )}
            {manage && editing === item.id && (
              <RecommenderForm
                projectId={projectId}
                editing={item}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  replace(saved);
                  setEditing(null);
                }}
              />
            )}
            {manage && item.kind === 'string-match' && (
              <>
                <p className="muted">Gazetteer: {item.gazetteerEntries} entries.</p>
                <GazetteerUpload recommenderId={item.id} onUploaded={(entries) => replace({ ...item, gazetteerEntries: entries })} />
              </>
            )}
            {runs[item.id] && <RunProgress key={runs[item.id]!.id} initial={runs[item.id]!} mayCancel={manage} />}
          </li>
        ))}
      </ul>
      <FormError message={error} />
      {manage &&
        (adding ? (
          <RecommenderForm
            projectId={projectId}
            onCancel={() => setAdding(false)}
            onSaved={(saved) => {
              replace(saved);
              setAdding(false);
            }}
          />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
            Add a recommender
          </button>
        ))}
    </div>
  );
}
