import { defineConfig, devices } from "@playwright/test";
import { E2E_WORKERS, e2eServer } from "./tests/e2e/servers.ts";

const servers = Array.from({ length: E2E_WORKERS }, (_, index) => e2eServer(index));

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Each worker drives its own server and database (tests/e2e/servers.ts); tests/e2e/fixtures.ts
  // points each test's baseURL at its worker's server.
  workers: E2E_WORKERS,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/e2e-report.json" }]],
  timeout: 30_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not reachable offline.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /axe-sweep-coverage/ },
    // Reads the records every axe pass wrote, so it runs once they have all finished.
    { name: "axe sweep coverage", testMatch: /axe-sweep-coverage/, dependencies: ["chromium"] },
  ],
  webServer: servers.map((server) => ({
    command: "node_modules/.bin/tsx tests/e2e/server.ts",
    url: `${server.url}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { E2E_SERVER: String(server.index) },
  })),
});
