/**
 * Renders a page's React tree to one buffer, once every part of it is ready. Pages are sent
 * whole: every loader has finished before rendering starts, so streaming sent nothing sooner,
 * while the page went out in dozens of small pieces that compression handled one by one (a
 * compressed page cost nearly twice the CPU time; decision 007).
 */
import { Writable } from "node:stream";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

export interface RenderedPage {
  html: Buffer<ArrayBuffer>;
  /** A part of the page failed (or was still waiting at the time limit) and was left to the browser. */
  hadErrors: boolean;
}

export function renderWholePage(element: ReactNode, { nonce, timeoutMs }: { nonce: string; timeoutMs: number }) {
  return new Promise<RenderedPage>((resolve, reject) => {
    let rendered = false;
    // Errors in the shell reject (and the caller logs them); errors inside a Suspense boundary
    // are only known to be of that kind once the page is ready.
    const errors: unknown[] = [];
    // Parts still waiting at the time limit are left to the browser; a page whose shell never
    // rendered fails, since React reports nothing then. Cleared once done, so a finished page
    // is not kept in memory for the rest of the delay.
    const timer = setTimeout(() => {
      abort();
      if (!rendered) reject(new Error(`The page did not render within ${timeoutMs} ms`));
    }, timeoutMs);
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce,
      onAllReady() {
        rendered = true;
        for (const error of errors) console.error(error);
        const chunks: Buffer[] = [];
        pipe(
          new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              clearTimeout(timer);
              resolve({ html: Buffer.concat(chunks), hadErrors: errors.length > 0 });
              done();
            },
          }),
        );
      },
      onShellError(error: unknown) {
        clearTimeout(timer);
        reject(error);
      },
      onError(error: unknown) {
        errors.push(error);
      },
    });
  });
}
