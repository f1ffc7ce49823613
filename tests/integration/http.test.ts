import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { createUser, sessionCookie, TEST_PASSWORD } from "../support/factories.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("security headers", () => {
  it("sends a nonce-based CSP without unsafe-inline scripts, and the basic headers", async () => {
    const response = await server.request("/login");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await server.request("/login");
    expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
  });

  it("refuses a state-changing request from a foreign origin", async () => {
    const response = await server.request("/login", {
      form: { email: "a@madrid.example", password: "x" },
      headers: { Origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });

  it("explains a refusal in the visitor's language", async () => {
    const response = await server.request("/login", {
      form: { email: "a@madrid.example", password: "x" },
      headers: { Origin: "https://evil.example", "Accept-Language": "pt-BR" },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("não vem de uma página do Aula IA");
    const tooLarge = await server.request("/login", {
      form: { email: "a@madrid.example", password: "x".repeat(1_100_000) },
      cookie: "aula_lang=en",
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain("larger than allowed");
  });

  it("behind a proxy, counts attempts against the address the proxy saw, not one the client wrote", async () => {
    const proxied = await startTestServer({ trustProxy: true });
    try {
      const { db } = await import("~/db.server.ts");
      await proxied.request("/login", {
        form: { email: "nadie@madrid.example", password: "una contraseña" },
        headers: { "X-Forwarded-For": "198.51.100.7, 203.0.113.9" },
      });
      expect(await db().throttle.count({ where: { key: "login:ip:203.0.113.9" } })).toBe(1);
      expect(await db().throttle.count({ where: { key: "login:ip:198.51.100.7" } })).toBe(0);
    } finally {
      await proxied.close();
    }
  });

  it("refuses an oversized body", async () => {
    const response = await server.request("/login", { form: { email: "a@madrid.example", password: "x".repeat(1_100_000) } });
    expect(response.status).toBe(413);
  });

  it("keeps a kept-alive connection usable after a post whose body was not read (an ignored form, a refusal)", async () => {
    // One socket, reused: a browser sends its next request on the same connection.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, pathname: string, body = "") =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${server.origin}${pathname}`, {
          agent,
          method,
          timeout: 3_000,
          headers: {
            Origin: server.origin,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
          },
        });
        request.on("response", (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        });
        request.on("timeout", () => request.destroy(new Error(`${method} ${pathname} hung`)));
        request.on("error", reject);
        request.end(body);
      });
    try {
      for (const [pathname, size] of [
        ["/logout", 64_000],
        ["/no/such/page", 200_000],
        ["/login", 1_100_000],
      ] as const) {
        expect(await send("POST", pathname, `a=${"x".repeat(size)}`)).toBeLessThan(500);
        expect(await send("GET", "/privacy")).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, Secure only over HTTPS, and a new one at each login", async () => {
    const user = await createUser();
    const login = () => server.request("/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/" } });
    const first = await login();
    expect(first.status).toBe(302);
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/aula_session=[^;]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const second = await login();
    expect(second.headers.get("set-cookie")?.match(/aula_session=([^;]+)/)?.[1]).not.toBe(
      cookie.match(/aula_session=([^;]+)/)?.[1],
    );
  });
});

describe("languages and errors", () => {
  it("answers in the browser's language, then the switcher's cookie", async () => {
    const portuguese = await (await server.request("/login", { headers: { "Accept-Language": "pt-BR,pt;q=0.9" } })).text();
    expect(portuguese).toContain('lang="pt-BR"');
    expect(portuguese).toContain("Entrar");
    const english = await (
      await server.request("/login", { headers: { "Accept-Language": "pt-BR", Cookie: "aula_lang=en" } })
    ).text();
    expect(english).toContain('lang="en"');
    expect(english).toContain("Log in");
  });

  it("uses the signed-in user's own language over the cookie", async () => {
    const user = await createUser({ locale: "pt" });
    const html = await (await server.request("/profile", { cookie: `${await sessionCookie(user.id)}; aula_lang=en` })).text();
    expect(html).toContain('lang="pt-BR"');
  });

  it("shows a friendly 404 in the user's language, never a stack trace", async () => {
    const response = await server.request("/no-such-page", { headers: { "Accept-Language": "en" } });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Page not found");
    expect(html).not.toMatch(/at \w+ \(|node_modules/);
  });

  it("answers a malformed form post with a clear 400", async () => {
    const response = await server.request("/login", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x", Origin: server.origin },
      body: "garbage",
    });
    expect(response.status).toBe(400);
  });

  it("gives the same answer to the reset form whether or not the account exists", async () => {
    const user = await createUser();
    const known = await (
      await server.request("/forgot-password", { form: { email: user.email }, headers: { "Accept-Language": "es" } })
    ).text();
    const unknown = await (
      await server.request("/forgot-password", { form: { email: "nadie@madrid.example" }, headers: { "Accept-Language": "es" } })
    ).text();
    const message = "Si el correo corresponde a una cuenta";
    expect(known).toContain(message);
    expect(unknown).toContain(message);
  });
});

describe("people page", () => {
  it("shows a city admin whose address is unconfirmed, and offers reset links only where allowed", async () => {
    const { signUp } = await import("~/auth/accounts.server.ts");
    const { backgroundWorkDone } = await import("~/http/after-response.server.ts");
    const { db } = await import("~/db.server.ts");
    const admin = await createUser({ roles: ["CITY_ADMIN"] });
    const otherAdmin = await createUser({ roles: ["CITY_ADMIN"], name: "Otra Administradora" });
    const learner = await createUser({ name: "Lucía Aprendiz" });
    const department = await db().department.findFirstOrThrow({ where: { city: { slug: "madrid" } }, select: { id: true } });
    const email = `nueva.${Date.now()}@madrid.example`;
    const { ok } = await signUp(
      {
        name: "Nueva Sin Confirmar",
        email,
        city: "madrid",
        department: department.id,
        locale: "es",
        privacy: "on",
      },
      "10.7.0.1",
    );
    expect(ok).toBe(true);
    await backgroundWorkDone();
    const cookie = await sessionCookie(admin.id);
    // The list shows a page at a time: each person is found by the search, their row by the link on their name.
    const rowOf = async (name: string) => {
      const html = await (await server.request(`/admin/people?q=${encodeURIComponent(name)}`, { cookie })).text();
      const at = html.indexOf(`>${name}</a>`);
      expect(at, name).toBeGreaterThan(-1);
      return html.slice(at, html.indexOf("</tr>", at));
    };
    expect(await rowOf("Nueva Sin Confirmar")).toContain("Correo aún sin confirmar");
    expect(await rowOf("Lucía Aprendiz")).not.toContain("sin confirmar");
    expect(await rowOf("Lucía Aprendiz")).toContain(`value="${learner.id}"`);
    expect(await rowOf("Otra Administradora")).not.toContain(`value="${otherAdmin.id}"`);
  });
});

describe("inactivity", () => {
  it("sends a person whose session expired to the login page with a clear message", async () => {
    const user = await createUser();
    const { db } = await import("~/db.server.ts");
    const cookie = await sessionCookie(user.id);
    await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await server.request("/profile", { cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fprofile&expired=1");
    const page = await (
      await server.request("/login?redirectTo=%2Fprofile&expired=1", { headers: { "Accept-Language": "en" } })
    ).text();
    expect(page).toContain("Your session ended after a period of inactivity.");
  });
});
