import { CSRF, CSRFError } from 'remix-utils/csrf/server';
import { getEnv } from '~/env.server';
import { signedCookie } from '~/utils/cookies.server';

let csrf: CSRF | undefined;

function instance(): CSRF {
  const env = getEnv();
  csrf ??= new CSRF({ cookie: signedCookie('fv_csrf'), secret: env.SESSION_SECRET });
  return csrf;
}

/** The token for this browser, and a Set-Cookie value when a new one was made. */
export function commitCsrfToken(request: Request) {
  return instance().commitToken(request);
}

/**
 * Every form that changes state carries the token (see <CsrfInput />); a missing or mismatched one
 * ends in a 403 page that tells the person what to do, before anything is read or written.
 */
export async function requireCsrf(request: Request, formData: FormData): Promise<void> {
  try {
    await instance().validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) {
      throw new Response('The form could not be checked. Go back, reload the page and try again.', {
        status: 403,
        statusText: 'Forbidden',
      });
    }
    throw error;
  }
}
