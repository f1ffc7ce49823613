/**
 * Hostile input, by property: every route with an action (read from the build's manifest) is
 * posted generated forms — missing, unknown and repeated fields, empty, very long, unicode,
 * control and bidi characters, numbers for text, near-valid values built from the route's real
 * fields — over HTTP, as an anonymous visitor and signed in, in each language. For every input:
 * no 5xx; a refusal page says why in the request's language, and no other; and a refused post
 * saves nothing (the row count of every table is unchanged).
 *
 * Field names come from the forms the pages show (harvested below); the two tables here name
 * only what no page shows in the test's state, so they are the place to update after a change.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { htmlLang, locales, type Locale } from "~/i18n/locales.ts";
import { LOCALE_COOKIE, negotiateLocale } from "~/i18n/negotiate.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { attribute, elements, parseHtml, postForms, textChunks, type HtmlElement } from "../support/html.ts";
import { languagesOf, messageKeysOf } from "../support/messages.ts";
import { rowCounts } from "../support/row-counts.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

/** Fields of forms that no page shows in this test's state (an open quiz attempt, an invitation, the test clock). */
const fieldsNoPageShows: Record<string, string[]> = {
  "routes/quiz.$attempt": ["step", "intent", "questionKey", "index", "option"],
  "routes/quiz.$attempt.events": ["step", "intent", "questionKey", "index", "option"],
  "routes/signup": ["invitation"],
  "routes/test-clock": ["offsetMinutes"],
};

/** Tables left out of the row counts, and why. */
const notCounted: Record<string, string> = {
  Throttle: "counts attempts, refused ones included: that is what it is for",
  Session: "the test signs in for every request, and logging out ends sessions whatever the form says",
};

const SEED = 20_260_915;
// 30 cases per route (about 1 500 posts per database) keep the test command within its budget;
// the seed is fixed, so a failure found once is found again.
const RUNS_PER_ROUTE = 30;

type Persona = "anonymous" | "learner" | "cityAdmin";
const personas: readonly Persona[] = ["anonymous", "learner", "cityAdmin"];

// The routes come from the build (read here, so that each gets its own test).
const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;

function fullPath(routeId: string): string {
  const route = build.routes[routeId];
  if (!route || route.id === "root") return "";
  const parent = route.parentId ? fullPath(route.parentId) : "";
  return route.path ? `${parent}/${route.path}` : parent;
}

/** Route id → the manifest's full path pattern, for routes with an action. */
const actionRoutes = new Map(
  Object.entries(build.routes)
    .filter(([, route]) => route.module.action)
    .map(([id]) => [id, fullPath(id) || "/"]),
);

let server: TestServer;
const users = new Map<string, TestUser>();
const userKey = (persona: Persona, locale: Locale) => `${persona}:${locale}`;
/** Route id → field names and values its pages' forms post. */
const harvested = new Map<string, { names: Set<string>; values: Set<string> }>();
const allNames = new Set<string>();
const allValues = new Set<string>();
/** Real values for path parameters, by parameter name (a course that exists, a lesson of it...). */
const sampleParams: Record<string, string> = {};

function routeMatching(pathname: string): string | null {
  for (const [id, pattern] of actionRoutes) {
    const source = pattern.replace(/:[^/]+/g, "[^/]+").replace("*", ".*");
    if (new RegExp(`^${source}/?$`).test(pathname)) return id;
  }
  return null;
}

function samplePath(pattern: string): string {
  return (
    pattern.replace(/:([^/]+)/g, (_, name: string) => sampleParams[name] ?? "no-such-thing").replace("*", "no/such/page") || "/"
  );
}

// ---------- generators ----------

const controlAndBidi = [
  "\u0000",
  "\u0007",
  "\u0008",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u200b",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u2028",
  "\ufeff",
  "\ufffe",
];
const awkward = [
  "\r\n",
  "\t",
  "%",
  "%00",
  "%zz",
  "&",
  "=",
  "+",
  "<",
  ">",
  '"',
  "'",
  "\\",
  "/",
  "..",
  "😀",
  "İ",
  "ß",
  "ﬃ",
  "e\u0301",
  "\ud800",
];
const hostileChar = fc.constantFrom(...controlAndBidi, ...awkward);

