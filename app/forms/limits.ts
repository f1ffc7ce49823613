/**
 * What one form may send: each route declares these next to its schema, and `readForm`
 * enforces them while the body streams in. Small forms get small limits; a field that takes
 * files names the kinds it accepts and how large each may be.
 */

/** Kinds of file a form can accept, each recognised by its name, its declared type and its content. */
export const fileKinds = {
  csv: {
    label: "CSV",
    extensions: [".csv"],
    // Windows with Excel installed declares CSV files as Excel files.
    mimeTypes: ["text/csv", "text/plain", "application/vnd.ms-excel", "application/csv"],
    canonicalType: "text/csv",
    content: "text",
  },
  png: {
    label: "PNG",
    extensions: [".png"],
    mimeTypes: ["image/png"],
    canonicalType: "image/png",
    content: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  },
  jpeg: {
    label: "JPEG",
    extensions: [".jpg", ".jpeg"],
    mimeTypes: ["image/jpeg", "image/pjpeg"],
    canonicalType: "image/jpeg",
    content: [[0xff, 0xd8, 0xff]],
  },
  // A RIFF container here; that it holds a WebP image is `file-type`'s to say.
  webp: {
    label: "WebP",
    extensions: [".webp"],
    mimeTypes: ["image/webp"],
    canonicalType: "image/webp",
    content: [[0x52, 0x49, 0x46, 0x46]],
  },
  // Text here; whether it is an SVG, and a safe one, is the sanitiser's to say (app/security/svg-sanitiser.server.ts).
  svg: {
    label: "SVG",
    extensions: [".svg"],
    mimeTypes: ["image/svg+xml"],
    canonicalType: "image/svg+xml",
    content: "text",
  },
  zip: {
    label: "ZIP",
    extensions: [".zip"],
    mimeTypes: ["application/zip", "application/x-zip-compressed", "application/x-zip"],
    canonicalType: "application/zip",
    // A zip starts with a local file header, or is the end record alone when empty.
    content: [
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
    ],
  },
} as const satisfies Record<string, FileKindSpec>;

interface FileKindSpec {
  label: string;
  extensions: readonly string[];
  mimeTypes: readonly string[];
  canonicalType: string;
  /** "text": UTF-8 without control characters other than tab and line breaks; else the possible first bytes. */
  content: "text" | readonly (readonly number[])[];
}

export type FileKind = keyof typeof fileKinds;

export interface FileRule {
  /** Largest size of one file, in bytes. */
  maxBytes: number;
  types: readonly FileKind[];
  /** How many files the field takes (default 1). */
  maxFiles?: number;
}

export interface FormLimits {
  /** Most fields (each repeated value and each file counts once). */
  maxFields: number;
  /** Largest body, in bytes, as sent (encoded). */
  maxBytes: number;
  /** Fields that take files; a file sent in any other field is refused. */
  files?: Readonly<Record<string, FileRule>>;
}

/** A form with only a button: enrol, mark a lesson done, start a quiz, log out. */
export const buttonOnlyLimits: FormLimits = { maxFields: 2, maxBytes: 1024 };

/** What the one form path keeps of an uploaded file; it sits in a temporary file until the request ends. */
export interface UploadedFileInfo {
  readonly field: string;
  /** The name the person's computer gave it (base name only). */
  readonly filename: string;
  readonly kind: FileKind;
  /** The type of the kind its content matched, not the type the browser declared. */
  readonly type: string;
  readonly size: number;
  readonly path: string;
}

export function isUploadedFile(value: unknown): value is UploadedFileInfo {
  return (
    typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    typeof value.kind === "string" &&
    Object.hasOwn(fileKinds, value.kind) &&
    "path" in value &&
    typeof value.path === "string"
  );
}

/** The `accept` attribute of a file input, from its rule. */
export function acceptAttribute(rule: FileRule): string {
  return rule.types.flatMap((kind) => [...fileKinds[kind].extensions, ...fileKinds[kind].mimeTypes.slice(0, 1)]).join(",");
}

/** "CSV", "PNG, JPEG": the kinds a rule accepts, for the field's hint. */
export function kindLabels(rule: FileRule): string {
  return rule.types.map((kind) => fileKinds[kind].label).join(", ");
}

/** The kinds of the rule that the file's name and declared type allow (an empty declared type is allowed). */
export function kindsByName(rule: FileRule, filename: string, declaredType: string | undefined): FileKind[] {
  const name = filename.toLowerCase();
  const type = (declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  return rule.types.filter((kind) => {
    const spec: FileKindSpec = fileKinds[kind];
    const nameFits = spec.extensions.some((extension) => name.endsWith(extension));
    const typeFits = type === "" || type === "application/octet-stream" || spec.mimeTypes.includes(type);
    return nameFits && typeFits;
  });
}

/** How many first bytes the content check of these kinds needs to see. */
export function headLength(kinds: readonly FileKind[]): number {
  return Math.max(
    0,
    ...kinds.map((kind) => {
      const content: FileKindSpec["content"] = fileKinds[kind].content;
      return content === "text" ? 0 : Math.max(...content.map((magic) => magic.length));
    }),
  );
}

/** Whether the first bytes of a file fit a kind (text kinds are checked as a whole, see `TextCheck`). */
export function headFits(kind: FileKind, head: Uint8Array): boolean {
  const content: FileKindSpec["content"] = fileKinds[kind].content;
  if (content === "text") return true;
  return content.some((magic) => magic.length <= head.length && magic.every((byte, index) => head[index] === byte));
}

export function isTextKind(kind: FileKind): boolean {
  const content: FileKindSpec["content"] = fileKinds[kind].content;
  return content === "text";
}

/** Checks, chunk by chunk, that a file is UTF-8 text without NUL or other control characters. */
export class TextCheck {
  #decoder = new TextDecoder("utf-8", { fatal: true });
  #ok = true;

  push(chunk: Uint8Array): boolean {
    if (!this.#ok) return false;
    for (const byte of chunk) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) return (this.#ok = false);
    }
    try {
      this.#decoder.decode(chunk, { stream: true });
    } catch {
      this.#ok = false;
    }
    return this.#ok;
  }

  end(): boolean {
    if (!this.#ok) return false;
    try {
      this.#decoder.decode();
    } catch {
      this.#ok = false;
    }
    return this.#ok;
  }
}
