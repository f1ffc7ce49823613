/**
 * Work that must not hold up the answer, e.g. the writes and mail that would otherwise make an
 * existing address answer more slowly than a missing one. The task starts once the current
 * request has returned to the event loop; its failure is logged and never reaches the request.
 */
// One set shared through globalThis: the server and the built app load this file separately.
const slot = Symbol.for("aula-ia.after-response");
const holder = globalThis as typeof globalThis & { [slot]?: Set<Promise<void>> };
const pending: Set<Promise<void>> = (holder[slot] ??= new Set());

export function afterResponse(name: string, task: () => Promise<unknown>): void {
  const run = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .then(
      () => undefined,
      (error: unknown) => console.error(`Background task "${name}" failed`, error),
    )
    .finally(() => pending.delete(run));
  pending.add(run);
}

/** Resolves once every task started so far has finished (tests, and a server shutting down). */
export async function backgroundWorkDone(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

export function backgroundTasksPending(): number {
  return pending.size;
}
