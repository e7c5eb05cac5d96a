'use client';

import { useState } from 'react';
import type { ChosenFile } from './ChosenFiles';
import { detectFile } from './formats';

const fileId = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

/** The files picked or dropped so far, each with the format the server will read it as (detected in the background). */
export function useChosenFiles() {
  const [files, setFiles] = useState<ChosenFile[]>([]);

  const add = (added: File[]) => {
    const known = new Set(files.map((chosen) => chosen.id));
    const fresh = added.filter((file) => !known.has(fileId(file)));
    setFiles((current) => [...current, ...fresh.map((file): ChosenFile => ({ id: fileId(file), file, detection: { status: 'pending' } }))]);
    for (const file of fresh) {
      void detectFile(file).then((detection) =>
        setFiles((current) => current.map((chosen) => (chosen.id === fileId(file) ? { ...chosen, detection } : chosen))),
      );
    }
  };
  const remove = (id: string) => setFiles((current) => current.filter((chosen) => chosen.id !== id));
  const clear = () => setFiles([]);

  return { files, add, remove, clear };
}
