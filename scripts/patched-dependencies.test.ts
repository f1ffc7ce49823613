/**
 * The patches in patches/ (decisions 009 and 044) are applied by `postinstall`. This fails when one is
 * not applied to the installed files, or when the installed or pinned version is not the one
 * the patch was written for, so an upgrade or an install without scripts cannot drop one quietly.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface PatchedFile {
  path: string;
  addedLines: string[];
}

/** patch-package names a patch `<name with / as +>+<version>.patch`. */
function packageOf(patchFile: string): { name: string; version: string } {
  const base = patchFile.replace(/\.patch$/, "");
  const cut = base.lastIndexOf("+");
  return { name: base.slice(0, cut).replace("+", "/"), version: base.slice(cut + 1) };
}

function patchedFiles(patchText: string): PatchedFile[] {
  const files: PatchedFile[] = [];
  for (const line of patchText.split("\n")) {
    if (line.startsWith("+++ b/")) files.push({ path: line.slice("+++ b/".length), addedLines: [] });
    else if (line.startsWith("+") && !line.startsWith("+++")) files.at(-1)?.addedLines.push(line.slice(1));
  }
  return files;
}

const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides: Record<string, string>;
};
const patches = readdirSync("patches").filter((file) => file.endsWith(".patch"));

describe("patched dependencies", () => {
  it("has the four patches of decision 009 and the migration patch of decision 044", () => {
    expect(patches.map((file) => packageOf(file).name).sort()).toEqual([
      "@prisma/adapter-better-sqlite3",
      "@prisma/adapter-pg",
      "@remix-run/react",
      "@remix-run/router",
      "react-router-dom",
    ]);
  });

  for (const patch of patches) {
    const { name, version } = packageOf(patch);

    it(`${name} is pinned to ${version}, the version its patch was written for, and that version is installed`, () => {
      const pinned = packageJson.dependencies[name] ?? packageJson.devDependencies[name] ?? packageJson.overrides[name];
      expect(pinned).toBe(version);
      const installed = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string };
      expect(installed.version).toBe(version);
    });

    it(`${name}: every line the patch adds is in the installed files, in order`, () => {
      const files = patchedFiles(readFileSync(`patches/${patch}`, "utf8"));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        expect(existsSync(file.path), file.path).toBe(true);
        const installedLines = readFileSync(file.path, "utf8").split("\n");
        let at = 0;
        for (const added of file.addedLines) {
          const found = installedLines.indexOf(added, at);
          expect(found, `${file.path}: not applied: ${added}`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
        expect(
          file.addedLines.some((line) => line.includes("Aula IA patch")),
          `${file.path} marks its patch`,
        ).toBe(true);
      }
    });
  }
});
