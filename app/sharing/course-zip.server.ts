/**
 * Reading a course zip (the `courses/` format) safely: every entry is checked from the zip's
 * central directory before a single byte is extracted — its name (no `..`, no absolute path or
 * drive letter, no backslash, no symlink, no duplicate), the number of entries, each entry's size
 * and compression ratio (zip bombs), the total — and while extracting, the bytes actually read are
 * counted against the same limits, since a zip's headers can lie.
 */
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { COURSE_ZIP_LIMITS, type ZipLimits } from "./zip-limits.ts";

export { COURSE_ZIP_LIMITS, type ZipLimits };

export type ZipProblemCode =
  | "sharing.zip.unreadable"
  | "sharing.zip.encrypted"
  | "sharing.zip.unsafeName"
  | "sharing.zip.symlink"
  | "sharing.zip.duplicate"
  | "sharing.zip.tooManyEntries"
  | "sharing.zip.entryTooLarge"
  | "sharing.zip.ratio"
  | "sharing.zip.totalTooLarge"
  | "sharing.zip.empty"
  | "sharing.zip.noCourse"
  | "sharing.zip.noSuchCourse";

export interface ZipProblem {
  code: ZipProblemCode;
  params: Record<string, string | number>;
}

export type ZipRead = { ok: true; files: Map<string, Uint8Array> } | { ok: false; problems: ZipProblem[] };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Why an entry's name is unsafe, or null: the rules of a relative path inside the course folder. */
export function unsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 300) return true;
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.includes("\\") || name.includes("\u0000")) return true;
  const parts = name.replace(/\/$/, "").split("/");
  return parts.some((part) => part === "" || part === "." || part === "..");
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(error) : resolve(zip),
    );
  });
}

function entries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const all: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      all.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(all));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) stream.destroy(new Error("entry larger than its limit"));
        else chunks.push(chunk);
      });
      stream.on("error", reject);
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

/** The name as the zip spells it (UTF-8 when flagged, CP437 otherwise), checked by our rules and yauzl's. */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

/** All of a zip's files by path, or every problem found before extracting anything. */
export async function readZip(bytes: Uint8Array, limits: ZipLimits = COURSE_ZIP_LIMITS): Promise<ZipRead> {
  let zip: ZipFile;
  let all: Entry[];
  try {
    zip = await open(bytes);
    all = await entries(zip);
  } catch {
    return { ok: false, problems: [{ code: "sharing.zip.unreadable", params: {} }] };
  }
  const problems: ZipProblem[] = [];
  if (all.length > limits.maxEntries) {
    zip.close();
    return {
      ok: false,
      problems: [{ code: "sharing.zip.tooManyEntries", params: { count: all.length, max: limits.maxEntries } }],
    };
  }
  const seen = new Set<string>();
  const files: Array<{ name: string; entry: Entry }> = [];
  let total = 0;
  for (const entry of all) {
    let name: string;
    try {
      name = entryName(entry);
    } catch {
      problems.push({ code: "sharing.zip.unsafeName", params: { name: "?" } });
      continue;
    }
    if (unsafeEntryName(name) || yauzl.validateFileName(name) !== null) {
      problems.push({ code: "sharing.zip.unsafeName", params: { name } });
      continue;
    }
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
      problems.push({ code: "sharing.zip.symlink", params: { name } });
      continue;
    }
    if (name.endsWith("/")) continue;
    // Folded, so two names a case-insensitive disk would merge count as the same file.
    const folded = name.normalize("NFC").toLowerCase();
    if (seen.has(folded)) {
      problems.push({ code: "sharing.zip.duplicate", params: { name } });
      continue;
    }
    seen.add(folded);
    if ((entry.generalPurposeBitFlag & 0x1) !== 0) {
      problems.push({ code: "sharing.zip.encrypted", params: { name } });
      continue;
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      problems.push({ code: "sharing.zip.entryTooLarge", params: { name, max: limits.maxEntryBytes } });
      continue;
    }
    if (entry.uncompressedSize > 1024 && entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
      problems.push({ code: "sharing.zip.ratio", params: { name } });
      continue;
    }
    total += entry.uncompressedSize;
    files.push({ name, entry });
  }
  if (total > limits.maxTotalBytes) problems.push({ code: "sharing.zip.totalTooLarge", params: { max: limits.maxTotalBytes } });
  if (problems.length === 0 && files.length === 0) problems.push({ code: "sharing.zip.empty", params: {} });
  if (problems.length > 0) {
    zip.close();
    return { ok: false, problems };
  }
  const read = new Map<string, Uint8Array>();
  try {
    for (const { name, entry } of files)
      read.set(name, await readEntry(zip, entry, Math.min(entry.uncompressedSize, limits.maxEntryBytes)));
  } catch {
    // Sizes that the headers understated, or corrupt data.
    return { ok: false, problems: [{ code: "sharing.zip.unreadable", params: {} }] };
  } finally {
    zip.close();
  }
  return { ok: true, files: read };
}

/** The files relative to the course folder: a single top folder holding everything is taken off. */
export function withoutTopFolder(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const tops = new Set([...files.keys()].map((name) => (name.includes("/") ? name.slice(0, name.indexOf("/")) : "")));
  const [top] = [...tops];
  if (tops.size !== 1 || !top || files.has("course.yaml")) return new Map(files);
  return new Map([...files].map(([name, bytes]) => [name.slice(top.length + 1), bytes]));
}
