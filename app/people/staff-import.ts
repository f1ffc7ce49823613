/**
 * The staff import's rules, without a database: a CSV's bytes → its rows → a plan of what applying
 * it would do (create, update, deactivate, unchanged, refused). The server module
 * (staff-import.server.ts) reads what the plan needs in chunks, and writes it (decision 026).
 */
import type { GrantableRole } from "~/auth/roles.ts";
import { emailField, nameField } from "~/auth/validation.ts";
import { emailDomainAllowed } from "~/cities/email-domains.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { foldForSearch } from "./search-text.ts";
import { mayManageRole } from "./staff-rules.ts";

export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Between the names of a department path, from the root down: "Hacienda > Tributos". */
export const DEPARTMENT_SEPARATOR = ">";
/** Between the roles of a cell: "TRAINER;HR". */
export const ROLE_SEPARATOR = ";";
export const MAX_EMPLOYEE_ID_LENGTH = 64;

/** The roles an import may set; NETWORK_ADMIN is the network's, never a city file's. */
export const importableRoles = ["TRAINER", "HR", "CITY_ADMIN"] as const satisfies readonly GrantableRole[];
type ImportableRole = (typeof importableRoles)[number];

export const importColumns = ["name", "email", "department", "roles", "language", "employeeId", "status"] as const;
export type ImportColumn = (typeof importColumns)[number];
export const requiredColumns: readonly ImportColumn[] = ["name", "email", "department", "roles", "language"];

/** Header names accepted for each column, in es, pt and en (compared folded: case, accents, spaces). */
export const headerNames: Record<ImportColumn, readonly string[]> = {
  name: ["name", "full name", "nombre", "nombre completo", "nome", "nome completo"],
  email: ["email", "e-mail", "mail", "correo", "correo electronico", "email address"],
  department: ["department", "department path", "departamento", "ruta del departamento", "caminho do departamento"],
  roles: ["roles", "role", "rol", "papeis", "papel", "funcoes"],
  language: ["language", "idioma", "lengua", "lingua"],
  employeeId: [
    "employee id",
    "employee number",
    "staff id",
    "id de empleado",
    "numero de empleado",
    "matricula",
    "id do funcionario",
    "numero do funcionario",
  ],
  status: ["status", "estado", "situacao", "situacion"],
};

const statusWords: Record<"active" | "left", readonly string[]> = {
  active: ["active", "activo", "activa", "ativo", "ativa", "alta"],
  left: ["left", "inactive", "baja", "inactivo", "inactiva", "desligado", "desligada", "saiu", "inativo", "inativa"],
};

export function foldHeader(text: string): string {
  return foldForSearch(text).replace(/[_\s]+/g, " ");
}

export type FileProblem =
  | { reason: "staffImport.file.encoding" }
  | { reason: "staffImport.file.empty" }
  | { reason: "staffImport.file.malformed"; line: number }
  | { reason: "staffImport.file.noHeader" }
  | { reason: "staffImport.file.missingColumn"; column: ImportColumn }
  | { reason: "staffImport.file.unknownColumn"; header: string }
  | { reason: "staffImport.file.duplicateColumn"; column: ImportColumn }
  | { reason: "staffImport.file.tooManyRows"; max: number }
  | { reason: "staffImport.file.tooLarge"; max: number };

/** One data row of the file: its line number as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  row: number;
  cells: Partial<Record<ImportColumn, string>>;
}

// ---- the plan ----

export type RefusalReason =
  | "staffImport.reason.required"
  | "staffImport.reason.name"
  | "staffImport.reason.email"
  | "staffImport.reason.emailDomain"
  | "staffImport.reason.emailTaken"
  | "staffImport.reason.duplicateEmail"
  | "staffImport.reason.duplicateEmployeeId"
  | "staffImport.reason.duplicatePerson"
  | "staffImport.reason.employeeIdLength"
  | "staffImport.reason.employeeIdMismatch"
  | "staffImport.reason.department"
  | "staffImport.reason.role"
  | "staffImport.reason.roleNotHeld"
  | "staffImport.reason.adminChange"
  | "staffImport.reason.language"
  | "staffImport.reason.status";

export interface RefusedRow {
  row: number;
  column: ImportColumn;
  reason: RefusalReason;
  /** Shown in the message: the value refused, or the row it repeats. */
  params?: Record<string, string | number>;
}

export type ChangedField = "name" | "email" | "department" | "roles" | "language" | "employeeId" | "active";

/** What a person is to become; `departmentId` null: no department. */
export interface PersonValues {
  name: string;
  email: string;
  locale: Locale;
  departmentId: string | null;
  employeeId: string | null;
  roles: ImportableRole[];
  active: boolean;
}

