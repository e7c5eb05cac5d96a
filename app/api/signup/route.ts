import { errorResponse } from '@/lib/api/endpoint';
import { methodsRoute } from '@/lib/api/route';
import { getPrisma } from '@/lib/db/client';
import { badRequest } from '@/lib/http/errors';
import { parseOrThrow } from '@/lib/http/validation';
import { signUp, signUpInput } from '@/lib/users/sign-up';

async function signUpRoute(request: Request) {
  try {
    const body = await request.json().catch(() => {
      throw badRequest('Malformed JSON body.');
    });
    const user = await signUp(getPrisma(), parseOrThrow(signUpInput, body, 'body'));
    return Response.json(user, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsRoute({ POST: signUpRoute });
