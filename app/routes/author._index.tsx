import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { copyableCourses, cityCourses, hasNewerSource } from "~/authoring/author-home.server.ts";
import { newCourseFields, newCourseSchema } from "~/authoring/course-forms.ts";
import { copyNetworkCourse, createCityCourse } from "~/authoring/drafts.server.ts";
import { newCourseModel } from "~/authoring/draft-model.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { languageList } from "~/authoring/language-names.ts";
import { competencies, competencyLabelKey, levelLabelKey, levels } from "~/courses/competencies.ts";
import { courseFolderFiles } from "~/courses/course-writer.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { authorCoursePath } from "~/ui/author-nav.tsx";
import {
  CheckboxGroup,
  ErrorSummary,
  FormAlert,
  LanguageOptions,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const formLimits: FormLimits = { maxFields: 20, maxBytes: 8 * 1024 };
const intentSchema = z.object({ intent: z.enum(["create", "copy"]) });
const copySchema = z.object({ course: z.string().min(1).max(200) });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireAuthor(request);
  const locale = await getLocale(request);
  return {
    city: user.city.name,
    timeZone: user.city.timeZone,
    courses: (await cityCourses(scope, locale)).map((row) => ({ ...row, newerSource: hasNewerSource(row) })),
    network: await copyableCourses(locale),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const form = await readForm(request, formLimits);
  const intent = parseForm(intentSchema, form);
  if (!intent.ok) throw new Response(null, { status: 400 });
  if (intent.data.intent === "copy") {
    const parsed = parseForm(copySchema, form);
    if (!parsed.ok) throw new Response(null, { status: 400 });
    const copied = await copyNetworkCourse(scope, parsed.data.course);
    if (!copied.ok)
      return data(
        {
          problem: copied.problem,
          fieldErrors: undefined,
          values: {} as Record<string, string>,
          lists: {} as Record<string, string[]>,
        },
        { status: 404 },
      );
    throw redirect(`${authorCoursePath(copied.key)}?done=copied`);
  }
  const parsed = parseForm(newCourseSchema, form);
  if (!parsed.ok)
    return data({ problem: null, fieldErrors: parsed.fieldErrors, values: parsed.values, lists: parsed.lists }, { status: 400 });
  const input = parsed.data;
  const { key } = await createCityCourse(scope, {
    title: input.title,
    sourceLocale: input.sourceLocale,
    files: (courseKey) =>
      courseFolderFiles(
        newCourseModel({
          key: courseKey,
          sourceLocale: input.sourceLocale,
          title: input.title,
          summary: input.summary,
          level: input.level,
          minutes: input.minutes,
          competencies: input.competencies,
          firstLessonTitle: input.firstLesson,
        }),
      ),
  });
  throw redirect(`${authorCoursePath(key)}?done=created`);
}

export default function AuthorHome() {
  const { t, formats, locale, lang } = useTranslation();
  const { city, timeZone, courses, network } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  const values = actionData?.values ?? {};
  const labels: Record<(typeof newCourseFields)[number], string> = {
    title: t("authoring.home.new.title"),
    summary: t("authoring.home.new.summary"),
    sourceLocale: t("authoring.home.new.sourceLocale"),
    level: t("authoring.home.new.level"),
    minutes: t("authoring.home.new.minutes"),
    competencies: t("authoring.home.new.competencies"),
    firstLesson: t("authoring.home.new.firstLesson"),
  };
  const languages = (list: readonly Locale[]) => languageList(t, lang, list, "alone");
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">{t("authoring.home.title")}</h1>
      <p className="mb-4 text-slate-700">{t("authoring.home.intro")}</p>
      <p className="mb-4">
        <a href="/author/import" className="text-blue-800 underline">
          {t("sharing.import.link")}
        </a>
      </p>
      {actionData?.problem ? (
        <FormAlert>
          <p>{t(actionData.problem)}</p>
        </FormAlert>
      ) : null}

      <section className="mb-8">
        <h2 id="city-courses" className="mb-2 text-xl font-semibold">
          {t("authoring.home.cityCourses", { city })}
        </h2>
        {courses.length === 0 ? (
          <p>{t("authoring.home.noCourses")}</p>
        ) : (
          <TableScroll label={t("authoring.home.cityCourses", { city })}>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.course")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.status")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.languages")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.learners")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.version")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.saved")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {courses.map((course) => (
                  <tr key={course.key} className="border-b border-slate-200 align-top">
                    <th scope="row" className="p-2 font-normal">
                      <a href={authorCoursePath(course.key)} className="font-medium text-blue-800 underline">
                        {course.title}
                      </a>
                      {course.copiedFrom ? (
                        <span className="mt-1 block text-sm text-slate-700">
                          {t("authoring.home.copiedFrom", {
                            course: course.copiedFrom.title,
                            version: course.copiedFrom.version,
                          })}
                          {course.newerSource && course.copiedFrom.latest !== null ? (
                            <strong className="block font-semibold text-amber-900">
                              {t("authoring.home.newerSource", { version: course.copiedFrom.latest })}
                            </strong>
                          ) : null}
                        </span>
                      ) : null}
                    </th>
                    <td className="p-2">{t(`authoring.home.status.${course.status}`)}</td>
                    <td className="p-2">{languages(course.completeLanguages)}</td>
                    <td className="p-2">{formats.number(course.learners)}</td>
                    <td className="p-2">
                      {course.version === null ? t("authoring.home.notPublished") : formats.number(course.version)}
                    </td>
                    <td className="p-2">{formats.dateTimeWithZone(course.updatedAt, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="new-course" className="mb-8 max-w-2xl">
        <h2 id="new-course" className="mb-2 text-xl font-semibold">
          {t("authoring.home.new.legend")}
        </h2>
        <ErrorSummary errors={errors} labels={labels} />
        <Form method="post" className="rounded border border-slate-300 bg-white p-4" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField name="title" label={labels.title} errors={errors} defaultValue={values.title} />
          <TextAreaField name="summary" label={labels.summary} errors={errors} defaultValue={values.summary} rows={3} />
          <SelectField
            name="sourceLocale"
            label={labels.sourceLocale}
            hint={t("authoring.home.new.sourceLocaleHint")}
            errors={errors}
            defaultValue={values.sourceLocale ?? locale}
          >
            <LanguageOptions />
          </SelectField>
          <SelectField name="level" label={labels.level} errors={errors} defaultValue={values.level ?? "introductory"}>
            {levels.map((level) => (
              <option key={level} value={level}>
                {t(levelLabelKey(level))}
              </option>
            ))}
          </SelectField>
          <TextField name="minutes" type="number" label={labels.minutes} errors={errors} defaultValue={values.minutes ?? "60"} />
          <CheckboxGroup
            name="competencies"
            label={labels.competencies}
            errors={errors}
            options={competencies.map((competency) => ({ value: competency, label: t(competencyLabelKey(competency)) }))}
            defaultValues={actionData?.lists?.competencies ?? []}
          />
          <TextField name="firstLesson" label={labels.firstLesson} errors={errors} defaultValue={values.firstLesson} />
          <SubmitButton>{t("authoring.home.new.submit")}</SubmitButton>
        </Form>
      </section>

      <section>
        <h2 id="network-courses" className="mb-2 text-xl font-semibold">
          {t("authoring.home.network")}
        </h2>
        <p className="mb-2 text-slate-700">{t("authoring.home.networkIntro")}</p>
        {network.length === 0 ? (
          <p>{t("authoring.home.noNetwork")}</p>
        ) : (
          <TableScroll label={t("authoring.home.network")}>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.course")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.origin")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.version")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.home.column.action")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {network.map((course) => (
                  <tr key={course.key} className="border-b border-slate-200 align-top">
                    <th scope="row" className="p-2 font-normal">
                      {course.title}
                    </th>
                    <td className="p-2">{course.city ?? t("authoring.home.curriculum")}</td>
                    <td className="p-2">{formats.number(course.version)}</td>
                    <td className="p-2">
                      <Form method="post">
                        <input type="hidden" name="intent" value="copy" />
                        <input type="hidden" name="course" value={course.key} />
                        <button
                          type="submit"
                          className="rounded border border-blue-800 px-3 py-1 font-semibold text-blue-800 hover:bg-blue-50"
                        >
                          {t("authoring.home.copy")}
                          <span className="sr-only">{`: ${course.title}`}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
