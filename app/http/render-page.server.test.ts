import { createElement, Suspense, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWholePage } from "./render-page.server.ts";

/** A component that suspends until `ready` settles, then shows `text` (React 18's thrown promise). */
function waitingFor(ready: Promise<void>, text: string) {
  let done = false;
  const waiting = ready.then(() => {
    done = true;
  });
  return function Waiting() {
    if (!done) throw waiting;
    return createElement("p", null, text);
  };
}

const page = (...children: ReactNode[]) => createElement("main", null, ...children);
const never = new Promise<void>(() => {});

describe("renderWholePage", () => {
  afterEach(() => vi.restoreAllMocks());

  it("waits for every part of the page and returns it in one piece", async () => {
    const Later = waitingFor(new Promise((resolve) => setTimeout(resolve, 20)), "the lesson text");
    const rendered = await renderWholePage(
      page(createElement(Suspense, { fallback: createElement("p", null, "loading") }, createElement(Later))),
      { nonce: "n", timeoutMs: 2_000 },
    );
    const html = rendered.html.toString("utf8");
    expect(html).toContain("the lesson text");
    expect(html).not.toContain("loading");
    expect(rendered.hadErrors).toBe(false);
  });

  it("leaves a part still waiting at the time limit to the browser and says so", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const Stuck = waitingFor(never, "never shown");
    const rendered = await renderWholePage(
      page(
        createElement("h1", null, "Title"),
        createElement(Suspense, { fallback: createElement("p", null, "loading") }, createElement(Stuck)),
      ),
      { nonce: "n", timeoutMs: 30 },
    );
    const html = rendered.html.toString("utf8");
    expect(html).toContain("Title");
    expect(html).toContain("loading");
    expect(html).not.toContain("never shown");
    expect(rendered.hadErrors).toBe(true);
  });

  it("fails, instead of waiting for ever, when the page itself never renders", async () => {
    const Stuck = waitingFor(never, "never shown");
    await expect(renderWholePage(page(createElement(Stuck)), { nonce: "n", timeoutMs: 30 })).rejects.toThrow(
      "did not render within 30 ms",
    );
  });

  it("fails when the page itself throws", async () => {
    function Broken(): ReactNode {
      throw new Error("broken page");
    }
    await expect(renderWholePage(page(createElement(Broken)), { nonce: "n", timeoutMs: 1_000 })).rejects.toThrow("broken page");
  });
});