export interface PlannedCreate {
  row: number;
  values: PersonValues;
}

export interface PlannedUpdate {
  row: number;
  userId: string;
  /** The person's row as it was read: the write is conditional on it (changed meanwhile: nothing written). */
  expectedUpdatedAt: Date;
  fields: ChangedField[];
  values: PersonValues;
  grant: ImportableRole[];
  revoke: ImportableRole[];
}

export interface ImportPlan {
  create: PlannedCreate[];
  update: PlannedUpdate[];
  deactivate: PlannedUpdate[];
  unchanged: Array<{ row: number; name: string; email: string }>;
  refused: RefusedRow[];
}

export interface ExistingPerson {
  id: string;
  cityId: string;
  email: string;
  name: string;
  locale: string;
  departmentId: string | null;
  employeeId: string | null;
  active: boolean;
  roles: GrantableRole[];
  updatedAt: Date;
}

export interface PlanContext {
  cityId: string;
  defaultLocale: Locale;
  emailDomains: readonly string[];
  /** The roles of the admin importing: they cannot grant (or take away) a role they do not hold. */
  actorRoles: readonly GrantableRole[];
  /** Department ids by path ("Hacienda>Tributos", names joined by the separator), active ones only. */
  departmentsByPath: ReadonlyMap<string, string>;
  /** People of any city whose address is in the file, by address; people of this city by employee id. */
  peopleByEmail: ReadonlyMap<string, ExistingPerson>;
  peopleByEmployeeId: ReadonlyMap<string, ExistingPerson>;
}

/** "Hacienda >  Tributos" → "Hacienda>Tributos": how a path cell and a city's tree are compared. */
export function departmentPathKey(names: readonly string[]): string {
  return names.map((name) => name.trim().replace(/\s+/g, " ")).join(DEPARTMENT_SEPARATOR);
}

export function splitDepartmentPath(cell: string): string[] {
  return cell.split(DEPARTMENT_SEPARATOR).map((name) => name.trim().replace(/\s+/g, " "));
}

/** The paths of a city's departments (archived ones left out: nobody joins them), from its rows. */
export function departmentPaths(
  rows: ReadonlyArray<{ id: string; parentId: string | null; name: string; archivedAt: Date | null }>,
): Map<string, string> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const paths = new Map<string, string>();
  for (const row of rows) {
    if (row.archivedAt) continue;
    const names: string[] = [];
    let current: (typeof rows)[number] | undefined = row;
    let archivedAbove = false;
    while (current && names.length <= rows.length) {
      if (current.archivedAt) archivedAbove = true;
      names.unshift(current.name);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    if (!archivedAbove) paths.set(departmentPathKey(names), row.id);
  }
  return paths;
}

function parseRoles(cell: string): { ok: true; roles: ImportableRole[] } | { ok: false; value: string } {
  const roles = new Set<ImportableRole>();
  for (const part of cell.split(ROLE_SEPARATOR)) {
    const value = part
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, "_");
    if (value === "" || value === "LEARNER") continue;
    const role = importableRoles.find((known) => known === value);
    if (!role) return { ok: false, value: part.trim().slice(0, 40) };
    roles.add(role);
  }
  return { ok: true, roles: importableRoles.filter((role) => roles.has(role)) };
}

