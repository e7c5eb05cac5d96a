import { z } from 'zod';

/** Account request bodies, apart from the code that stores them so the browser can import their contracts. */
export const signUpInput = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(120),
    password: z.string().min(10, 'use at least 10 characters').max(200),
  })
  .strict();

/** The same rule as at sign-up. */
export const newPassword = signUpInput.shape.password;

export const passwordChangeInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword }).strict();
