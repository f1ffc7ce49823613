import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { decodeCsv, readCsvRows, sampleFile } from "./staff-import-csv.ts";
import {
  departmentPaths,
  IMPORT_MAX_ROWS,
  planImport,
  type CsvRow,
  type ExistingPerson,
  type PlanContext,
} from "./staff-import.ts";

const departments = [
  { id: "d-hac", parentId: null, name: "Hacienda", archivedAt: null },
  { id: "d-tri", parentId: "d-hac", name: "Tributos", archivedAt: null },
  { id: "d-old", parentId: null, name: "Antiguo", archivedAt: new Date("2026-01-01") },
  { id: "d-old-child", parentId: "d-old", name: "Hijo", archivedAt: null },
];

function person(overrides: Partial<ExistingPerson> = {}): ExistingPerson {
  return {
    id: "u-1",
    cityId: "madrid",
    email: "ana@madrid.es",
    name: "Ana Pérez",
    locale: "es",
    departmentId: "d-tri",
    employeeId: "E1",
    active: true,
    roles: [],
    updatedAt: new Date("2026-11-01T10:00:00Z"),
    ...overrides,
  };
}

function context(people: ExistingPerson[] = [], overrides: Partial<PlanContext> = {}): PlanContext {
  return {
    cityId: "madrid",
    defaultLocale: "es",
    emailDomains: ["madrid.es"],
    actorRoles: ["CITY_ADMIN", "TRAINER"],
    departmentsByPath: departmentPaths(departments),
    peopleByEmail: new Map(people.map((p) => [p.email, p])),
    peopleByEmployeeId: new Map(people.filter((p) => p.employeeId && p.cityId === "madrid").map((p) => [p.employeeId!, p])),
    ...overrides,
  };
}

const header = "name,email,department,roles,language,employee id,status";

function rowsOf(...lines: string[]): CsvRow[] {
  const read = readCsvRows([header, ...lines].join("\n"));
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.rows;
}

describe("reading the file", () => {
  it("refuses a Latin-1 file as not UTF-8, and drops a UTF-8 byte-order mark", () => {
    const latin1 = new Uint8Array([...Buffer.from("name,email\nPe"), 0xf1, ...Buffer.from("a,a@madrid.es\n")]);
    expect(decodeCsv(latin1)).toEqual({ ok: false, problem: { reason: "staffImport.file.encoding" } });
    const withBom = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("nombre;correo")]));
    expect(withBom).toEqual({ ok: true, text: "nombre;correo" });
  });

  it("accepts headers in Spanish, Portuguese and English, with ';' or ',' between cells", () => {
    const es = readCsvRows(
      "Nombre;Correo electrónico;Departamento;Roles;Idioma;Número de empleado;Estado\nAna;a@madrid.es;Hacienda;;es;E1;baja",
    );
    expect(es.ok && es.rows[0]).toEqual({
      row: 2,
      cells: {
        name: "Ana",
        email: "a@madrid.es",
        department: "Hacienda",
        roles: "",
        language: "es",
        employeeId: "E1",
        status: "baja",
      },
    });
    const pt = readCsvRows("nome,e-mail,departamento,papéis,idioma,matrícula,situação\nJoão,j@sp.gov.br,Saúde,HR,pt,,ativo");
    expect(pt.ok && pt.rows[0]!.cells.roles).toBe("HR");
  });

  it("refuses a missing header line, a missing column, an unknown or repeated column", () => {
    expect(readCsvRows("Ana,ana@madrid.es,Hacienda,,es")).toEqual({
      ok: false,
      problem: { reason: "staffImport.file.noHeader" },
    });
    expect(readCsvRows("name,email,department,roles\nAna,a@madrid.es,,")).toEqual({
      ok: false,
      problem: { reason: "staffImport.file.missingColumn", column: "language" },
    });
    expect(readCsvRows("name,email,department,roles,language,salary")).toEqual({
      ok: false,
      problem: { reason: "staffImport.file.unknownColumn", header: "salary" },
    });
    expect(readCsvRows("name,email,correo,department,roles,language")).toEqual({
      ok: false,
      problem: { reason: "staffImport.file.duplicateColumn", column: "email" },
    });
    expect(readCsvRows("")).toEqual({ ok: false, problem: { reason: "staffImport.file.empty" } });
  });

  it("refuses broken quoting with its line, and more rows than the limit", () => {
    const broken = readCsvRows(`${header}\nAna,a@madrid.es,,,es,,\n"Luis,l@madrid.es,,,es,,\n`);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problem.reason).toBe("staffImport.file.malformed");
    const many = [header, ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `P,p${i}@madrid.es,,,es,,`)].join("\n");
    expect(readCsvRows(many)).toEqual({ ok: false, problem: { reason: "staffImport.file.tooManyRows", max: IMPORT_MAX_ROWS } });
  });

  it("writes a sample file that reads back without a problem", () => {
    for (const locale of ["es", "pt", "en"] as const) {
      const text = sampleFile(locale, ["Hacienda>Tributos", "Hacienda"], "madrid.es");
      const read = readCsvRows(text.replace(/^\uFEFF/, ""));
      expect(read.ok).toBe(true);
      const plan = planImport(read.ok ? read.rows : [], context());
      expect(plan.refused).toEqual([]);
      expect(plan.create.map((c) => c.values.departmentId)).toEqual(["d-tri", "d-hac"]);
    }
  });
});

