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

type Task = () => Promise<void>;
const tasksSlot = Symbol.for("aula-ia.after-request");
const tasksHolder = globalThis as typeof globalThis & { [tasksSlot]?: WeakMap<object, Task[]> };
const tasksByScope: WeakMap<object, Task[]> = (tasksHolder[tasksSlot] ??= new WeakMap());

/**
 * Work to do once the response is sent or the request aborted (removing uploaded files).
 * Outside a request scope nothing is kept (returns false) and the caller cleans up itself.
 */
export function afterRequest(task: Task): boolean {
  const store = requestScope.getStore();
  if (!store) return false;
  const tasks = tasksByScope.get(store) ?? [];
  tasks.push(task);
  tasksByScope.set(store, tasks);
  return true;
}

/** Runs what `afterRequest` collected for one request scope; the server calls it when the response closes. */
export async function runAfterRequest(store: object): Promise<void> {
  const tasks = tasksByScope.get(store) ?? [];
  tasksByScope.delete(store);
  await Promise.allSettled(tasks.map((task) => task()));
}
