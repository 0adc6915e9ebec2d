import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { clearSession, loginPath, readSession } from './session';

export type Schemas = components['schemas'];

/** The API's Chinese message from an error body ({statusCode, error, message}). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function messageOf(body: unknown, status: number): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (Array.isArray(message)) return message.join('；');
  if (typeof message === 'string' && message) return message;
  return status >= 500 ? `服务器出错（${status}），请稍后再试` : `请求失败（${status}）`;
}

const auth: Middleware = {
  onRequest({ request }) {
    const session = readSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A session that ended (expired or the user was deactivated): back to sign-in, then here.
    if (response.status === 401 && !request.url.endsWith('/api/auth/login')) {
      clearSession();
      window.location.assign(loginPath('expired'));
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The data of an openapi-fetch result, or an ApiError with the API's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, messageOf(result.error, result.response.status));
  }
  return result.data as T;
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
    clearSession();
    window.location.assign(loginPath('expired'));
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
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A multipart upload with progress (fetch has no upload progress). */
export function uploadFile<T = Schemas['EvidenceView']>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
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
    form.append('file', file);
    xhr.send(form);
  });
}