describe("departments by path", () => {
  it("keys active departments by their names from the root, leaving archived ones and their subtrees out", () => {
    expect([...departmentPaths(departments).entries()]).toEqual([
      ["Hacienda", "d-hac"],
      ["Hacienda>Tributos", "d-tri"],
    ]);
  });
});

describe("planning", () => {
  it("creates new people with the city's language by default and the file's department and roles", () => {
    const plan = planImport(rowsOf("Luis Gómez,Luis@Madrid.es, Hacienda >  Tributos ,TRAINER,,,"), context());
    expect(plan.create).toEqual([
      {
        row: 2,
        values: {
          name: "Luis Gómez",
          email: "luis@madrid.es",
          locale: "es",
          departmentId: "d-tri",
          employeeId: null,
          roles: ["TRAINER"],
          active: true,
        },
      },
    ]);
  });

  it("matches on the employee id first, then on the email", () => {
    const ana = person();
    const byId = planImport(rowsOf("Ana Pérez,ana.nueva@madrid.es,Hacienda>Tributos,,es,E1,"), context([ana]));
    expect(byId.update).toMatchObject([{ userId: "u-1", fields: ["email"] }]);
    const byEmail = planImport(rowsOf("Ana Pérez,ana@madrid.es,Hacienda>Tributos,,es,,"), context([ana]));
    expect(byEmail.unchanged).toHaveLength(1);
    const setsId = planImport(
      rowsOf("Ana Pérez,ana@madrid.es,Hacienda>Tributos,,es,E9,"),
      context([person({ employeeId: null })]),
    );
    expect(setsId.update).toMatchObject([{ userId: "u-1", fields: ["employeeId"], values: { employeeId: "E9" } }]);
  });

  it("lists which fields change, and leaves an empty department or language as it is", () => {
    const plan = planImport(rowsOf("Ana María Pérez,ana@madrid.es,,TRAINER,,E1,"), context([person()]));
    expect(plan.update).toMatchObject([
      { fields: ["name", "roles"], grant: ["TRAINER"], revoke: [], values: { departmentId: "d-tri", locale: "es" } },
    ]);
    const moved = planImport(rowsOf("Ana Pérez,ana@madrid.es,Hacienda,,pt,E1,"), context([person()]));
    expect(moved.update).toMatchObject([{ fields: ["department", "language"] }]);
  });

  it("deactivates a person who left, reactivates one back, and ignores a leaver who has no account", () => {
    const left = planImport(rowsOf("Ana Pérez,ana@madrid.es,,,,E1,baja"), context([person()]));
    expect(left.deactivate).toMatchObject([{ userId: "u-1", fields: ["active"] }]);
    const back = planImport(rowsOf("Ana Pérez,ana@madrid.es,,,,E1,active"), context([person({ active: false })]));
    expect(back.update).toMatchObject([{ fields: ["active"], values: { active: true } }]);
    const stranger = planImport(rowsOf("Nadie Nuevo,nadie@madrid.es,,,,,left"), context());
    expect(stranger).toMatchObject({ create: [], unchanged: [{ row: 2 }] });
  });

  it("finds an unchanged file unchanged (re-applying writes nothing)", () => {
    const plan = planImport(rowsOf("Ana Pérez,ana@madrid.es,Hacienda>Tributos,,es,E1,activo"), context([person()]));
    expect(plan).toMatchObject({ create: [], update: [], deactivate: [], refused: [] });
    expect(plan.unchanged).toHaveLength(1);
  });

  const refusals: Array<[string, string, ExistingPerson[], string, string]> = [
    ["an empty name", ",x@madrid.es,,,,,", [], "name", "staffImport.reason.required"],
    ["a name with digits", "Ana 2,x@madrid.es,,,,,", [], "name", "staffImport.reason.name"],
    ["an empty email", "Ana Pérez,,,,,,", [], "email", "staffImport.reason.required"],
    ["a malformed email", "Ana Pérez,not-an-email,,,,,", [], "email", "staffImport.reason.email"],
    ["an email outside the city's domains", "Ana Pérez,ana@gmail.com,,,,,", [], "email", "staffImport.reason.emailDomain"],
    [
      "an unknown department path",
      "Ana Pérez,x@madrid.es,Hacienda>Tributo,,,,",
      [],
      "department",
      "staffImport.reason.department",
    ],
    ["an archived department", "Ana Pérez,x@madrid.es,Antiguo>Hijo,,,,", [], "department", "staffImport.reason.department"],
    ["an unknown role", "Ana Pérez,x@madrid.es,,TRAINER;BOSS,,,", [], "roles", "staffImport.reason.role"],
    ["the network role", "Ana Pérez,x@madrid.es,,NETWORK_ADMIN,,,", [], "roles", "staffImport.reason.role"],
    ["an unknown language", "Ana Pérez,x@madrid.es,,,fr,,", [], "language", "staffImport.reason.language"],
    ["an unknown status", "Ana Pérez,x@madrid.es,,,,,maybe", [], "status", "staffImport.reason.status"],
    [
      "an employee id too long",
      `Ana Pérez,x@madrid.es,,,,${"9".repeat(65)},`,
      [],
      "employeeId",
      "staffImport.reason.employeeIdLength",
    ],
    [
      "an email of another city",
      "Ana Pérez,ana@madrid.es,,,,,",
      [person({ cityId: "sao-paulo", employeeId: null })],
      "email",
      "staffImport.reason.emailTaken",
    ],
    [
      "an email already someone else's (matched by id)",
      "Ana Pérez,bea@madrid.es,,,,E1,",
      [person(), person({ id: "u-2", email: "bea@madrid.es", employeeId: "E2" })],
      "email",
      "staffImport.reason.emailTaken",
    ],
    [
      "an email of a person with another employee id",
      "Ana Pérez,ana@madrid.es,,,,E7,",
      [person()],
      "employeeId",
      "staffImport.reason.employeeIdMismatch",
    ],
    [
      "removing a city admin",
      "Ana Pérez,ana@madrid.es,,,,E1,",
      [person({ roles: ["CITY_ADMIN"] })],
      "roles",
      "staffImport.reason.adminChange",
    ],
    [
      "deactivating a city admin",
      "Ana Pérez,ana@madrid.es,,CITY_ADMIN,,E1,left",
      [person({ roles: ["CITY_ADMIN"] })],
      "status",
      "staffImport.reason.adminChange",
    ],
  ];
  it.each(refusals)("refuses %s, naming the row and column", (_what, line, people, column, reason) => {
    const plan = planImport(rowsOf("Otra Persona,otra@madrid.es,,,,,", line), context(people));
    expect(plan.refused).toMatchObject([{ row: 3, column, reason }]);
    expect(plan.create.map((c) => c.row)).toEqual([2]);
  });

  it("refuses a repeated email, employee id or person, naming the first row", () => {
    const plan = planImport(
      rowsOf(
        "Ana Pérez,ana@madrid.es,,,,E1,",
        "Ana Dos,ANA@madrid.es,,,,,",
        "Bea Ruiz,bea@madrid.es,,,,E1,",
        "Ana Tres,ana.tres@madrid.es,,,,E1b,",
        "Ana Cuatro,ana@madrid.es,,,,E1c,",
      ),
      context([person(), person({ id: "u-3", email: "ana.tres@madrid.es", employeeId: null })]),
    );
    expect(plan.refused).toEqual([
      { row: 3, column: "email", reason: "staffImport.reason.duplicateEmail", params: { first: 2 } },
      { row: 4, column: "employeeId", reason: "staffImport.reason.duplicateEmployeeId", params: { first: 2 } },
      { row: 6, column: "email", reason: "staffImport.reason.duplicateEmail", params: { first: 2 } },
    ]);
    const samePerson = planImport(
      rowsOf("Ana Pérez,ana.nueva@madrid.es,,,,E1,", "Ana Pérez,ana@madrid.es,,,,,"),
      context([person()]),
    );
    expect(samePerson.refused).toEqual([
      { row: 3, column: "email", reason: "staffImport.reason.duplicatePerson", params: { first: 2 } },
    ]);
  });

  it("lets a city admin give trainer and HR roles by file, as on the people page", () => {
    const plan = planImport(rowsOf("Ana Pérez,x@madrid.es,,TRAINER;HR,,,"), context([], { actorRoles: ["CITY_ADMIN"] }));
    expect(plan.refused).toEqual([]);
    expect(plan.create[0]!.values.roles).toEqual(["TRAINER", "HR"]);
  });

  it("keeps a person's network role out of the comparison", () => {
    const plan = planImport(rowsOf("Ana Pérez,ana@madrid.es,,,,E1,"), context([person({ roles: ["NETWORK_ADMIN"] })]));
    expect(plan.unchanged).toHaveLength(1);
  });

  it("reads quoted cells with the separator inside them", () => {
    const rows: string[][] = parse(`${header}\n"Pérez, Ana",a@madrid.es,,"TRAINER;HR",,,`);
    expect(rows[1]?.[0]).toBe("Pérez, Ana");
    const plan = planImport(rowsOf(`Ana Pérez,a@madrid.es,,"TRAINER;CITY_ADMIN",,,`), context());
    expect(plan.create[0]!.values.roles).toEqual(["TRAINER", "CITY_ADMIN"]);
  });
});
