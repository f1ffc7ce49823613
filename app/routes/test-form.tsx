import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { env } from "~/env.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, uploadedFile } from "~/forms/parse-form.ts";
import { readForm, uploadedText } from "~/forms/read-form.server.ts";
import { CheckboxGroup, ErrorSummary, FileField, SubmitButton, TextField } from "~/ui/form.tsx";

/**
 * Tests post real forms here (repeated fields, files) through the one form path, until product
 * pages take uploads. Absent unless TEST_FORMS=true; no person ever sees it, so its own labels
 * are not translated (the messages it shows are).
 */
const topics = ["privacy", "ethics", "security"] as const;
const schema = z.object({
  title: z.string("validation.required").trim().min(1, "validation.required").max(100, "validation.required"),
  topics: z.array(z.enum(topics, "validation.choice")).min(1, "validation.choiceRequired"),
  staff: uploadedFile(),
  logo: uploadedFile().optional(),
});
const formLimits = {
  maxFields: 8,
  maxBytes: 64 * 1024,
  files: { staff: { maxBytes: 16 * 1024, types: ["csv"] }, logo: { maxBytes: 8 * 1024, types: ["png", "jpeg"] } },
} as const satisfies FormLimits;

export async function loader() {
  if (!env().TEST_FORMS) throw new Response(null, { status: 404 });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  if (!env().TEST_FORMS) throw new Response(null, { status: 404 });
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok)
    return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, lists: parsed.lists, received: null }, 400);
  const { title, topics: chosen, staff, logo } = parsed.data;
  const describe = (file: typeof staff) => `${file.filename} ${file.kind} ${file.size} ${file.path}`;
  const firstLine = (await uploadedText(staff)).split(/\r?\n/)[0] ?? "";
  return {
    fieldErrors: {},
    values: { title },
    lists: { topics: chosen },
    received: { title, topics: chosen.join(","), staff: describe(staff), firstLine, logo: logo ? describe(logo) : "none" },
  };
}

export default function TestFormPage() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  return (
    <section className="mx-auto max-w-xl py-8">
      <h1 className="text-2xl font-bold">Form test</h1>
      {actionData?.received ? (
        <dl>
          {Object.entries(actionData.received).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd data-received={name}>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        <ErrorSummary errors={errors} />
        <TextField name="title" label="Title" errors={errors} defaultValue={actionData?.values.title} />
        <CheckboxGroup
          name="topics"
          label="Topics"
          errors={errors}
          options={topics.map((topic) => ({ value: topic, label: topic }))}
          defaultValues={actionData?.lists.topics}
        />
        <FileField name="staff" label="Staff list" rule={formLimits.files.staff} errors={errors} />
        <FileField name="logo" label="Logo" rule={formLimits.files.logo} errors={errors} required={false} />
        <SubmitButton>Send</SubmitButton>
      </Form>
    </section>
  );
}
export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
