'use client';

import { useRef, useState } from 'react';
import { API_V1 } from '@/components/api';
import { requestTo } from '@/lib/api/client';
import type * as documents from '@/lib/api/contracts/documents';
import { outcomeOf, type Outcome } from './ImportOutcome';
import { uploadForm, type ImportReport } from './upload';
import type { Transfer } from './UploadProgress';

/** One import request at a time: its progress, the way to cancel it, and how it ended. */
export function useImportUpload(projectId: string) {
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const abortRef = useRef<(() => void) | null>(null);

  const start = (body: FormData, onImported: () => void) => {
    setOutcome(null);
    setTransfer({ stage: 'uploading', fraction: 0 });
    const upload = uploadForm<ImportReport>(
      `${API_V1}${requestTo<typeof documents.importDocuments>('POST /projects/{id}/documents', { params: { id: projectId } }).path}`,
      body,
      {
        onProgress: (fraction) => setTransfer({ stage: 'uploading', fraction }),
        onUploaded: () => setTransfer({ stage: 'importing' }),
      },
    );
    abortRef.current = upload.abort;
    upload.done
      .then((report) => {
        setOutcome({ kind: 'imported', report });
        onImported();
      })
      .catch((error: unknown) => setOutcome(outcomeOf(error)))
      .finally(() => {
        setTransfer(null);
        abortRef.current = null;
      });
  };
  const cancel = () => abortRef.current?.();

  return { transfer, outcome, start, cancel, busy: transfer !== null };
}
