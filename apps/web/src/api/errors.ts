/** The API's Chinese message from an error body ({statusCode, error, message}). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Each problem when the API names several (e.g. what an import still lacks). */
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}

/** The API's messages one by one (a 422 may list several). */
export function problemsOf(body: unknown, status: number): string[] {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (Array.isArray(message) && message.length) return message.map(String);
  return [messageOf(body, status)];
}

export function messageOf(body: unknown, status: number): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (Array.isArray(message)) return message.join('；');
  if (typeof message === 'string' && message) return message;
  return status >= 500 ? `服务器出错（${status}），请稍后再试` : `请求失败（${status}）`;
}
