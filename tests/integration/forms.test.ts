/**
 * The one form path through the real HTTP server: repeated fields, files streamed to disk and
 * removed after the answer, and each limit a route declares holding (bytes, fields, file size).
 * /test-form exists only with TEST_FORMS=true, set here before the server reads its environment.
 */
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, sessionCookie } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

process.env.TEST_FORMS = "true";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  delete process.env.TEST_FORMS;
});

const staffCsv = "nombre,correo\nAna Pérez,ana@madrid.example\n";
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

function testForm(fields: Array<[string, string | File]>, headers: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return server.request("/test-form", { method: "POST", body, headers: { Origin: server.origin, ...headers } });
}

const received = (html: string, name: string) => html.match(new RegExp(`data-received="${name}">([^<]*)<`))?.[1] ?? null;
const uploadFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith("aula-upload-")));

async function eventually(check: () => boolean): Promise<boolean> {
  for (let tries = 0; tries < 50 && !check(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}

/** Sends only the head of a request that announces a large body, and waits for the answer. */
function announceLargeBody(path: string, headers: Record<string, string>): Promise<{ head: string; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(new URL(server.origin).port), "127.0.0.1");
    let answer = "";
    socket.on("connect", () => {
      const lines = [`POST ${path} HTTP/1.1`, `Host: ${new URL(server.origin).host}`, `Origin: ${server.origin}`];
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      socket.write(`${lines.join("\r\n")}\r\n\r\nemail=`);
    });
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("error", reject);
    // The server answers and closes without waiting for the announced body.
    socket.on("close", () => {
      const [head = "", body = ""] = answer.split("\r\n\r\n");
      resolve({ head, body, ms: Date.now() - started });
    });
  });
}

describe("the one form path", () => {
  it("reads repeated fields and files, checked by content, and removes the files after answering", async () => {
    const response = await testForm([
      ["title", "Plantilla de Madrid"],
      ["topics", "privacy"],
      ["topics", "security"],
      ["staff", new File([staffCsv], "plantilla.csv", { type: "text/csv" })],
      ["logo", new File([PNG], "escudo.png", { type: "image/png" })],
    ]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(received(html, "title")).toBe("Plantilla de Madrid");
    expect(received(html, "topics")).toBe("privacy,security");
    expect(received(html, "firstLine")).toBe("nombre,correo");
    const [filename, kind, size, path] = received(html, "staff")?.split(" ") ?? [];
    expect([filename, kind, size]).toEqual(["plantilla.csv", "csv", String(Buffer.byteLength(staffCsv))]);
    expect(received(html, "logo")).toMatch(/^escudo\.png png 12 /);
    expect(await eventually(() => !existsSync(path!))).toBe(true);
  });

  it("puts a file's error next to its field in the person's language, keeps what was typed, and leaves no file", async () => {
    const before = uploadFolders();
    const response = await testForm(
      [
        ["title", "Plantilla"],
        ["topics", "ethics"],
        ["staff", new File(["a,b\n".repeat(5000)], "plantilla.csv", { type: "text/csv" })],
        ["logo", new File(["<svg/>"], "escudo.png", { type: "image/png" })],
      ],
      { "Accept-Language": "pt-BR" },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('aria-describedby="staff-hint staff-error"');
    expect(html).toMatch(/id="staff-error"[^>]*>O arquivo é maior do que o permitido/);
    expect(html).toMatch(/id="logo-error"[^>]*>O arquivo não é de um tipo aceito aqui/);
    expect(html).toMatch(/id="staff-hint"[^>]*>CSV, até 16 kB\./);
    expect(html).toContain('value="Plantilla"');
    expect(html).toMatch(/<input id="topics-ethics"[^>]* checked=""/);
    expect(html).not.toMatch(/<input id="topics-privacy"[^>]* checked=""/);
    expect(await eventually(() => [...uploadFolders()].every((folder) => before.has(folder)))).toBe(true);
  });

  it("refuses a body over the route's size before it is sent, in the visitor's language", async () => {
    // Under the server's 1 MiB bound, far over what the login form may send.
    const login = await announceLargeBody("/login", {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": "900000",
      "Accept-Language": "en",
    });
    expect(login.head).toMatch(/^HTTP\/1\.1 413/);
    expect(login.body).toContain("Submission too large");
    // An upload over the route's size, under the server's bound for uploads.
    const upload = await announceLargeBody("/test-form", {
      "Content-Type": "multipart/form-data; boundary=b",
      "Content-Length": String(10 * 1024 * 1024),
      "Accept-Language": "es",
    });
    expect(upload.head).toMatch(/^HTTP\/1\.1 413/);
    expect(upload.body).toContain("Lo que enviaste supera el tamaño permitido.");
  });

  it("refuses a form with more fields than the route takes, before looking at them", async () => {
    // 4 000 empty fields fit in the login form's bytes; the security review's 1 MiB of them does not.
    const many = await server.request("/login", { method: "POST", body: "&".repeat(4000), headers: formHeaders("en") });
    expect(many.status).toBe(413);
    const html = await many.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("The form sent more fields than this page accepts.");
    const flood = await Promise.all(
      Array.from({ length: 8 }, () =>
        server.request("/login", { method: "POST", body: "&".repeat(1_000_000), headers: formHeaders("es") }),
      ),
    );
    expect(flood.map((response) => response.status)).toEqual(Array(8).fill(413));
  });

  it("answers the quiz script with JSON when its post has more fields than a question can", async () => {
    const user = await createUser();
    const body = new FormData();
    body.append("step", "0");
    body.append("intent", "next");
    body.append("questionKey", "q1");
    for (let option = 0; option < 10; option += 1) body.append("option", `o${option}`);
    const response = await server.request("/quiz/no-such-attempt/events", {
      method: "POST",
      body,
      cookie: await sessionCookie(user.id),
      headers: { Origin: server.origin },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: "refused", refusal: "tooManyFields", locale: "es" });
  });
});

function formHeaders(language: string): Record<string, string> {
  return { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin, "Accept-Language": language };
}
