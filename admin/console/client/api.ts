import { t } from './i18n/index.js';
/** Browser side of the staff REST API: Bearer token, common error shape -> ApiError. */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: { issues?: { path: string; message: string }[]; [k: string]: unknown },
  ) {
    super(message);
  }
}

const KEY = 'parley.console.session';

interface Session {
  token: string;
  user: StaffUser;
}

let session: Session | null = (() => {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
})();
const listeners = new Set<(s: Session | null) => void>();

export function getSession(): Session | null {
  return session;
}

export function setSession(next: Session | null): void {
  session = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l(next);
}

export function onSession(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: string; details?: ApiError['details'] } })?.error;
    if (res.status === 401 && session && path !== '/api/auth/login') setSession(null);
    throw new ApiError(err?.code ?? 'ERR_INTERNAL', err?.message ?? `HTTP ${res.status}`, res.status, err?.details);
  }
  return data as T;
}

export async function login(email: string, password: string): Promise<void> {
  const r = await api<Session>('POST', '/api/auth/login', { email, password });
  setSession(r);
}

/** Tokens live 15 minutes: refresh every 10 while the console is open. */
export function startRefresh(): () => void {
  const t = setInterval(() => {
    if (!session) return;
    api<Session>('POST', '/api/auth/refresh').then(setSession, () => undefined);
  }, 10 * 60 * 1000);
  return () => clearInterval(t);
}

export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: session ? { Authorization: `Bearer ${session.token}` } : {} });
  if (!res.ok) throw new ApiError('ERR_INTERNAL', t('Export failed (HTTP {status})', { status: res.status }), res.status);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const issues = err.details?.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
    return issues ? `${err.message} (${issues})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Sends a file as the raw request body (the browser streams it from disk; no JSON wrapping). */
export async function uploadFile<T = unknown>(path: string, file: Blob, type = 'text/csv'): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  const res = await fetch(path, { method: 'POST', headers, body: file });
  const data: unknown = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: string; details?: ApiError['details'] } })?.error;
    if (res.status === 401 && session) setSession(null);
    throw new ApiError(err?.code ?? 'ERR_INTERNAL', err?.message ?? `HTTP ${res.status}`, res.status, err?.details);
  }
  return data as T;
}
