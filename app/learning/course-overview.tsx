/**
 * A course's overview as learners read it: title, summary, level and length, objectives, syllabus
 * and quiz. The learner's course page and an author's preview render it; `children` is what sits
 * under the details (the learner's enrolment and progress, or the preview's way in).
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { competencyLabelKey, levelLabelKey, type Competency, type Level } from "~/courses/competencies.ts";
import { htmlLang, localeNames, type Locale } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export interface OverviewCourse {
  title: string;
  summary: string;
  objectives: string[];
  shownLocale: Locale;
  level: Level;
  minutes: number;
  competencies: Competency[];
  /** The published version's number (a draft has none yet). */
  version: number | null;
  lessons: Array<{ key: string; title: string; minutes: number }>;
  quiz: { passMark: number; draw: number } | null;
}

export function CourseOverview({
  course,
  lessonHref,
  lessonDone = () => false,
  quizHref,
  readerLocale,
  children,
}: {
  course: OverviewCourse;
  /** Where a lesson's title links to, or null for plain text. */
  lessonHref: (key: string) => string | null;
  lessonDone?: (key: string) => boolean;
  quizHref: string | null;
  /** The reader's language (an author previews as a reader of another); the page's by default. */
  readerLocale?: Locale;
  children: ReactNode;
}) {
  const { t, locale, formats } = useTranslation();
  const lang = htmlLang[course.shownLocale];
  return (
    <>
      <h1 className="mt-3 text-2xl font-bold" lang={lang}>
        {course.title}
      </h1>
      {course.shownLocale !== (readerLocale ?? locale) ? (
        <p className="mt-1 text-sm text-amber-900">{t("catalog.shownIn", { language: localeNames[course.shownLocale] })}</p>
      ) : null}
      <p className="mt-3 text-lg text-slate-700" lang={lang}>
        {course.summary}
      </p>
      <p className="mt-3 text-sm text-slate-700">
        {t(levelLabelKey(course.level))} · {t("catalog.minutes", { minutes: course.minutes })} ·{" "}
        {course.competencies.map((competency) => t(competencyLabelKey(competency))).join(", ")}
        {course.version !== null ? <> · {t("course.version", { number: course.version })}</> : null}
      </p>
      {children}
      <h2 className="mt-6 text-xl font-semibold">{t("course.objectives")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6" lang={lang}>
        {course.objectives.map((objective) => (
          <li key={objective}>{objective}</li>
        ))}
      </ul>
      <h2 className="mt-6 text-xl font-semibold">{t("course.syllabus")}</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-6">
        {course.lessons.map((lesson) => {
          const href = lessonHref(lesson.key);
          return (
            <li key={lesson.key}>
              {href ? (
                <Link to={href} className="text-blue-800 underline" lang={lang}>
                  {lesson.title}
                </Link>
              ) : (
                <span lang={lang}>{lesson.title}</span>
              )}{" "}
              <span className="text-sm text-slate-600">
                ({t("catalog.minutes", { minutes: lesson.minutes })}
                {lessonDone(lesson.key) ? ` · ✓ ${t("course.lessonDone")}` : ""})
              </span>
            </li>
          );
        })}
      </ol>
      {course.quiz ? (
        <p className="mt-4">
          {t("course.quiz", { count: course.quiz.draw, passMark: formats.percent(course.quiz.passMark) })}{" "}
          {quizHref ? (
            <Link to={quizHref} className="text-blue-800 underline">
              {t("course.goToQuiz")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
