/** A small HTTP client for the walkthrough: only the public API, as any other client would use it. */
export interface Session {
  username: string;
  userId: string;
  token: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: { title?: string; detail?: string; code?: string }) {
    super(`${status} ${problem.code ?? ''} ${problem.title ?? ''}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, who: Session | null, body?: unknown, headers: Record<string, string> = {}): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (!res.ok) throw new ApiError(res.status, json ?? {});
    return json as T;
  }

  async login(username: string, password: string): Promise<Session> {
    const { token } = await this.request<{ token: string }>('POST', '/api/v1/auth/login', null, { username, password });
    const me = await this.request<{ userId: string }>('GET', '/api/v1/me', { username, userId: '', token });
    return { username, userId: me.userId, token };
  }

  act(matterId: string, who: Session, command: Record<string, unknown>, extra: { text?: string } = {}) {
    return this.request('POST', `/api/v1/matters/${matterId}/actions`, who, { command, ...extra });
  }

  matter(matterId: string, who: Session) {
    return this.request('GET', `/api/v1/matters/${matterId}`, who);
  }
}
