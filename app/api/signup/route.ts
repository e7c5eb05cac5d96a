import { errorResponse } from '@/lib/api/endpoint';
import { getPrisma } from '@/lib/db/client';
import { badRequest } from '@/lib/http/errors';
import { parseOrThrow } from '@/lib/http/validation';
import { SIGN_UP_ANSWER, SIGN_UP_STATUS, signUp, signUpInput } from '@/lib/users/sign-up';

export async function POST(request: Request) {
  try {
    const body = await request.json().catch(() => {
      throw badRequest('Malformed JSON body.');
    });
    await signUp(getPrisma(), parseOrThrow(signUpInput, body, 'body'));
    return Response.json(SIGN_UP_ANSWER, { status: SIGN_UP_STATUS });
  } catch (error) {
    return errorResponse(error);
  }
}
