import { describe, expect, it } from "vitest";
import { auditFiltersToSearch, decodeCursor, encodeCursor, parseAuditFilters } from "./audit-filters.ts";
import { summariseDetails } from "./details.ts";

const parse = (query: string) => parseAuditFilters(new URLSearchParams(query));

describe("the audit log's URL filters", () => {
  it("reads actor, action, dates and the page cursor, and ignores empty fields", () => {
    const cursor = { createdAt: new Date("2026-11-30T10:00:00.123Z"), id: "cmabc123" };
    const parsed = parse(`actor=ana&action=certificate.revoke&from=2026-11-01&to=2026-11-30&after=${encodeCursor(cursor)}&x=`);
    expect(parsed).toEqual({
      ok: true,
      filters: { actor: "ana", action: "certificate.revoke", from: "2026-11-01", to: "2026-11-30", after: cursor },
    });
    expect(parse("actor=&action=&from=")).toEqual({ ok: true, filters: {} });
  });

  it("refuses each bad value with its message", () => {
    expect(parse("action=drop.tables")).toEqual({
      ok: false,
      problems: [{ field: "action", message: "audit.filter.unknownAction" }],
    });
    expect(parse("from=2026-02-30")).toEqual({ ok: false, problems: [{ field: "from", message: "audit.filter.badDate" }] });
    expect(parse("after=yesterday")).toEqual({ ok: false, problems: [{ field: "after", message: "audit.filter.badPage" }] });
    expect(parse(`actor=${"a".repeat(101)}`)).toEqual({
      ok: false,
      problems: [{ field: "actor", message: "audit.filter.actorTooLong" }],
    });
    expect(parse("from=2026-12-01&to=2026-11-01")).toEqual({
      ok: false,
      problems: [{ field: "to", message: "audit.filter.toBeforeFrom" }],
    });
  });

  it("writes the filters back as a query string, the cursor only when asked", () => {
    const filters = { actor: "Ana Pérez", action: "admin.create" as const, from: "2026-01-01" };
    expect(auditFiltersToSearch(filters)).toBe("?actor=Ana+P%C3%A9rez&action=admin.create&from=2026-01-01");
    expect(auditFiltersToSearch({})).toBe("");
    const cursor = { createdAt: new Date(1_700_000_000_000), id: "abc" };
    expect(auditFiltersToSearch({}, cursor)).toBe("?after=1700000000000.abc");
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("1.a b")).toBeNull();
  });
});

describe("an entry's details as a line", () => {
  it("names each field with its value, lists joined", () => {
    expect(summariseDetails('{"role":"CITY_ADMIN","rows":12}')).toBe("role: CITY_ADMIN · rows: 12");
    expect(summariseDetails('{"list":"people","filters":{"q":"ana","page":null},"domains":["a.es","b.es"]}')).toBe(
      "list: people · filters: q ana · domains: a.es, b.es",
    );
    expect(summariseDetails("{}")).toBe("");
    expect(summariseDetails("not json")).toBe("not json");
  });
});
