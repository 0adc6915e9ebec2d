import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiError, messageOf, problemsOf } from './errors';
import { queryClient } from './query-client';
import { clearSession, loginPath, readSession } from './session';

export { ApiError, messageOf };

export type Schemas = components['schemas'];

let leaving = false;
/**
 * The session ended (expired, password changed or reset elsewhere, account deactivated): to
 * sign-in, then back here. Once: the page's other requests fail the same way meanwhile.
 */
function sessionEnded(): void {
  if (leaving) return;
  leaving = true;
  clearSession();
  window.location.assign(loginPath('expired'));
}

const auth: Middleware = {
  onRequest({ request }) {
    const session = readSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A session that ended (expired or the user was deactivated): back to sign-in, then here.
    if (response.status === 401 && !request.url.endsWith('/api/auth/login')) sessionEnded();
    // A refusal may mean the account changed under the session (an administrator reset its
    // password: every call but /me answers 403 until it is changed): ask /me again, and the
    // layout takes the user to the password page when it says so.
    if (response.status === 403 && !request.url.endsWith('/api/me')) {
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The data of an openapi-fetch result, or an ApiError with the API's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const { status } = result.response;
    throw new ApiError(status, messageOf(result.error, status), problemsOf(result.error, status));
  }
  return result.data as T;
}

/** The API's largest page: a screen that shows a whole list reads it in as few requests. */
export const WHOLE_PAGE = 500;

/**
 * Every row of a paged list, page by page: every list endpoint answers `{items, total, page,
 * pageSize}`, and a screen that shows a list whole (a plan's items, a timeline) reads it all.
 */
export async function everyPage<T>(
  fetchPage: (query: { page: number; pageSize: number }) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await fetchPage({ page, pageSize: WHOLE_PAGE });
    rows.push(...items);
    if (items.length === 0 || rows.length >= total) return rows;
  }
}

/**
 * A file from the API (xlsx, docx, evidence): fetched with the token, then saved under the name
 * the API gives in Content-Disposition.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const session = readSession();
  const response = await fetch(path, {
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
  });
  if (response.status === 401) {
    sessionEnded();
    return;
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new ApiError(response.status, messageOf(body, response.status));
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  // Chromium may read the link's name after click() returns: a link removed at once sometimes
  // downloaded as "download". It goes, with its object URL, once the download has surely begun.
  setTimeout(() => {
    link.remove();
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** A multipart upload with progress (fetch has no upload progress), with other form fields. */
export function uploadFile<T = Schemas['EvidenceView']>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
  fields: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const session = readSession();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress((e.loaded / e.total) * 100);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, messageOf(body, xhr.status)));
    };
    xhr.onerror = () => reject(new ApiError(0, '网络错误，上传未完成'));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}
