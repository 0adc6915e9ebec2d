/** The signed-in user's token, kept in localStorage so a reload or a new tab stays signed in. */
const KEY = 'luoshi.session';

interface Session {
  token: string;
  expiresAt: number;
}

export function saveSession(token: string, expiresInSeconds: number): void {
  const session: Session = { token, expiresAt: Date.now() + expiresInSeconds * 1000 };
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function readSession(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return session && typeof session.token === 'string' ? session : null;
  } catch {
    return null;
  }
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export function sessionExpired(session: Session): boolean {
  return session.expiresAt <= Date.now();
}

/** Where the login page sends the user back to: the page they were on (an email link included). */
export function loginPath(reason?: 'expired'): string {
  const next = window.location.pathname + window.location.search;
  const params = new URLSearchParams();
  if (next !== '/' && !next.startsWith('/login')) params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return `/login${query ? `?${query}` : ''}`;
}

/** Only a path of this console: `next` never sends the user to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The password page, returning afterwards to `next` (the page the user was on or going to). */
export function passwordPath(next?: string): string {
  return next && next !== '/' && !next.startsWith('/password')
    ? `/password?next=${encodeURIComponent(next)}`
    : '/password';
}
