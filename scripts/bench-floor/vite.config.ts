/**
 * The benchmark's reference Remix app: one route that renders the lesson page's HTML with no
 * data, no session and no layout, served by our own HTTP server. It shows what any page of a
 * Remix app costs on the machine, beneath everything the lesson page itself does.
 * Built by `npm run bench` (BENCH_FLOOR_BODY is the lesson HTML the benchmark fetched).
 */
import { readFileSync } from "node:fs";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "../../remix.config.js";

const bodyModule = "virtual:bench-floor-body";

export default defineConfig({
  plugins: [
    {
      name: "bench-floor-body",
      resolveId: (id) => (id === bodyModule ? `\0${bodyModule}` : null),
      load: (id) =>
        id === `\0${bodyModule}`
          ? `export default ${JSON.stringify(readFileSync(process.env.BENCH_FLOOR_BODY ?? ".cache/bench/floor-body.html", "utf8"))};`
          : null,
    },
    remix({
      ...remixConfig,
      appDirectory: "scripts/bench-floor/app",
      buildDirectory: process.env.BUILD_DIR ?? ".cache/bench-floor-build",
    }),
  ],
  resolve: { alias: { "~": new URL("../../app", import.meta.url).pathname } },
});
