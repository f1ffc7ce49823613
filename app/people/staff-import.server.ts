/**
 * The staff import against the database (rules: staff-import.ts; why: decision 026). The file is
 * kept in the file store by its SHA-256 between the dry run and the apply, so the apply reads the
 * same bytes, never what the browser sends back; the plan is built again, outside any write
 * transaction, and must be the plan the admin saw. Writes go in short transactions (a time budget
 * each, `IMPORT_BATCH_MS`), so SQLite's write lock is never held for long.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { audit } from "~/audit/audit.server.ts";
import { sendSignupMail } from "~/auth/email-confirmation.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { grantRole, revokeRole } from "~/auth/role-grants.server.ts";
import { deleteUserSessions } from "~/auth/session-store.server.ts";
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import { listDepartments } from "~/cities/departments.server.ts";
import { db, type Prisma } from "~/db.server.ts";
import { faultPoint } from "~/faults.server.ts";
import type { UploadedFileInfo } from "~/forms/limits.ts";
import { afterResponse } from "~/http/after-response.server.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { changeDepartment, setPersonActive } from "./department-change.server.ts";
import { personSearchText } from "./search-text.ts";
import { decodeCsv, readCsvRows, sampleFile } from "./staff-import-csv.ts";
import {
  departmentPaths,
  planFingerprint,
  planImport,
  type ExistingPerson,
  type FileProblem,
  type ImportPlan,
  type PlannedUpdate,
} from "./staff-import.ts";

type Tx = Prisma.TransactionClient;

const IMPORT_FILE_TYPE = "text/csv";
/** Rows read per query while planning (well under SQLite's bound-value limit). */
const READ_CHUNK = 500;
/**
 * A write transaction stops taking rows once it has run this long (or has this many rows), so
 * SQLite's write lock is held far under its 5 s busy timeout however loaded the machine is;
 * measured by `npm run bench -- --import` (decision 026).
 */
export const IMPORT_BATCH_MS = 150;
export const IMPORT_BATCH_ROWS = 500;
/** Rows inserted by one statement inside a transaction. */
const IMPORT_GROUP_ROWS = 5;
/** Uploaded files not applied are removed after a day: they hold names and addresses. */
const STALE_FILE_HOURS = 24;

export type PlanOutcome =
  | { ok: true; hash: string; digest: string; plan: ImportPlan }
  | { ok: false; problem: FileProblem | { reason: "staffImport.file.gone" } };

/** Keeps the uploaded bytes under their hash (the same file twice is stored once). */
export async function storeImportFile(bytes: Uint8Array): Promise<string> {
  const hash = createHash("sha256").update(bytes).digest("hex");
  const cutoff = new Date(Date.now() - STALE_FILE_HOURS * 3_600_000);
  await db().storedFile.deleteMany({ where: { contentType: IMPORT_FILE_TYPE, createdAt: { lt: cutoff }, cities: { none: {} } } });
  await db().storedFile.upsert({
    where: { hash },
    create: { hash, contentType: IMPORT_FILE_TYPE, size: bytes.byteLength, bytes: Buffer.from(bytes) },
    update: {},
  });
  return hash;
}

async function loadImportFile(hash: string): Promise<Uint8Array | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const file = await db().storedFile.findFirst({ where: { hash, contentType: IMPORT_FILE_TYPE }, select: { bytes: true } });
  return file ? new Uint8Array(file.bytes) : null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

const personSelect = {
  id: true,
  cityId: true,
  email: true,
  name: true,
  locale: true,
  departmentId: true,
  employeeId: true,
  active: true,
  updatedAt: true,
  roleGrants: { select: { role: true } },
} as const;

type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;
const toExisting = ({ roleGrants, ...person }: PersonRow): ExistingPerson => ({
  ...person,
  roles: roleGrants.map((grant) => grant.role),
});

