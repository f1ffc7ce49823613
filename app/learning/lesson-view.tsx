/**
 * A lesson as learners read it: where it sits in the course, its title, its body with the
 * practice activities in their slots, and the links to the lessons around it. The learner's lesson
 * page and an author's preview render it.
 */
import { Link } from "@remix-run/react";
import { Fragment } from "react";
import type { ActivityOnPage, CheckOutcome } from "~/activities/answers.server.ts";
import { PracticeActivity } from "~/activities/practice-activity.tsx";
import { useTranslation } from "~/i18n/use-translation.ts";
import { LESSON_BODY_ID, lessonPartId } from "./lesson-body.ts";

export function LessonHeading({
  position,
  lessonCount,
  completedCount,
  title,
  minutes,
}: {
  position: number;
  lessonCount: number;
  completedCount: number;
  title: string;
  minutes: number;
}) {
  const { t } = useTranslation();
  const percent = Math.round((completedCount * 100) / lessonCount);
  return (
    <>
      <p className="mt-2 text-sm text-slate-700">{t("lesson.position", { position, count: lessonCount })}</p>
      <progress
        className="mt-1 h-2 w-full"
        max={100}
        value={percent}
        aria-label={t("lesson.progressLabel", { done: completedCount, count: lessonCount })}
      />
      <h1 className="mt-4 text-2xl font-bold leading-tight sm:text-3xl">{title}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("lesson.minutes", { minutes })}</p>
    </>
  );
}

export function LessonBody({
  parts,
  slots,
  activities,
  posted,
  lang,
  keepsAnswers = true,
}: {
  parts: readonly string[];
  slots: readonly string[];
  activities: readonly ActivityOnPage[];
  posted: CheckOutcome | null;
  lang: string;
  keepsAnswers?: boolean;
}) {
  return (
    <div id={LESSON_BODY_ID} className="mt-6">
      {parts.map((html, index) => {
        const activity = activities.find((candidate) => candidate.view.key === slots[index]);
        return (
          <Fragment key={index}>
            {/* Rendered from Markdown and sanitised (app/courses/markdown.server.ts). */}
            <div id={lessonPartId(index)} className="prose-lesson" dangerouslySetInnerHTML={{ __html: html }} />
            {activity ? (
              <PracticeActivity
                activity={activity}
                posted={posted?.activityKey === activity.view.key ? posted : null}
                lang={lang}
                keepsAnswers={keepsAnswers}
              />
            ) : null}
          </Fragment>
        );
      })}
    </div>
  );
}

type Neighbour = { key: string; title: string } | null;

export function LessonNavigation({
  previous,
  next,
  hasQuiz,
  hrefOf,
}: {
  previous: Neighbour;
  next: Neighbour;
  hasQuiz: boolean;
  /** A lesson's address, or the quiz's ("quiz"). */
  hrefOf: (position: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("lesson.navigation")} className="mt-6 flex flex-col gap-3 sm:flex-row sm:justify-between">
      {previous ? (
        <Link to={hrefOf(previous.key)} className="text-blue-800 underline">
          ← {t("lesson.previous", { title: previous.title })}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={hrefOf(next.key)} className="text-blue-800 underline">
          {t("lesson.next", { title: next.title })} →
        </Link>
      ) : hasQuiz ? (
        <Link to={hrefOf("quiz")} className="text-blue-800 underline">
          {t("course.goToQuiz")} →
        </Link>
      ) : null}
    </nav>
  );
}
