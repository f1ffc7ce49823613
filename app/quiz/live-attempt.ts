/**
 * The quiz with JavaScript: the browser runs the same machine on the snapshot the server sent
 * (no answer keys in it), so moving between questions is instant, and posts each step to the
 * server in order, each with the step the server last confirmed. The server stays the authority:
 * when it refuses a post, or a post cannot be saved, the page reloads what the server stored.
 */
import { createActor, type Snapshot, type SnapshotFrom } from "xstate";
import { quizMachine, type QuizEvent, type QuizInput } from "./machine.ts";

export type QuizSnapshot = SnapshotFrom<typeof quizMachine>;

/** What the page knows of an attempt: its questions in the drawn order, its mode and stored snapshot. */
export interface LiveAttemptView {
  mode: QuizInput["mode"];
  questions: ReadonlyArray<{ key: string; multiple: boolean; options: ReadonlyArray<{ key: string }> }>;
  machineSnapshot: unknown;
}

function machineInput(view: LiveAttemptView): QuizInput {
  return {
    mode: view.mode,
    questions: view.questions.map((question) => ({
      key: question.key,
      multiple: question.multiple,
      options: question.options.map((option) => option.key),
    })),
  };
}

function actorAt(view: LiveAttemptView, snapshot: unknown) {
  const actor = createActor(quizMachine, { input: machineInput(view), snapshot: snapshot as Snapshot<unknown> });
  actor.start();
  return actor;
}

/** The machine as the server stored it. */
export function storedSnapshot(view: LiveAttemptView): QuizSnapshot {
  return actorAt(view, view.machineSnapshot).getSnapshot();
}

/** The snapshot after the events, or null when the machine refuses one of them (nothing is posted then). */
export function applyLocally(view: LiveAttemptView, snapshot: QuizSnapshot, events: readonly QuizEvent[]): QuizSnapshot | null {
  const actor = actorAt(view, snapshot);
  for (const event of events) {
    if (!actor.getSnapshot().can(event)) return null;
    actor.send(event);
  }
  return actor.getSnapshot();
}

/**
 * The step the page shows: the result once graded, the review list, or one question. Each has
 * its own heading; when the step changes without a page load, the page moves to that heading.
 */
export type ShownStep = { kind: "result" } | { kind: "review" } | { kind: "question"; index: number };

export function shownStep(view: { result: unknown }, snapshot: QuizSnapshot): ShownStep {
  if (view.result) return { kind: "result" };
  if (snapshot.matches("reviewing")) return { kind: "review" };
  return { kind: "question", index: snapshot.context.current };
}

/** The same step gives the same key; a new key means a new view whose heading takes the focus. */
export function shownStepKey(step: ShownStep): string {
  return step.kind === "question" ? `question:${step.index}` : step.kind;
}

/** How one post ended: whether the server saved it, and whether the page must reload the server's view. */
export interface PostOutcome {
  saveFailed: boolean;
  reload: boolean;
}

export interface PostQueue {
  /** Posts after every earlier post has finished, with the latest confirmed step. */
  enqueue: (body: FormData, waitsForServer: boolean) => Promise<PostOutcome>;
  /** The server's view was reloaded: go on from its step. */
  reset: (step: number) => void;
}

/** Reads the events endpoint's answer; a redirect to the login page or a proxy's error page is not JSON. */
async function readOutcome(response: Response): Promise<{ status: string; step: number | null } | null> {
  const isJson = response.headers.get("content-type")?.includes("application/json") ?? false;
  if (!isJson) return null;
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("status" in body) || typeof body.status !== "string") return null;
  const step = "step" in body && typeof body.step === "number" ? body.step : null;
  return { status: body.status, step };
}

export function createPostQueue(options: {
  step: number;
  send: (body: FormData) => Promise<Response>;
  onOutcome: (outcome: PostOutcome) => void;
}): PostQueue {
  let step = options.step;
  let tail: Promise<unknown> = Promise.resolve();
  return {
    enqueue(body, waitsForServer) {
      const run = async (): Promise<PostOutcome> => {
        body.set("step", String(step));
        let outcome: PostOutcome;
        try {
          const result = await readOutcome(await options.send(body));
          if (result?.status === "accepted" && result.step !== null) step = result.step;
          outcome = { saveFailed: result === null, reload: waitsForServer || result?.status !== "accepted" };
        } catch {
          // Offline or the connection dropped: say so, and show what the server last stored.
          outcome = { saveFailed: true, reload: true };
        }
        options.onOutcome(outcome);
        return outcome;
      };
      const next = tail.then(run);
      tail = next;
      return next;
    },
    reset(confirmed) {
      step = confirmed;
    },
  };
}
