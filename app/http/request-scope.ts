/**
 * Work done once per HTTP request (such as loading the session), shared by the root and route
 * loaders, which Remix calls with separate Request objects. The server runs each request in
 * this scope; one instance is shared through globalThis because the server and the built app
 * load this file separately. Outside a request (tests calling loaders directly) nothing is kept.
 */
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = AsyncLocalStorage<RequestScopeStore>;
const slot = Symbol.for("aula-ia.request-scope");
const holder = globalThis as typeof globalThis & { [slot]?: Scope };

export const requestScope: Scope = (holder[slot] ??= new AsyncLocalStorage());

/**
 * The work that loads the session. The HTTP server reads it off the scope: an answer whose
 * request loaded the session may be personal, and is never cached (cache-policy.ts).
 */
export const SESSION_WORK = "session";

export type RequestScopeStore = Map<string, Promise<unknown>>;

export function sessionWasRead(store: RequestScopeStore | undefined): boolean {
  return store?.has(SESSION_WORK) ?? false;
}

export function oncePerRequest<T>(name: string, load: () => Promise<T>): Promise<T> {
  const store = requestScope.getStore();
  if (!store) return load();
  const existing = store.get(name) as Promise<T> | undefined;
  if (existing) return existing;
  const loading = load();
  store.set(name, loading);
  return loading;
}