/** Parses the bytes and plans them against the admin's city, reading what it needs in chunks. */
export async function planFromBytes(admin: CurrentUser, bytes: Uint8Array): Promise<ImportPlan | FileProblem> {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return decoded.problem;
  const read = readCsvRows(decoded.text);
  if (!read.ok) return read.problem;
  const cityId = admin.city.id;
  const [departments, domains] = await Promise.all([
    listDepartments(cityId, { includeArchived: true }),
    db().cityEmailDomain.findMany({ where: { cityId }, select: { domain: true } }),
  ]);
  const emails = new Set<string>();
  const employeeIds = new Set<string>();
  for (const { cells } of read.rows) {
    if (cells.email) emails.add(cells.email.trim().toLowerCase());
    if (cells.employeeId?.trim()) employeeIds.add(cells.employeeId.trim());
  }
  const peopleByEmail = new Map<string, ExistingPerson>();
  const peopleByEmployeeId = new Map<string, ExistingPerson>();
  // Addresses are unique across the network: a person of another city is read too (and refused).
  for (const chunk of chunks([...emails], READ_CHUNK)) {
    const found = await db().user.findMany({ where: { email: { in: chunk } }, select: personSelect });
    for (const row of found) peopleByEmail.set(row.email, toExisting(row));
  }
  for (const chunk of chunks([...employeeIds], READ_CHUNK)) {
    const found = await db().user.findMany({ where: { cityId, employeeId: { in: chunk } }, select: personSelect });
    for (const row of found) if (row.employeeId) peopleByEmployeeId.set(row.employeeId, toExisting(row));
  }
  return planImport(read.rows, {
    cityId,
    defaultLocale: isLocale(admin.city.defaultLocale) ? admin.city.defaultLocale : "es",
    emailDomains: domains.map((row) => row.domain),
    actorRoles: admin.roles,
    departmentsByPath: departmentPaths(departments),
    peopleByEmail,
    peopleByEmployeeId,
  });
}

function isPlan(value: ImportPlan | FileProblem): value is ImportPlan {
  return "refused" in value;
}

function digestOf(hash: string, plan: ImportPlan): string {
  return createHash("sha256").update(hash).update(planFingerprint(plan)).digest("hex");
}

/** The dry run: stores the file, plans it, writes nothing else. */
export async function dryRunImport(admin: CurrentUser, bytes: Uint8Array): Promise<PlanOutcome> {
  const planned = await planFromBytes(admin, bytes);
  if (!isPlan(planned)) return { ok: false, problem: planned };
  const hash = await storeImportFile(bytes);
  return { ok: true, hash, digest: digestOf(hash, planned), plan: planned };
}

/** The dry run of a file uploaded through the form path (its size and kind already checked). */
export async function dryRunUpload(admin: CurrentUser, file: UploadedFileInfo): Promise<PlanOutcome> {
  return dryRunImport(admin, new Uint8Array(await readFile(file.path)));
}

/** Every refused row of a file the admin's dry run stored, planned again (null: no such file, or it no longer reads). */
export async function refusedRowsOf(admin: CurrentUser, hash: string): Promise<ImportPlan["refused"] | null> {
  const bytes = await loadImportFile(hash);
  if (!bytes) return null;
  const planned = await planFromBytes(admin, bytes);
  return isPlan(planned) ? planned.refused : null;
}

/** A sample file for the admin's city: the header in their language, departments of their tree. */
export async function sampleCsv(admin: CurrentUser, locale: Locale): Promise<string> {
  const [departments, domain] = await Promise.all([
    listDepartments(admin.city.id),
    db().cityEmailDomain.findFirst({ where: { cityId: admin.city.id }, select: { domain: true }, orderBy: { domain: "asc" } }),
  ]);
  return sampleFile(locale, [...departmentPaths(departments).keys()], domain?.domain ?? "example.org");
}

export interface ImportCounts {
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
}