const hostileText = fc.oneof(
  fc.constant(""),
  fc.constantFrom(" ", "   ", "\n"),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.array(hostileChar, { minLength: 1, maxLength: 12 }).map((chars) => chars.join("")),
  fc.integer().map(String),
  fc.constantFrom("0", "-1", "1e308", "NaN", "Infinity", "-0", "0x10", "9007199254740993", "1.5"),
  fc.constantFrom("true", "false", "null", "undefined", "[]", "{}", "on", "__proto__", "constructor", "toString"),
  fc
    .tuple(fc.constantFrom("a", "é", "😀", "<", "\u202e"), fc.integer({ min: 121, max: 20_000 }))
    .map(([unit, times]) => unit.repeat(times)),
);

/** A real value with a small twist: padded, a hostile character inserted, case changed, cut, doubled. */
const nearValid = (real: string) =>
  fc.oneof(
    fc.constant(real),
    hostileChar.map((char) => `${char}${real}`),
    hostileChar.map((char) => `${real}${char}`),
    fc
      .tuple(hostileChar, fc.nat())
      .map(([char, at]) => real.slice(0, at % (real.length + 1)) + char + real.slice(at % (real.length + 1))),
    fc.constant(` ${real} `),
    fc.constant(real.toUpperCase()),
    fc.constant(real.slice(0, Math.floor(real.length / 2))),
    fc.constant(`${real}${real}`),
  );

function valueFor(values: string[]) {
  return values.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...values).chain(nearValid), weight: 3 }, { arbitrary: hostileText, weight: 2 })
    : hostileText;
}

function formArbitrary(routeId: string) {
  const own = harvested.get(routeId);
  const names = [...new Set([...(own?.names ?? []), ...(fieldsNoPageShows[routeId] ?? [])])];
  const ownValues = [...(own?.values ?? [])];
  const fieldName = fc.oneof(
    { arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constantFrom(...allNames), weight: 6 },
    { arbitrary: fc.constantFrom(...allNames), weight: 1 },
    { arbitrary: hostileText.filter((name) => name.length < 200), weight: 1 },
  );
  const value = valueFor([...ownValues, ...allValues]);
  // Every field of the route once (near-valid), then some removed, some added, some repeated.
  const complete = fc.tuple(...names.map((name) => valueFor(ownValues).map((v): [string, string] => [name, v])));
  return fc
    .tuple(
      names.length > 0 ? complete : fc.constant([] as Array<[string, string]>),
      fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
      fc.array(fc.tuple(fieldName, value), { maxLength: 6 }),
    )
    .map(([all, keep, extra]) => [...all.filter((_, index) => keep[index]), ...extra]);
}

type Body = { kind: "urlencoded" | "multipart" | "json" | "text" | "oversized"; entries: Array<[string, string]> };

function bodyArbitrary(routeId: string) {
  return fc
    .tuple(
      fc.constantFrom<Body["kind"]>(...Array<Body["kind"]>(8).fill("urlencoded"), "multipart", "json", "text", "oversized"),
      formArbitrary(routeId),
    )
    .map(([kind, entries]): Body => ({ kind, entries }));
}

/** How the request says its language: the switcher's cookie and the browser's header, each maybe absent or odd. */
const languageSignals = fc.record({
  cookie: fc.option(fc.oneof(fc.constantFrom(...locales), fc.constantFrom("fr", "ES", "pt-BR", "")), { nil: undefined }),
  acceptLanguage: fc.option(
    fc.oneof(
      fc.constantFrom(...locales).map((locale) => `${htmlLang[locale]},${locale};q=0.9`),
      fc.constantFrom("fr-FR,fr;q=0.9", "*", "de;q=0", "en;q=abc, pt;q=0.5", ";;,,"),
    ),
    { nil: undefined },
  ),
});

/** A lone surrogate cannot be put in a URL; it becomes U+FFFD, as a browser sends it. */
const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

const pathParam = (name: string) =>
  fc.oneof(
    { arbitrary: fc.constant(sampleParams[name] ?? "x"), weight: 2 },
    { arbitrary: hostileText.filter((text) => text.length > 0 && text.length < 300), weight: 1 },
  );

