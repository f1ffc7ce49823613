/** What the department forms send, checked the same way in the browser and on the server. */
import { z } from "zod";

export const DEPARTMENT_NAME_MAX = 100;

/** A department's name: spaces trimmed and runs of spaces made one, 1 to 100 characters. */
export const departmentNameSchema = z
  .string("department.nameEmpty")
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "department.nameEmpty").max(DEPARTMENT_NAME_MAX, "department.nameTooLong"));

const targetId = z.string("validation.department").trim().min(1, "validation.department").max(64, "validation.department");
/** "" in a parent picker: the top of the tree. */
const parentId = z
  .string("validation.department")
  .trim()
  .max(64, "validation.department")
  .transform((value) => (value === "" ? null : value));

export const createDepartmentSchema = z.object({ name: departmentNameSchema, parentId });

export const departmentActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("rename"), name: departmentNameSchema }),
    z.object({ intent: z.literal("move"), parentId }),
    z.object({ intent: z.literal("mergePreview"), targetId }),
    z.object({ intent: z.literal("merge"), targetId }),
    z.object({ intent: z.literal("archive") }),
    z.object({ intent: z.literal("unarchive") }),
  ],
  { error: "validation.choice" },
);

export type DepartmentAction = z.infer<typeof departmentActionSchema>;

/** Which field of a form a refusal is shown next to (null: the form as a whole, as for archiving). */
export function problemField(
  intent: "create" | DepartmentAction["intent"],
  problem: string,
): "name" | "parentId" | "targetId" | null {
  switch (intent) {
    case "create":
      return problem.startsWith("department.name") ? "name" : "parentId";
    case "rename":
      return "name";
    case "move":
      return "parentId";
    case "merge":
    case "mergePreview":
      return "targetId";
    default:
      return null;
  }
}

/** The confirmations shown after a change (the page is reloaded with `?done=`). */
export const doneMessages = ["created", "renamed", "moved", "merged", "archived", "unarchived"] as const;
export type Done = (typeof doneMessages)[number];

export function doneOf(params: URLSearchParams): Done | null {
  const value = params.get("done");
  return doneMessages.find((done) => done === value) ?? null;
}