export type ApplyOutcome =
  | { outcome: "applied"; counts: ImportCounts; longestBatchMs: number; batches: number }
  | { outcome: "refused"; plan: ImportPlan; hash: string; digest: string }
  | { outcome: "changed" }
  | { outcome: "partial"; counts: ImportCounts }
  | { outcome: "problem"; problem: FileProblem | { reason: "staffImport.file.gone" } };

/** A person changed between the plan and the write: the batch rolls back. */
class ChangedMeanwhile extends Error {}

type Write = { kind: "create"; item: ImportPlan["create"][number] } | { kind: "update" | "deactivate"; item: PlannedUpdate };

/** New people of one batch: one insert for them all, then each one's roles and assignments. */
async function writeCreates(tx: Tx, cityId: string, items: ReadonlyArray<ImportPlan["create"][number]>): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await tx.user.createManyAndReturn({
    data: items.map(({ values }) => ({
      email: values.email,
      name: values.name,
      searchText: personSearchText(values),
      locale: values.locale,
      cityId,
      departmentId: values.departmentId,
      employeeId: values.employeeId,
    })),
    select: { id: true, email: true },
  });
  const idOf = new Map(rows.map((row) => [row.email, row.id]));
  const ids: string[] = [];
  for (const { values } of items) {
    const userId = idOf.get(values.email);
    if (!userId) throw new ChangedMeanwhile();
    for (const role of values.roles) await grantRole(tx, { userId, cityId, role });
    // Joining a department (or the city) assigns its courses in the same commit, as at sign-up.
    await assignOnJoinOrMove(tx, userId);
    ids.push(userId);
  }
  return ids;
}

async function writeUpdate(tx: Tx, cityId: string, item: PlannedUpdate): Promise<void> {
  const { values, fields } = item;
  // Conditional on the row as it was planned: a person changed meanwhile writes nothing.
  const claimed = await tx.user.updateMany({
    where: { id: item.userId, cityId, updatedAt: item.expectedUpdatedAt },
    data: {
      name: values.name,
      email: values.email,
      searchText: personSearchText(values),
      locale: values.locale,
      employeeId: values.employeeId,
    },
  });
  if (claimed.count !== 1) throw new ChangedMeanwhile();
  if (fields.includes("department")) {
    const moved = await changeDepartment(tx, { userId: item.userId, departmentId: values.departmentId });
    if (!moved.ok) throw new ChangedMeanwhile();
  }
  for (const role of item.grant) await grantRole(tx, { userId: item.userId, cityId, role });
  for (const role of item.revoke) await revokeRole(tx, { userId: item.userId, role });
  if (fields.includes("active")) {
    await setPersonActive(tx, { userId: item.userId, active: values.active });
    // A deactivated person is signed out at once.
    if (!values.active) await deleteUserSessions(item.userId, tx);
  }
}

export interface ApplyOptions {
  batchRows?: number;
  batchMs?: number;
  /** Told how long each write transaction took (the benchmark's longest write-lock hold). */
  onBatch?: (milliseconds: number) => void | Promise<void>;
}

/**
 * Applies the file the dry run stored, if its plan is still the one the admin saw (`digest`) and no
 * row is refused. Idempotent: applying it again finds every row unchanged and writes nothing (not
 * even an audit row: nothing was done).
 */
