// Production entry: serves the built app on PORT (default 3000).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createApp } from "./app.js";

const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
const port = Number(process.env.PORT ?? 3000);
const trustProxy = ["1", "true", "yes"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase());
createApp({ build, trustProxy }).listen(port, () => {
  console.log(`Aula IA is listening on http://localhost:${port}`);
});
