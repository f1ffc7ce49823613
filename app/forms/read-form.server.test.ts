import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FormLimits } from "./limits.ts";
import { readForm, uploadedText, type PostedForm } from "./read-form.server.ts";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const limits: FormLimits = {
  maxFields: 6,
  maxBytes: 16 * 1024,
  files: { staff: { maxBytes: 1024, types: ["csv"] }, logos: { maxBytes: 1024, types: ["png"], maxFiles: 2 } },
};

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), "read-form-test-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** Every file left on disk under the test's folder. */
const leftFiles = () => readdirSync(directory, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://aula.test/form", { method: "POST", body, headers: { "Accept-Language": "en", ...headers } });
}

function multipart(fields: Array<[string, string | File]>): Request {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return post(data);
}

async function refusal(reading: Promise<PostedForm>): Promise<{ status: number; refusal: string; message: string }> {
  const thrown = await reading.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(thrown instanceof Response)) throw new Error("the form was not refused");
  const body = (await thrown.json()) as { refusal: string; message: string };
  return { ...body, status: thrown.status };
}

/** A body that fails the test if anything reads it. */
function untouchable(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull() {
      throw new Error("the body was read");
    },
  });
}

describe("readForm", () => {
  it("reads a urlencoded form with its repeated fields in order", async () => {
    const form = await readForm(post(new URLSearchParams("role=HR&role=TRAINER&name=Ana"), {}), limits);
    expect([...form.entries()]).toEqual([
      ["role", "HR"],
      ["role", "TRAINER"],
      ["name", "Ana"],
    ]);
    expect(form.getAll("role")).toEqual(["HR", "TRAINER"]);
  });

  it("refuses a body whose declared size is over the route's limit before reading any of it", async () => {
    const request = new Request("http://aula.test/form", {
      method: "POST",
      body: untouchable(),
      duplex: "half",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(16 * 1024 + 1),
        "Accept-Language": "en",
      },
    });
    expect(await refusal(readForm(request, limits))).toMatchObject({
      status: 413,
      refusal: "tooLarge",
      message: "What you sent is larger than allowed.",
    });
  });

  it("refuses a body without a declared size once what arrived passes the limit", async () => {
    const body = new URLSearchParams({ text: "x".repeat(16 * 1024) });
    expect(await refusal(readForm(post(body), limits))).toMatchObject({ status: 413, refusal: "tooLarge" });
    const big = new FormData();
    big.append("text", "x".repeat(16 * 1024));
    expect(await refusal(readForm(post(big), limits))).toMatchObject({ status: 413, refusal: "tooLarge" });
  });

  it("refuses a urlencoded form with more fields than the route takes, counting as it reads", async () => {
    expect(await refusal(readForm(post(new URLSearchParams("a&b&c&d&e&f&g")), limits))).toMatchObject({
      status: 413,
      refusal: "tooManyFields",
      message: "The form sent more fields than this page accepts. Try again from the form.",
    });
    expect((await readForm(post(new URLSearchParams("a&b&c&d&e&f")), limits)).getAll("a")).toEqual([""]);
  });

  it("refuses a multipart form with more fields than the route takes", async () => {
    const fields: Array<[string, string]> = Array.from({ length: 7 }, (_, index) => ["role", String(index)]);
    expect(await refusal(readForm(multipart(fields), limits))).toMatchObject({ status: 413, refusal: "tooManyFields" });
  });

  it("streams a file to a temporary folder and removes it when asked", async () => {
    const form = await readForm(
      multipart([
        ["title", "Plantilla"],
        ["staff", new File(["nombre,correo\nAna,ana@madrid.example\n"], "plantilla.csv", { type: "text/csv" })],
      ]),
      limits,
      { directory },
    );
    const staff = form.get("staff");
    if (typeof staff === "string" || staff === null) throw new Error("no file");
    expect(staff).toMatchObject({ field: "staff", filename: "plantilla.csv", kind: "csv", type: "text/csv", size: 37 });
    expect(await uploadedText(staff)).toContain("Ana,ana@madrid.example");
    expect(leftFiles()).toHaveLength(1);
    await form.removeFiles();
    expect(leftFiles()).toHaveLength(0);
  });

  it("removes a file over its size cap at once and says so next to its field", async () => {
    const form = await readForm(
      multipart([
        ["staff", new File(["a,b\n".repeat(300)], "staff.csv", { type: "text/csv" })],
        ["title", "after the file"],
      ]),
      limits,
      { directory },
    );
    expect(form.fileErrors).toEqual({ staff: "validation.fileTooLarge" });
    expect(form.get("staff")).toBeNull();
    expect(form.get("title")).toBe("after the file");
    expect(leftFiles()).toHaveLength(0);
  });

  it("refuses a file whose content is not of its kind, whatever its name and declared type say", async () => {
    const binary = new File([Uint8Array.from([0x4d, 0x5a, 0x00, 0x01])], "staff.csv", { type: "text/csv" });
    const notPng = new File(["<svg onload=alert(1)>"], "logo.png", { type: "image/png" });
    const form = await readForm(
      multipart([
        ["staff", binary],
        ["logos", notPng],
      ]),
      limits,
      { directory },
    );
    expect(form.fileErrors).toEqual({ staff: "validation.fileType", logos: "validation.fileType" });
    expect(leftFiles()).toHaveLength(0);
  });

  it("refuses a file by its name or declared type before writing it", async () => {
    const form = await readForm(multipart([["logos", new File([PNG], "logo.exe", { type: "image/png" })]]), limits, {
      directory,
    });
    expect(form.fileErrors).toEqual({ logos: "validation.fileType" });
    expect(readdirSync(directory)).toEqual([]);
  });

  it("takes as many files in a field as its rule allows, and no more", async () => {
    const logo = (name: string) => new File([PNG], name, { type: "image/png" });
    const two = await readForm(
      multipart([
        ["logos", logo("a.png")],
        ["logos", logo("b.png")],
      ]),
      limits,
      { directory },
    );
    expect(two.getAll("logos")).toHaveLength(2);
    expect(two.fileErrors).toEqual({});
    const three = await readForm(
      multipart([
        ["logos", logo("a.png")],
        ["logos", logo("b.png")],
        ["logos", logo("c.png")],
      ]),
      limits,
      { directory },
    );
    expect(three.getAll("logos")).toHaveLength(2);
    expect(three.fileErrors).toEqual({ logos: "validation.fileCount" });
  });

  it("refuses a file in a field that takes none, and removes what was already saved", async () => {
    const reading = readForm(
      multipart([
        ["staff", new File(["a,b\n"], "staff.csv", { type: "text/csv" })],
        ["avatar", new File([PNG], "me.png", { type: "image/png" })],
      ]),
      limits,
      { directory },
    );
    expect(await refusal(reading)).toMatchObject({ status: 400, refusal: "fileNotAccepted" });
    expect(readdirSync(directory)).toEqual([]);
  });

  it("reads a file input left empty as no file", async () => {
    // As browsers send it: a part with an empty file name and no content.
    const body = [
      "--b",
      'Content-Disposition: form-data; name="staff"; filename=""',
      "Content-Type: application/octet-stream",
      "",
      "",
      "--b",
      'Content-Disposition: form-data; name="title"',
      "",
      "t",
      "--b--",
      "",
    ].join("\r\n");
    const form = await readForm(post(body, { "Content-Type": "multipart/form-data; boundary=b" }), limits, { directory });
    expect([...form.entries()]).toEqual([["title", "t"]]);
    expect(form.fileErrors).toEqual({});
    // And as Node's own FormData sends it, an empty field.
    const node = await readForm(multipart([["staff", new File([], "", { type: "application/octet-stream" })]]), limits, {
      directory,
    });
    expect([...node.entries()]).toEqual([]);
    expect(await readForm(multipart([]), limits)).toBeTruthy();
  });

  it("answers a body that is not a form with a 400, and reads an empty one as an empty form", async () => {
    expect(await refusal(readForm(post("{}", { "Content-Type": "application/json" }), limits))).toMatchObject({
      status: 400,
      refusal: "notAForm",
    });
    const broken = post("garbage", { "Content-Type": "multipart/form-data; boundary=x" });
    expect(await refusal(readForm(broken, limits))).toMatchObject({ status: 400 });
    expect([...(await readForm(new Request("http://aula.test/", { method: "POST" }), limits)).entries()]).toEqual([]);
  });
});
