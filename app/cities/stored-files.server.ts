/**
 * The file store: uploaded files (city logos; course images next) kept in the database by the
 * SHA-256 of their bytes, so every app server serves the same file and a file uploaded twice is
 * stored once. Rows are never changed: the same hash always means the same bytes.
 */
import { createHash } from "node:crypto";
import { db, type Prisma } from "~/db.server.ts";

type Client = Pick<Prisma.TransactionClient, "storedFile">;

export interface StoredFileContent {
  hash: string;
  contentType: string;
  bytes: Uint8Array;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export const isFileHash = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);

/** Stores the bytes if no file has their hash yet; returns the hash. Safe when two requests race. */
export async function putFile(bytes: Uint8Array, contentType: string, client: Client = db()): Promise<string> {
  const hash = sha256Hex(bytes);
  await client.storedFile.upsert({
    where: { hash },
    create: { hash, contentType, size: bytes.byteLength, bytes: Buffer.from(bytes) },
    update: {},
    select: { hash: true },
  });
  return hash;
}

export async function getFile(hash: string, client: Client = db()): Promise<StoredFileContent | null> {
  if (!isFileHash(hash)) return null;
  const file = await client.storedFile.findUnique({ where: { hash }, select: { hash: true, contentType: true, bytes: true } });
  return file ? { hash: file.hash, contentType: file.contentType, bytes: new Uint8Array(file.bytes) } : null;
}
