import { errorResponse, readJson } from '@/lib/api/endpoint';
import { methodsRoute } from '@/lib/api/route';
import { getPrisma } from '@/lib/db/client';
import { assertSameOrigin } from '@/lib/http/origin';
import { parseOrThrow } from '@/lib/http/validation';
import { signUpInput } from '@/lib/users/inputs';
import { SIGN_UP_ANSWER, SIGN_UP_STATUS, signUp } from '@/lib/users/sign-up';

// An e-mail, a name and a password: 16 KB is generous, and anyone can send this request.
const SIGN_UP_BODY_LIMIT = 16 * 1024;

async function signUpRoute(request: Request) {
  try {
    // readJson only takes application/json, so a cross-site <form> (text/plain) cannot post here.
    assertSameOrigin(request);
    const body = await readJson(request, SIGN_UP_BODY_LIMIT);
    await signUp(getPrisma(), parseOrThrow(signUpInput, body, 'body'));
    return Response.json(SIGN_UP_ANSWER, { status: SIGN_UP_STATUS });
  } catch (error) {
    return errorResponse(error);
  }
}

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsRoute({ POST: signUpRoute });
