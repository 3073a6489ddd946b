import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { requireCsrf } from '~/auth/csrf.server';
import { getCurrentUser, getSessionToken } from '~/auth/guards.server';
import { sessionCookie } from '~/auth/session.server';
import { signOut } from '~/auth/sign-in.server';

export const loader = () => redirect('/');

export async function action({ request, context }: ActionFunctionArgs) {
  await requireCsrf(request, await request.formData());
  const token = await getSessionToken(request);
  if (token) {
    const current = await getCurrentUser(request);
    await signOut({ token, userId: current.state === 'signed-in' ? current.user.id : undefined, correlationId: context.requestId });
  }
  throw redirect('/signed-out', { headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0 }) } });
}
