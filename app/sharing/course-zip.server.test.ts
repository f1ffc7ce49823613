import { describe, expect, it } from "vitest";
import { rawZip } from "../../tests/support/raw-zip.ts";
import { COURSE_ZIP_LIMITS, readZip, unsafeEntryName, withoutTopFolder } from "./course-zip.server.ts";

const codes = (read: Awaited<ReturnType<typeof readZip>>) => (read.ok ? [] : read.problems.map((problem) => problem.code));

describe("reading a course zip", () => {
  it("reads every file of an honest zip, deflated or stored", async () => {
    const read = await readZip(
      rawZip([
        { name: "demo/course.yaml", data: "key: demo\n", deflate: true },
        { name: "demo/01-intro/es.md", data: "---\ntitle: Hola\nminutes: 5\n---\n\nTexto.\n" },
      ]),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(new TextDecoder().decode(read.files.get("demo/course.yaml"))).toBe("key: demo\n");
    expect([...withoutTopFolder(read.files).keys()]).toEqual(["course.yaml", "01-intro/es.md"]);
  });

  it("refuses names that climb out of the folder, absolute names and drive letters, before extracting anything", async () => {
    for (const name of [
      "../evil.md",
      "demo/../../evil.md",
      "/etc/passwd",
      "C:/Windows/evil.md",
      "demo\\evil.md",
      "demo//es.md",
    ]) {
      expect(unsafeEntryName(name)).toBe(true);
      expect(codes(await readZip(rawZip([{ name, data: "x" }])))).toEqual(["sharing.zip.unsafeName"]);
    }
    expect(unsafeEntryName("demo/01-intro/es.md")).toBe(false);
  });

  it("refuses symlinks and duplicate names (also when only their case differs)", async () => {
    expect(codes(await readZip(rawZip([{ name: "demo/link", data: "/etc/passwd", unixMode: 0o120777 }])))).toEqual([
      "sharing.zip.symlink",
    ]);
    expect(
      codes(
        await readZip(
          rawZip([
            { name: "a/es.md", data: "1" },
            { name: "a/es.md", data: "2" },
          ]),
        ),
      ),
    ).toEqual(["sharing.zip.duplicate"]);
    expect(
      codes(
        await readZip(
          rawZip([
            { name: "a/ES.md", data: "1" },
            { name: "a/es.md", data: "2" },
          ]),
        ),
      ),
    ).toEqual(["sharing.zip.duplicate"]);
  });

  it("refuses a zip bomb by its compression ratio, and entries or totals over the limits", async () => {
    const zeros = new Uint8Array(COURSE_ZIP_LIMITS.maxEntryBytes - 1);
    expect(codes(await readZip(rawZip([{ name: "bomb.md", data: zeros, deflate: true }])))).toEqual(["sharing.zip.ratio"]);
    const big = new Uint8Array(COURSE_ZIP_LIMITS.maxEntryBytes + 1).map((_, index) => (index * 7919) % 251);
    expect(codes(await readZip(rawZip([{ name: "big.png", data: big }])))).toEqual(["sharing.zip.entryTooLarge"]);
    const many = Array.from({ length: COURSE_ZIP_LIMITS.maxEntries + 1 }, (_, index) => ({ name: `f${index}.md`, data: "x" }));
    expect(codes(await readZip(rawZip(many)))).toEqual(["sharing.zip.tooManyEntries"]);
    const total = await readZip(
      rawZip([
        { name: "a.md", data: "xxxx" },
        { name: "b.md", data: "yyyy" },
      ]),
      { ...COURSE_ZIP_LIMITS, maxTotalBytes: 6 },
    );
    expect(codes(total)).toEqual(["sharing.zip.totalTooLarge"]);
  });

  it("refuses an entry whose headers understate its size", async () => {
    expect(codes(await readZip(rawZip([{ name: "liar.md", data: "a".repeat(5000), deflate: true, claimedSize: 10 }])))).toEqual([
      "sharing.zip.unreadable",
    ]);
  });

  it("refuses what is not a zip, and an empty one", async () => {
    expect(codes(await readZip(new TextEncoder().encode("not a zip at all")))).toEqual(["sharing.zip.unreadable"]);
    expect(codes(await readZip(rawZip([])))).toEqual(["sharing.zip.empty"]);
  });
});