function pathArbitrary(pattern: string) {
  const parts = pattern.split("/").filter(Boolean);
  return (
    fc
      .tuple(
        ...parts.map((part) =>
          part.startsWith(":")
            ? pathParam(part.slice(1))
            : part === "*"
              ? hostileText.filter((text) => text.length > 0 && text.length < 300)
              : fc.constant(part),
        ),
      )
      // Dots would be resolved away by the URL parser, sending the post to another route.
      .map((segments) => `/${segments.map((segment) => encodeURIComponent(wellFormed(segment)).replace(/\./g, "%2E")).join("/")}`)
  );
}

// ---------- the request and what it must answer ----------

interface Case {
  persona: Persona;
  locale: Locale;
  signals: { cookie?: string; acceptLanguage?: string };
  path: string;
  body: Body;
}

async function post(testCase: Case): Promise<Response> {
  const headers = new Headers({ Origin: server.origin });
  const cookies: string[] = [];
  if (testCase.signals.cookie !== undefined) cookies.push(`${LOCALE_COOKIE}=${testCase.signals.cookie}`);
  if (testCase.persona !== "anonymous") {
    const user = users.get(userKey(testCase.persona, testCase.locale))!;
    // An earlier post may have changed the account's language or name; each case starts from its own.
    await db().user.update({ where: { id: user.id }, data: { locale: testCase.locale, name: user.name } });
    cookies.push(await sessionCookie(user.id));
  }
  if (cookies.length > 0) headers.set("Cookie", cookies.join("; "));
  if (testCase.signals.acceptLanguage !== undefined) headers.set("Accept-Language", testCase.signals.acceptLanguage);
  const { kind, entries } = testCase.body;
  let body: BodyInit;
  if (kind === "multipart") {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    body = form;
  } else if (kind === "json") {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(Object.fromEntries(entries));
  } else if (kind === "text") {
    headers.set("Content-Type", "multipart/form-data");
    body = entries.map(([name, value]) => `${name}:${value}`).join("\n");
  } else {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    const params = new URLSearchParams(entries);
    if (kind === "oversized") params.append("padding", "x".repeat(1024 * 1024));
    body = params.toString();
  }
  return fetch(`${server.origin}${testCase.path}`, { method: "POST", headers, body, redirect: "manual" });
}

function expectedLocale(testCase: Case, userSeen: boolean): Locale {
  return negotiateLocale({
    userLocale: userSeen && testCase.persona !== "anonymous" ? testCase.locale : null,
    cookieLocale: testCase.signals.cookie ?? null,
    acceptLanguage: testCase.signals.acceptLanguage ?? null,
    cityLocale: userSeen && testCase.persona !== "anonymous" ? "es" : null,
  });
}

/** Where a page says what went wrong: alerts and statuses, the messages next to fields, the error page. */
function refusalRegions(document: HtmlElement): HtmlElement[] {
  return [...elements(document)].filter((element) => {
    const role = attribute(element, "role");
    return (
      role === "alert" ||
      role === "status" ||
      /-error$/.test(attribute(element, "id") ?? "") ||
      attribute(element, "aria-labelledby") === "error-title"
    );
  });
}

function checkRefusalPage(html: string, locale: Locale): void {
  const document = parseHtml(html);
  const root = [...elements(document)].find((element) => element.tag === "html");
  expect(root && attribute(root, "lang"), "the page's language").toBe(htmlLang[locale]);
  const regions = refusalRegions(document);
  const said = regions.flatMap(textChunks);
  expect(
    said.some((text) => messageKeysOf(text, locale).length > 0),
    `a refusal says why, in "${locale}": ${JSON.stringify(said)}`,
  ).toBe(true);
  for (const element of regions.filter((region) => /-error$/.test(attribute(region, "id") ?? ""))) {
    for (const text of textChunks(element))
      expect(messageKeysOf(text, locale), `field message "${text}" in "${locale}"`).not.toEqual([]);
  }
  const foreign = textChunks(document).filter((text) => {
    const languages = languagesOf(text);
    return languages.length > 0 && !languages.includes(locale);
  });
  expect(foreign, `texts of another language on a "${locale}" page`).toEqual([]);
}

const isRefusal = (response: Response) =>
  response.status >= 400 || (response.status >= 300 && (response.headers.get("Location") ?? "").startsWith("/login"));

