/** The visitor token survives reloads in localStorage; storage may be blocked (privacy modes), then it lives in memory. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
}

export function localTokenStore(serverUrl: string): TokenStore {
  const key = `parley.visitorToken@${serverUrl}`;
  let memory: string | null = null;
  return {
    get() {
      try {
        return window.localStorage.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    set(token) {
      memory = token;
      try {
        window.localStorage.setItem(key, token);
      } catch {
        // Storage blocked: the session still works until the page closes.
      }
    },
  };
}

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return { get: () => token, set: (t) => void (token = t) };
}
