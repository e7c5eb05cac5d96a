import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// Argon2id with the library's defaults (19 MiB, t=2), the OWASP-recommended baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