async function checkCase(testCase: Case): Promise<void> {
  const before = await rowCounts(Object.keys(notCounted));
  const response = await post(testCase);
  const text = await response.text();
  const where = `${testCase.persona} (${testCase.locale}) POST ${testCase.path} [${testCase.body.kind}] → ${response.status}`;
  expect(response.status, `${where}: ${text.slice(0, 500)}`).toBeLessThan(500);
  if (!isRefusal(response)) return;
  expect(await rowCounts(Object.keys(notCounted)), `${where}: a refused post saves nothing`).toEqual(before);
  if (response.status < 400) return;
  const type = response.headers.get("Content-Type") ?? "";
  if (type.startsWith("text/html")) checkRefusalPage(text, expectedLocale(testCase, true));
  else if (type.startsWith("text/plain")) {
    // Refused before the app runs: in the visitor's language, without looking up who they are.
    const locale = expectedLocale(testCase, false);
    expect(messageKeysOf(text, locale), `${where}: "${text}" in "${locale}"`).not.toEqual([]);
  } else if (text !== "") {
    // Answers to the page's script are JSON; the page shows its own message.
    expect(type, `${where}: ${text.slice(0, 200)}`).toMatch(/^application\/json/);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  for (const locale of locales) {
    users.set(userKey("learner", locale), await createUser({ locale, name: `Aprendiz ${locale}` }));
    users.set(userKey("cityAdmin", locale), await createUser({ locale, roles: ["CITY_ADMIN"], name: `Admin ${locale}` }));
  }
  const course = await db().course.findFirstOrThrow({
    where: { currentVersion: { isNot: null } },
    orderBy: { key: "asc" },
    select: {
      key: true,
      currentVersion: { select: { lessons: { select: { key: true }, orderBy: { position: "asc" }, take: 1 } } },
    },
  });
  Object.assign(sampleParams, {
    key: course.key,
    course: course.key,
    lesson: course.currentVersion?.lessons[0]?.key ?? "no-such-lesson",
    token: "not-a-token",
    attempt: "no-such-attempt",
  });

  // The forms every page shows, to every persona, filed under the route they post to.
  const pages = Object.keys(build.routes)
    .filter((id) => id !== "root")
    .map((id) => samplePath(fullPath(id)));
  for (const persona of personas) {
    const user = users.get(userKey(persona, "es"));
    for (const page of pages) {
      const response = await server.request(page, { cookie: user ? await sessionCookie(user.id) : undefined });
      if (!(response.headers.get("Content-Type") ?? "").startsWith("text/html")) continue;
      for (const form of postForms(parseHtml(await response.text()))) {
        const target = routeMatching(new URL(form.action ?? page, server.origin).pathname);
        if (!target) continue;
        const entry = harvested.get(target) ?? { names: new Set<string>(), values: new Set<string>() };
        harvested.set(target, entry);
        for (const field of form.fields) {
          entry.names.add(field.name);
          allNames.add(field.name);
          for (const value of [field.value, ...field.options].filter(Boolean)) {
            entry.values.add(value);
            allValues.add(value);
          }
        }
      }
    }
  }
  for (const user of users.values()) allValues.add(user.email);
  for (const names of Object.values(fieldsNoPageShows)) for (const name of names) allNames.add(name);
}, 120_000);

afterAll(async () => {
  await server.close();
});

describe("hostile input to every action", () => {
  it("finds the forms of the pages (the harness is not testing nothing)", () => {
    expect(actionRoutes.size).toBeGreaterThan(10);
    for (const route of ["routes/login", "routes/signup", "routes/profile", "routes/language", "routes/admin.invitations"]) {
      expect(harvested.get(route)?.names.size, route).toBeGreaterThan(0);
    }
  });

  for (const [routeId, pattern] of actionRoutes) {
    it(`${routeId}: no 5xx, a refusal in the request's language, nothing saved`, async () => {
      const cases = fc.record({
        persona: fc.constantFrom(...personas),
        locale: fc.constantFrom(...locales),
        signals: languageSignals,
        path: pathArbitrary(pattern),
        body: bodyArbitrary(routeId),
      });
      await fc.assert(
        fc.asyncProperty(cases, (testCase) => checkCase(testCase)),
        { seed: SEED, numRuns: RUNS_PER_ROUTE },
      );
    }, 120_000);
  }
});
