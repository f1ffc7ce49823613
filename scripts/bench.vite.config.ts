// `npm run bench` builds with this config into .cache/bench-build, so it never overwrites the
// ./build folder that other commands (e2e tests, `npm start`) use.
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import remixConfig from "../remix.config.js";
import base from "../vite.config.ts";

export default defineConfig({
  ...base,
  plugins: [remix({ ...remixConfig, buildDirectory: ".cache/bench-build" }), tailwindcss()],
});
