/**
 * The one way an action reads a posted form: `readForm(request, limits)`, then `parseForm`.
 * The body is read as it streams in and refused as soon as it breaks the route's limits: too
 * large (by its declared length, before anything is read, or while counting), too many fields
 * (while counting), a file in a field that takes none. Files stream to a temporary folder
 * with their size cap and a check of their content; a file over its cap or of the wrong kind
 * is removed at once, the rest of it discarded unwritten, and the form comes back with the
 * error next to that field. Temporary files are removed when the response has been sent.
 */
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { Readable } from "node:stream";
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { refusalStatus, refusalTextIn, type Refusal, type RefusalData } from "~/http/refusals.ts";
import { afterRequest } from "~/http/request-scope.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import {
  headFits,
  headLength,
  isTextKind,
  kindsByName,
  TextCheck,
  fileKinds,
  type FileKind,
  type FileRule,
  type FormLimits,
  type UploadedFileInfo,
} from "./limits.ts";
import type { FieldErrors, FormEntries } from "./parse-form.ts";

export class UploadedFile implements UploadedFileInfo {
  readonly type: string;

  constructor(
    readonly field: string,
    readonly filename: string,
    readonly kind: FileKind,
    readonly size: number,
    readonly path: string,
  ) {
    this.type = fileKinds[kind].canonicalType;
  }
}

/** The content of an uploaded text file (a CSV, say): its kind was checked to be UTF-8 text. */
export function uploadedText(file: UploadedFileInfo): Promise<string> {
  return readFile(file.path, "utf8");
}

/** The content of an uploaded file as a stream, for files too large to hold in memory. */
export function uploadedStream(file: UploadedFileInfo): Readable {
  return createReadStream(file.path);
}

type Entry = [string, string | UploadedFile];

/** What `readForm` read: the fields in the order sent, files already checked, and why any file was refused. */
export class PostedForm implements FormEntries {
  constructor(
    private readonly list: readonly Entry[],
    readonly fileErrors: FieldErrors = {},
    private readonly directory: string | null = null,
  ) {}

  entries(): IterableIterator<Entry> {
    return this.list[Symbol.iterator]();
  }

  /** The first value sent under a name, like FormData's. */
  get(name: string): string | UploadedFile | null {
    return this.list.find((entry) => entry[0] === name)?.[1] ?? null;
  }

  getAll(name: string): (string | UploadedFile)[] {
    return this.list.filter((entry) => entry[0] === name).map((entry) => entry[1]);
  }

  /** Removes the uploaded files now (they are removed anyway when the response has been sent). */
  async removeFiles(): Promise<void> {
    if (this.directory) await rm(this.directory, { recursive: true, force: true });
  }
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal);
  }
}

export interface ReadFormOptions {
  /** Where the temporary folder of the uploads goes (default: the system's temporary folder). */
  directory?: string;
}

export async function readForm(request: Request, limits: FormLimits, options: ReadFormOptions = {}): Promise<PostedForm> {
  const uploads = new Uploads(options.directory ?? tmpdir());
  try {
    return await read(request, limits, uploads);
  } catch (error) {
    await uploads.remove();
    throw await refusalResponse(request, error instanceof Refused ? error.refusal : "notAForm");
  }
}

async function refusalResponse(request: Request, refusal: Refusal): Promise<Response> {
  const locale = await getLocale(request).catch(() => "es" as const);
  const body: RefusalData = { status: "refused", refusal, locale, message: refusalTextIn(refusal, locale) };
  // The rest of the body is not read: the server closes the connection once the answer is sent.
  return Response.json(body, { status: refusalStatus[refusal], headers: { Connection: "close" } });
}

async function read(request: Request, limits: FormLimits, uploads: Uploads): Promise<PostedForm> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > limits.maxBytes) throw new Refused("tooLarge");
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  const body = request.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  if (mediaType === "multipart/form-data") return readMultipart(contentType, body, limits, uploads);
  const bytes = await readCapped(body, limits);
  if (mediaType === "application/x-www-form-urlencoded") {
    return new PostedForm([...new URLSearchParams(new TextDecoder().decode(bytes)).entries()]);
  }
  // Not a form: only an empty body (a button posted by a script, say) reads as an empty form.
  if (bytes.byteLength > 0) throw new Refused("notAForm");
  return new PostedForm([]);
}

const AMPERSAND = 0x26;

/** A urlencoded body, counting bytes and separators as it arrives. */
async function readCapped(body: ReadableStream<Uint8Array>, limits: FormLimits): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let fields = 1;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) throw new Refused("tooLarge");
      for (const byte of value) if (byte === AMPERSAND) fields += 1;
      if (fields > limits.maxFields) throw new Refused("tooManyFields");
      chunks.push(value);
    }
  } finally {
    // Never cancelled: that would drop the connection before the refusal is sent.
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

/** The body passed through, refused once it grows past the limit; `start` keeps its first bytes. */
function counted(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): { stream: ReadableStream<Uint8Array>; start: () => string } {
  const reader = body.getReader();
  let total = 0;
  let start = new Uint8Array(0);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      total += value.byteLength;
      if (start.byteLength < START_BYTES) start = Buffer.concat([start, value.subarray(0, START_BYTES - start.byteLength)]);
      if (total > maxBytes) controller.error(new Refused("tooLarge"));
      else controller.enqueue(value);
    },
    cancel() {
      reader.releaseLock();
    },
  });
  return { stream, start: () => new TextDecoder().decode(start) };
}

