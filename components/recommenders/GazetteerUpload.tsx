'use client';

import { useState } from 'react';
import { API_V1, toApiError } from '@/components/api';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';
import { requestTo, type ResponseOf } from '@/lib/api/client';
import type * as contract from '@/lib/api/contracts/recommenders';

/** Uploads a `text,label` CSV as a string-match recommender's gazetteer (it replaces the previous one). */
export function GazetteerUpload({ recommenderId, onUploaded }: { recommenderId: string; onUploaded: (entries: number) => void }) {
  const [result, setResult] = useState<string | null>(null);
  const { pending, error, run } = useAction();
  return (
    <div className="inline-form">
      <label>
        Gazetteer CSV (text,label){' '}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={pending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            run(async () => {
              const response = await fetch(
                `${API_V1}${requestTo<typeof contract.uploadGazetteer>('POST /recommenders/{id}/gazetteer', { params: { id: recommenderId } }).path}`,
                {
                  method: 'POST',
                  headers: { 'content-type': 'text/csv' },
                  body: file,
                  credentials: 'same-origin',
                },
              );
              const payload: unknown = await response.json().catch(() => null);
              if (!response.ok) throw toApiError(response.status, payload);
              const { entries, duplicates } = payload as ResponseOf<typeof contract.uploadGazetteer>;
              setResult(`${entries} entries stored${duplicates ? `, ${duplicates} repeated rows kept once` : ''}.`);
              onUploaded(entries);
            });
          }}
        />
      </label>
      {result && <span role="status">{result}</span>}
      <FormError message={error} />
    </div>
  );
}
