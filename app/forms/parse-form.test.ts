import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formValues, parseForm, uploadedFile } from "./parse-form.ts";
import type { UploadedFileInfo } from "./limits.ts";

function form(fields: Array<[string, string | UploadedFileInfo]>, fileErrors = {}) {
  return { entries: () => fields[Symbol.iterator](), fileErrors };
}

const staffList: UploadedFileInfo = {
  field: "staff",
  filename: "staff.csv",
  kind: "csv",
  type: "text/csv",
  size: 12,
  path: "/tmp/x/1",
};

describe("parseForm", () => {
  const schema = z.object({
    title: z.string().min(1, "validation.required"),
    roles: z.array(z.enum(["HR", "TRAINER"], "validation.role")).min(1, "validation.choiceRequired"),
    departments: z.array(z.string()).optional(),
  });

  it("gives every value of a field the schema wants as an array, and the last value of any other", () => {
    const parsed = parseForm(
      schema,
      form([
        ["title", "first"],
        ["roles", "HR"],
        ["title", "second"],
        ["roles", "TRAINER"],
      ]),
    );
    expect(parsed).toEqual({ ok: true, data: { title: "second", roles: ["HR", "TRAINER"], departments: [] } });
  });

  it("reads an array field that was not sent as empty, so the schema can ask for one value", () => {
    const parsed = parseForm(schema, form([["title", "x"]]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors).toEqual({ roles: "validation.choiceRequired" });
  });

  it("names the repeated field of a bad value, and gives back what was typed, every ticked value too", () => {
    const parsed = parseForm(
      schema,
      form([
        ["title", "x"],
        ["roles", "HR"],
        ["roles", "ROOT"],
        ["password", "secret"],
      ]),
    );
    expect(parsed).toMatchObject({
      ok: false,
      fieldErrors: { roles: "validation.role" },
      values: { title: "x" },
      lists: { roles: ["HR", "ROOT"] },
    });
    if (!parsed.ok) expect(parsed.values).not.toHaveProperty("password");
  });

  it("finds the arrays of a schema behind refinements and transforms", () => {
    const refined = schema.refine((value) => value.title !== "no").transform((value) => value.roles.length);
    expect(
      parseForm(
        refined,
        form([
          ["title", "x"],
          ["roles", "HR"],
          ["roles", "TRAINER"],
        ]),
      ),
    ).toEqual({ ok: true, data: 2 });
  });

  it("passes files to the schema, and keeps the reader's error about a refused file over 'required'", () => {
    const withFile = z.object({ staff: uploadedFile() });
    expect(parseForm(withFile, form([["staff", staffList]]))).toEqual({ ok: true, data: { staff: staffList } });
    expect(parseForm(withFile, form([]))).toMatchObject({ ok: false, fieldErrors: { staff: "validation.fileRequired" } });
    expect(parseForm(withFile, form([], { staff: "validation.fileTooLarge" }))).toMatchObject({
      ok: false,
      fieldErrors: { staff: "validation.fileTooLarge" },
    });
    // A file is never mistaken for text, nor echoed back.
    expect(parseForm(z.object({ staff: z.string() }), form([["staff", staffList]])).ok).toBe(false);
    expect(formValues(form([["staff", staffList]]))).toEqual({});
  });

  it("reads the browser's FormData the same way", () => {
    const data = new FormData();
    data.append("title", "t");
    data.append("roles", "HR");
    data.append("roles", "TRAINER");
    expect(parseForm(schema, data)).toEqual({ ok: true, data: { title: "t", roles: ["HR", "TRAINER"], departments: [] } });
  });
});
