import { describe, expect, it } from "vitest";
import {
  applyLocally,
  createPostQueue,
  shownStep,
  shownStepKey,
  storedSnapshot,
  type LiveAttemptView,
  type PostOutcome,
} from "./live-attempt.ts";
import { quizMachine } from "./machine.ts";
import { createActor } from "xstate";

const input = {
  mode: "exam" as const,
  questions: [
    { key: "q1", multiple: false, options: ["a", "b"] },
    { key: "q2", multiple: true, options: ["c", "d"] },
  ],
};

function viewAfterStart(): LiveAttemptView {
  const actor = createActor(quizMachine, { input });
  actor.start();
  actor.send({ type: "START" });
  return {
    mode: input.mode,
    questions: input.questions.map((question) => ({ ...question, options: question.options.map((key) => ({ key })) })),
    machineSnapshot: actor.getPersistedSnapshot(),
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** A server whose answers the test releases one at a time, recording the step each post carried. */
function controlledServer() {
  const posted: string[] = [];
  const pending: Array<(response: Response | Error) => void> = [];
  const send = (body: FormData) => {
    posted.push(String(body.get("step")));
    return new Promise<Response>((resolve, reject) =>
      pending.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer))),
    );
  };
  const answer = async (response: Response | Error) => {
    await Promise.resolve();
    pending.shift()!(response);
  };
  return { posted, send, answer, pending };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("applyLocally", () => {
  it("moves the browser's machine at once, and refuses what the machine forbids", () => {
    const view = viewAfterStart();
    const start = storedSnapshot(view);
    const next = applyLocally(view, start, [{ type: "ANSWER", questionKey: "q1", options: ["b"] }, { type: "NEXT" }]);
    expect(next?.context).toMatchObject({ current: 1, answers: { q1: ["b"] } });
    expect(applyLocally(view, start, [{ type: "SUBMIT" }])).toBeNull();
    expect(applyLocally(view, start, [{ type: "ANSWER", questionKey: "q2", options: ["c"] }])).toBeNull();
    // The stored snapshot is untouched.
    expect(storedSnapshot(view).context.current).toBe(0);
  });
});

describe("shownStep", () => {
  it("names each view: a question by its position, the review, the result; a new view gets a new key", () => {
    const view = viewAfterStart();
    const first = storedSnapshot(view);
    const second = applyLocally(view, first, [{ type: "NEXT" }])!;
    const review = applyLocally(view, second, [{ type: "REVIEW" }])!;
    expect(shownStep({ result: null }, first)).toEqual({ kind: "question", index: 0 });
    expect(shownStep({ result: null }, second)).toEqual({ kind: "question", index: 1 });
    expect(shownStep({ result: null }, review)).toEqual({ kind: "review" });
    // Once graded the result is shown, whatever the snapshot in the browser says.
    expect(shownStep({ result: { score: 50 } }, review)).toEqual({ kind: "result" });
    const keys = [first, second, review].map((snapshot) => shownStepKey(shownStep({ result: null }, snapshot)));
    expect(new Set([...keys, shownStepKey({ kind: "result" })]).size).toBe(4);
    // Answering a question keeps the view (and the focus where it is).
    const answered = applyLocally(view, first, [{ type: "ANSWER", questionKey: "q1", options: ["a"] }])!;
    expect(shownStepKey(shownStep({ result: null }, answered))).toBe(keys[0]);
  });
});

describe("createPostQueue", () => {
  it("posts one at a time, in order, each with the step the server confirmed for the one before", async () => {
    const server = controlledServer();
    const outcomes: PostOutcome[] = [];
    const queue = createPostQueue({ step: 3, send: server.send, onOutcome: (outcome) => outcomes.push(outcome) });
    const first = queue.enqueue(new FormData(), false);
    const second = queue.enqueue(new FormData(), false);
    await flush();
    expect(server.posted).toEqual(["3"]);
    await server.answer(json({ status: "accepted", step: 4 }));
    await first;
    await flush();
    expect(server.posted).toEqual(["3", "4"]);
    await server.answer(json({ status: "accepted", step: 5 }));
    expect(await second).toEqual({ saveFailed: false, reload: false });
    expect(outcomes).toEqual([
      { saveFailed: false, reload: false },
      { saveFailed: false, reload: false },
    ]);
  });

  it("reloads the server's view after a post that waits for it (checking, submitting) or that it refused", async () => {
    const server = controlledServer();
    const queue = createPostQueue({ step: 0, send: server.send, onOutcome: () => {} });
    const waiting = queue.enqueue(new FormData(), true);
    await flush();
    await server.answer(json({ status: "accepted", step: 1 }));
    expect(await waiting).toEqual({ saveFailed: false, reload: true });
    const stale = queue.enqueue(new FormData(), false);
    await flush();
    await server.answer(json({ status: "stale", step: null }, 409));
    expect(await stale).toEqual({ saveFailed: false, reload: true });
  });

  it("says the answer was not saved when the answer is not the server's (a login page, a proxy) or the network fails", async () => {
    const server = controlledServer();
    const queue = createPostQueue({ step: 2, send: server.send, onOutcome: () => {} });
    const proxied = queue.enqueue(new FormData(), false);
    await flush();
    await server.answer(new Response("<p>Proxy</p>", { headers: { "content-type": "text/html" } }));
    expect(await proxied).toEqual({ saveFailed: true, reload: true });
    const offline = queue.enqueue(new FormData(), false);
    await flush();
    await server.answer(new TypeError("Failed to fetch"));
    expect(await offline).toEqual({ saveFailed: true, reload: true });
    // Nothing was confirmed, so the next post still carries step 2; after a reload, the reloaded step.
    queue.reset(7);
    void queue.enqueue(new FormData(), false);
    await flush();
    expect(server.posted).toEqual(["2", "2", "7"]);
  });
});
