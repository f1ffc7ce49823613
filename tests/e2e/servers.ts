/**
 * The end-to-end run's servers: each Playwright worker has a server and a database of its own
 * (port E2E_PORT + the worker's parallel index), so tests that move a server's clock or change
 * demo data never meet another worker's. Playwright sets TEST_PARALLEL_INDEX in each worker; the
 * servers (tests/e2e/server.ts) get E2E_SERVER.
 */
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Two on two cores: one worker's browser scans while the other's server renders. */
export const E2E_WORKERS = Number(process.env.E2E_WORKERS ?? 2);

export interface E2eServer {
  index: number;
  port: number;
  url: string;
  dataDir: string;
  databaseFile: string;
  outboxDir: string;
}

export function e2eServer(index: number): E2eServer {
  const dataDir = path.resolve(`test-results/e2e-data/${index}`);
  return {
    index,
    port: E2E_PORT + index,
    url: `http://localhost:${E2E_PORT + index}`,
    dataDir,
    databaseFile: path.join(dataDir, "e2e.db"),
    outboxDir: path.join(dataDir, "outbox"),
  };
}

/** The server of the worker this code runs in. */
export function ownServer(): E2eServer {
  return e2eServer(Number(process.env.TEST_PARALLEL_INDEX ?? process.env.E2E_SERVER ?? 0));
}