export async function applyImport(
  admin: CurrentUser,
  hash: string,
  digest: string,
  options: ApplyOptions = {},
): Promise<ApplyOutcome> {
  const bytes = await loadImportFile(hash);
  if (!bytes) return { outcome: "problem", problem: { reason: "staffImport.file.gone" } };
  const plan = await planFromBytes(admin, bytes);
  if (!isPlan(plan)) return { outcome: "problem", problem: plan };
  const current = digestOf(hash, plan);
  if (plan.refused.length > 0) return { outcome: "refused", plan, hash, digest: current };
  if (current !== digest) return { outcome: "changed" };

  const cityId = admin.city.id;
  const writes: Write[] = [
    ...plan.create.map((item) => ({ kind: "create" as const, item })),
    ...plan.update.map((item) => ({ kind: "update" as const, item })),
    ...plan.deactivate.map((item) => ({ kind: "deactivate" as const, item })),
  ];
  const counts: ImportCounts = { created: 0, updated: 0, deactivated: 0, unchanged: plan.unchanged.length };
  const created: string[] = [];
  const maxRows = options.batchRows ?? IMPORT_BATCH_ROWS;
  const maxMs = options.batchMs ?? IMPORT_BATCH_MS;
  const group = Math.min(IMPORT_GROUP_ROWS, maxRows);
  let longestBatchMs = 0;
  let batches = 0;
  let cursor = 0;
  try {
    while (cursor < writes.length) {
      const from = cursor;
      const started = performance.now();
      // A transaction takes groups of rows until it has held the write lock for `maxMs` (or has `maxRows`).
      const written = await db().$transaction(async (tx) => {
        let at = from;
        const ids: string[] = [];
        while (at < writes.length && at - from < maxRows && (at === from || performance.now() - started < maxMs)) {
          const slice = writes.slice(at, Math.min(at + group, from + maxRows));
          ids.push(
            ...(await writeCreates(
              tx,
              cityId,
              slice.flatMap((write) => (write.kind === "create" ? [write.item] : [])),
            )),
          );
          for (const write of slice) if (write.kind !== "create") await writeUpdate(tx, cityId, write.item);
          at += slice.length;
          faultPoint("import-rows-written");
        }
        if (at === writes.length) await auditImport(tx, admin, tally(counts, writes.slice(from, at)), false);
        // An import longer than one transaction says so in its first one: if the process then dies
        // between transactions, the log shows an import that began and did not finish.
        else if (from === 0) await auditImportStarted(tx, admin, hash, tally(counts, writes));
        return { at, ids };
      });
      const took = performance.now() - started;
      longestBatchMs = Math.max(longestBatchMs, took);
      batches += 1;
      Object.assign(counts, tally(counts, writes.slice(from, written.at)));
      created.push(...written.ids);
      cursor = written.at;
      await options.onBatch?.(took);
      if (cursor < writes.length) faultPoint("import-transaction-committed");
    }
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile) && !isUniqueViolation(error)) throw error;
    // Earlier batches are saved: say so, audit what was, and let a new dry run show what is left.
    if (counts.created + counts.updated + counts.deactivated > 0) await auditImport(db(), admin, counts, true);
    sendWelcomeMail(created);
    return { outcome: "partial", counts };
  }
  sendWelcomeMail(created);
  await db().storedFile.deleteMany({ where: { hash, contentType: IMPORT_FILE_TYPE, cities: { none: {} } } });
  return { outcome: "applied", counts, longestBatchMs, batches };
}

function tally(counts: ImportCounts, batch: readonly Write[]): ImportCounts {
  const of = (kind: Write["kind"]) => batch.filter((write) => write.kind === kind).length;
  return {
    created: counts.created + of("create"),
    updated: counts.updated + of("update"),
    deactivated: counts.deactivated + of("deactivate"),
    unchanged: counts.unchanged,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

async function auditImportStarted(tx: Tx, admin: CurrentUser, hash: string, planned: ImportCounts): Promise<void> {
  await audit(
    { cityId: admin.city.id, actorId: admin.id, action: "staff.import.started", details: { file: hash, ...planned } },
    tx,
  );
}

async function auditImport(
  client: Parameters<typeof audit>[1],
  admin: CurrentUser,
  counts: ImportCounts,
  partial: boolean,
): Promise<void> {
  await audit(
    { cityId: admin.city.id, actorId: admin.id, action: "staff.import", details: { ...counts, ...(partial ? { partial } : {}) } },
    client,
  );
}

/** New people choose their password from the confirmation link (decision 012), sent after the commit. */
function sendWelcomeMail(userIds: readonly string[]): void {
  if (userIds.length === 0) return;
  afterResponse("staff-import-mail", async () => {
    for (const userId of userIds) await sendSignupMail(userId);
  });
}