function parseStatus(cell: string): "active" | "left" | null {
  const folded = foldHeader(cell);
  if (folded === "") return "active";
  if (statusWords.active.includes(folded)) return "active";
  if (statusWords.left.includes(folded)) return "left";
  return null;
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((role) => b.includes(role));

/**
 * The plan for the file's rows against the city as it was read. Every row is checked (one
 * refusal per row, the first found, so the admin can fix the file in one pass); a row refused
 * makes the whole file refused when applied, but the rest of the plan is still shown.
 */
export function planImport(rows: readonly CsvRow[], context: PlanContext): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], deactivate: [], unchanged: [], refused: [] };
  const firstRowOfEmail = new Map<string, number>();
  const firstRowOfEmployeeId = new Map<string, number>();
  const firstRowOfPerson = new Map<string, number>();
  for (const { row, cells } of rows) {
    const refuse = (column: ImportColumn, reason: RefusalReason, params?: RefusedRow["params"]) => {
      plan.refused.push({ row, column, reason, ...(params ? { params } : {}) });
    };
    const nameCell = cells.name ?? "";
    const emailCell = cells.email ?? "";
    if (nameCell === "") {
      refuse("name", "staffImport.reason.required");
      continue;
    }
    const name = nameField.safeParse(nameCell);
    if (!name.success) {
      refuse("name", "staffImport.reason.name");
      continue;
    }
    if (emailCell === "") {
      refuse("email", "staffImport.reason.required");
      continue;
    }
    const email = emailField.safeParse(emailCell);
    if (!email.success) {
      refuse("email", "staffImport.reason.email", { value: emailCell.slice(0, 80) });
      continue;
    }
    const address = email.data;
    const earlierEmail = firstRowOfEmail.get(address);
    if (earlierEmail !== undefined) {
      refuse("email", "staffImport.reason.duplicateEmail", { first: earlierEmail });
      continue;
    }
    firstRowOfEmail.set(address, row);
    const employeeId = (cells.employeeId ?? "").trim() || null;
    if (employeeId && employeeId.length > MAX_EMPLOYEE_ID_LENGTH) {
      refuse("employeeId", "staffImport.reason.employeeIdLength", { max: MAX_EMPLOYEE_ID_LENGTH });
      continue;
    }
    if (employeeId) {
      const earlier = firstRowOfEmployeeId.get(employeeId);
      if (earlier !== undefined) {
        refuse("employeeId", "staffImport.reason.duplicateEmployeeId", { first: earlier });
        continue;
      }
      firstRowOfEmployeeId.set(employeeId, row);
    }
    const departmentCell = cells.department ?? "";
    let departmentId: string | null | undefined;
    if (departmentCell !== "") {
      departmentId = context.departmentsByPath.get(departmentPathKey(splitDepartmentPath(departmentCell)));
      if (departmentId === undefined) {
        refuse("department", "staffImport.reason.department", { value: departmentCell.slice(0, 120) });
        continue;
      }
    }
    const roles = parseRoles(cells.roles ?? "");
    if (!roles.ok) {
      refuse("roles", "staffImport.reason.role", { value: roles.value });
      continue;
    }
    const languageCell = (cells.language ?? "").trim().toLowerCase();
    if (languageCell !== "" && !isLocale(languageCell)) {
      refuse("language", "staffImport.reason.language", { value: languageCell.slice(0, 20) });
      continue;
    }
    const status = parseStatus(cells.status ?? "");
    if (!status) {
      refuse("status", "staffImport.reason.status", { value: (cells.status ?? "").slice(0, 20) });
      continue;
    }

    // Matching: on the employee id when the row has one and the city knows it, else on the address.
    let person = employeeId ? context.peopleByEmployeeId.get(employeeId) : undefined;
    const owner = context.peopleByEmail.get(address);
    if (person) {
      if (owner && owner.id !== person.id) {
        refuse("email", "staffImport.reason.emailTaken", { value: address });
        continue;
      }
    } else if (owner) {
      if (owner.cityId !== context.cityId) {
        refuse("email", "staffImport.reason.emailTaken", { value: address });
        continue;
      }
      if (employeeId && owner.employeeId && owner.employeeId !== employeeId) {
        refuse("employeeId", "staffImport.reason.employeeIdMismatch", { value: owner.employeeId });
        continue;
      }
      person = owner;
    }
    const locale: Locale = isLocale(languageCell) ? languageCell : context.defaultLocale;

    if (!person) {
      if (status === "left") {
        // Someone who left and never had an account: nothing to do.
        plan.unchanged.push({ row, name: name.data, email: address });
        continue;
      }
      if (!emailDomainAllowed(address, context.emailDomains)) {
        refuse("email", "staffImport.reason.emailDomain", { value: address });
        continue;
      }
      const notHeld = roles.roles.find((role) => !mayManageRole(context.actorRoles, role));
      if (notHeld) {
        refuse("roles", "staffImport.reason.roleNotHeld", { value: notHeld });
        continue;
      }
      plan.create.push({
        row,
        values: {
          name: name.data,
          email: address,
          locale,
          departmentId: departmentId ?? null,
          employeeId,
          roles: roles.roles,
          active: true,
        },
      });
      continue;
    }

    const earlierPerson = firstRowOfPerson.get(person.id);
    if (earlierPerson !== undefined) {
      refuse(employeeId ? "employeeId" : "email", "staffImport.reason.duplicatePerson", { first: earlierPerson });
      continue;
    }
    firstRowOfPerson.set(person.id, row);
    if (address !== person.email && !emailDomainAllowed(address, context.emailDomains)) {
      refuse("email", "staffImport.reason.emailDomain", { value: address });
      continue;
    }
    // NETWORK_ADMIN is no city file's to give or take: it is kept as it is.
    const current = importableRoles.filter((role) => person.roles.includes(role));
    const grant = roles.roles.filter((role) => !current.includes(role));
    const revoke = current.filter((role) => !roles.roles.includes(role));
    const active = status === "active";
    // The last admin's safety is the people page's (a conditional write): an import never
    // removes an administrator, nor deactivates one.
    if (revoke.includes("CITY_ADMIN") || (!active && person.active && person.roles.includes("CITY_ADMIN"))) {
      refuse(revoke.includes("CITY_ADMIN") ? "roles" : "status", "staffImport.reason.adminChange");
      continue;
    }
    const notHeld = [...grant, ...revoke].find((role) => !mayManageRole(context.actorRoles, role));
    if (notHeld) {
      refuse("roles", "staffImport.reason.roleNotHeld", { value: notHeld });
      continue;
    }
    const values: PersonValues = {
      name: name.data,
      email: address,
      locale: languageCell === "" && isLocale(person.locale) ? person.locale : locale,
      // An empty department or language cell leaves the person's as it is.
      departmentId: departmentId === undefined ? person.departmentId : departmentId,
      employeeId: employeeId ?? person.employeeId,
      roles: roles.roles,
      active,
    };
    const fields: ChangedField[] = [];
    if (values.name !== person.name) fields.push("name");
    if (values.email !== person.email) fields.push("email");
    if (values.departmentId !== person.departmentId) fields.push("department");
    if (!sameRoles(roles.roles, current)) fields.push("roles");
    if (values.locale !== person.locale) fields.push("language");
    if (values.employeeId !== person.employeeId) fields.push("employeeId");
    if (values.active !== person.active) fields.push("active");
    if (fields.length === 0) {
      plan.unchanged.push({ row, name: values.name, email: values.email });
      continue;
    }
    const planned: PlannedUpdate = { row, userId: person.id, expectedUpdatedAt: person.updatedAt, fields, values, grant, revoke };
    if (fields.includes("active") && !active) plan.deactivate.push(planned);
    else plan.update.push(planned);
  }
  return plan;
}

