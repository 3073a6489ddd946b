import { commitCsrfToken } from '~/auth/csrf.server';
import { testContext } from './requests';

/** A browser's cookies and CSRF token across a family's journey through route actions. */
export class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  async init() {
    const [token, cookie] = await commitCsrfToken(new Request('http://localhost/'));
    this.csrf = token;
    this.take(String(cookie));
    return this;
  }
  take(setCookie: string | null) {
    if (!setCookie) return;
    const [pair] = setCookie.split(';');
    const [name, value] = pair!.split('=');
    this.cookies.set(name!, value ?? '');
  }
  request(path: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    body.append('csrf', this.csrf);
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
    return new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body,
    });
  }
  /** Runs an action and returns where it redirected (or its data when it did not). */
  async post(run: (args: { request: Request; context: ReturnType<typeof testContext>; params: Record<string, string> }) => Promise<unknown>, path: string, params: Record<string, string>, fields: Record<string, string | string[]> = {}) {
    try {
      const value = await run({ request: this.request(path, fields), context: testContext(), params });
      return { location: null, value };
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      this.take(thrown.headers.get('Set-Cookie'));
      return { location: thrown.headers.get('Location'), value: null };
    }
  }
}