const START_BYTES = 200;

async function readMultipart(
  contentType: string,
  body: ReadableStream<Uint8Array>,
  limits: FormLimits,
  uploads: Uploads,
): Promise<PostedForm> {
  const entries: Entry[] = [];
  const fileErrors: FieldErrors = {};
  const filesPerField = new Map<string, number>();
  let fields = 0;
  const { stream, start } = counted(body, limits.maxBytes);
  const request = new Request("http://form.invalid/", {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: stream,
    duplex: "half",
  });
  await unstable_parseMultipartFormData(request, async (part: UploadHandlerPart) => {
    fields += 1;
    if (fields > limits.maxFields) throw new Refused("tooManyFields");
    if (part.filename === undefined) {
      const text = await partText(part.data);
      // Some clients send a file input left empty as an empty text field.
      if (!(text === "" && limits.files?.[part.name])) entries.push([part.name, text]);
      return undefined;
    }
    // A file input left empty sends a part without a name or content.
    if (part.filename === "") {
      await drain(part.data);
      return undefined;
    }
    const rule = limits.files?.[part.name];
    if (!rule) throw new Refused("fileNotAccepted");
    const count = (filesPerField.get(part.name) ?? 0) + 1;
    filesPerField.set(part.name, count);
    const received =
      count > (rule.maxFiles ?? 1) ? await refuseFile(part, "validation.fileCount") : await uploads.receive(part, rule);
    if (received instanceof UploadedFile) entries.push([part.name, received]);
    else fileErrors[part.name] ??= received;
    return undefined;
  });
  // The parser reads a body without any boundary as an empty form: only a form with no
  // fields, which starts with its closing boundary, is one.
  const boundary = contentType.match(/boundary="?([^";]+)"?/i)?.[1] ?? "";
  if (fields === 0 && start().trim() !== "" && !start().startsWith(`--${boundary}--`)) throw new Refused("notAForm");
  return new PostedForm(entries, fileErrors, uploads.directory);
}

async function partText(data: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of data) chunks.push(chunk);
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of data) void chunk;
}

async function refuseFile(part: UploadHandlerPart, reason: MessageKey): Promise<MessageKey> {
  await drain(part.data);
  return reason;
}

/** The request's temporary folder, made at its first file and removed after the response. */
class Uploads {
  directory: string | null = null;
  private count = 0;

  constructor(private readonly parent: string) {}

  private async folder(): Promise<string> {
    if (this.directory) return this.directory;
    const directory = await mkdtemp(path.join(this.parent, "aula-upload-"));
    this.directory = directory;
    afterRequest(() => rm(directory, { recursive: true, force: true }));
    return directory;
  }

  async remove(): Promise<void> {
    if (this.directory) await rm(this.directory, { recursive: true, force: true });
  }

  /** Streams one file to disk within its cap, checking its content as it goes. */
  async receive(part: UploadHandlerPart, rule: FileRule): Promise<UploadedFile | MessageKey> {
    const filename = part.filename ?? "";
    let kinds = kindsByName(rule, filename, part.contentType);
    if (kinds.length === 0) return refuseFile(part, "validation.fileType");
    this.count += 1;
    const target = path.join(await this.folder(), String(this.count));
    const out = createWriteStream(target, { flags: "wx" });
    const needed = headLength(kinds);
    const textCheck = new TextCheck();
    let head = new Uint8Array(0);
    let size = 0;
    let failure: MessageKey | null = null;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      out.end();
      await finished(out);
    };
    // A refused file is removed at once; the rest of it is read and dropped, never written.
    const refuse = async (reason: MessageKey) => {
      failure = reason;
      await close();
      await rm(target, { force: true });
    };
    try {
      for await (const chunk of part.data) {
        if (failure) continue;
        size += chunk.byteLength;
        if (size > rule.maxBytes) {
          await refuse("validation.fileTooLarge");
          continue;
        }
        if (head.byteLength < needed) {
          head = Buffer.concat([head, chunk.subarray(0, needed - head.byteLength)]);
          if (head.byteLength >= needed) kinds = kinds.filter((kind) => headFits(kind, head));
        }
        if (kinds.some(isTextKind) && !textCheck.push(chunk)) kinds = kinds.filter((kind) => !isTextKind(kind));
        if (kinds.length === 0) {
          await refuse("validation.fileType");
          continue;
        }
        await write(out, chunk);
      }
    } finally {
      await close();
    }
    if (failure) return failure;
    kinds = kinds.filter((kind) => headFits(kind, head) && (!isTextKind(kind) || textCheck.end()));
    if (kinds.length === 0) {
      await rm(target, { force: true });
      return "validation.fileType";
    }
    return new UploadedFile(part.name, filename, kinds[0]!, size, target);
  }
}

async function write(out: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}