/** A key per planned write, for the digest that ties an apply to the dry run the admin saw. */
export function planFingerprint(plan: ImportPlan): string {
  return JSON.stringify([
    plan.create.map((item) => [item.row, item.values]),
    [...plan.update, ...plan.deactivate].map((item) => [
      item.row,
      item.userId,
      item.expectedUpdatedAt.getTime(),
      item.fields,
      item.values,
    ]),
    plan.refused.length,
  ]);
}

/** The message key naming a column, in the admin's language. */
export function columnLabelKey(column: ImportColumn): MessageKey {
  return `staffImport.column.${column}`;
}

/** The first header name of each column in a language, for the sample file. */
export const sampleHeaders: Record<Locale, Record<ImportColumn, string>> = {
  es: {
    name: "nombre",
    email: "correo",
    department: "departamento",
    roles: "roles",
    language: "idioma",
    employeeId: "número de empleado",
    status: "estado",
  },
  pt: {
    name: "nome",
    email: "e-mail",
    department: "departamento",
    roles: "papéis",
    language: "idioma",
    employeeId: "matrícula",
    status: "situação",
  },
  en: {
    name: "name",
    email: "email",
    department: "department",
    roles: "roles",
    language: "language",
    employeeId: "employee id",
    status: "status",
  },
};

/** What the page shows of a plan: the counts, the first rows of each kind, the refused rows (up to a cap). */
export function planSummary(plan: ImportPlan, options: { firstRows?: number; maxRefused?: number } = {}) {
  const first = options.firstRows ?? 20;
  const maxRefused = options.maxRefused ?? 1000;
  const updateRow = (item: PlannedUpdate) => ({
    row: item.row,
    name: item.values.name,
    email: item.values.email,
    fields: item.fields,
  });
  return {
    counts: {
      create: plan.create.length,
      update: plan.update.length,
      deactivate: plan.deactivate.length,
      unchanged: plan.unchanged.length,
      refused: plan.refused.length,
    },
    create: plan.create.slice(0, first).map((item) => ({ row: item.row, name: item.values.name, email: item.values.email })),
    update: plan.update.slice(0, first).map(updateRow),
    deactivate: plan.deactivate.slice(0, first).map(updateRow),
    refused: plan.refused.slice(0, maxRefused),
    moreRefused: Math.max(0, plan.refused.length - maxRefused),
  };
}

export type PlanSummary = ReturnType<typeof planSummary>;

/** The example path shown on the page: the city's first nested department, or its first one. */
export function examplePath(paths: readonly string[]): string {
  const nested = paths.find((path) => path.includes(DEPARTMENT_SEPARATOR)) ?? paths[0] ?? "Hacienda>Tributos";
  return nested.split(DEPARTMENT_SEPARATOR).join(` ${DEPARTMENT_SEPARATOR} `);
}
