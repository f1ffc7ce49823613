import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { requireUser } from "~/auth/guards.server.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { badRequest, notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang } from "~/i18n/locales.ts";
import { metaMessage } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { positionHref } from "~/learning/progress.ts";
import { reconcileEnrollment } from "~/learning/reconcile.server.ts";
import { attemptView, quizOverview, sendAttemptEvents, type AttemptView } from "~/quiz/attempts.server.ts";
import { quizFormLimits, readQuizPost } from "~/quiz/form-events.ts";
import { applyLocally, createPostQueue, shownStep, shownStepKey, storedSnapshot, type ShownStep } from "~/quiz/live-attempt.ts";
import { FormAlert } from "~/ui/form.tsx";
import { optionsText, QuestionChoices, QuizResultQuestions, QuizResultSummary } from "~/quiz/question-views.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = params.attempt ?? "";
  await reconcileEnrollment(user, { attemptId });
  const view = await attemptView(user, attemptId, await getLocale(request));
  if (!view) throw notFound();
  const overview = view.result && !view.result.passed ? await quizOverview(user, view.courseKey) : null;
  return { view, timeZone: user.city.timeZone, nextAttempt: overview?.enrolled ? overview.decision : null };
}

/** Without JavaScript every button is a form post: validate, apply on the server, show the result. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = params.attempt ?? "";
  const read = readQuizPost(await readForm(request, quizFormLimits));
  if (!read) throw badRequest();
  const { status } = await sendAttemptEvents(user, attemptId, read.post.step, read.events);
  if (status === "not-found") throw notFound();
  throw redirect(status === "accepted" ? `/quiz/${attemptId}` : `/quiz/${attemptId}?notice=stale`);
}

/** With JavaScript: app/quiz/live-attempt.ts moves at once and posts each step in order. */
function useLiveAttempt(view: AttemptView) {
  const revalidator = useRevalidator();
  const [snapshot, setSnapshot] = useState(() => storedSnapshot(view));
  const [saveFailed, setSaveFailed] = useState(false);
  // The queue lives as long as the page; it posts for the attempt shown now.
  const shown = useRef({ id: view.id, revalidate: revalidator.revalidate });
  const [queue] = useState(() =>
    createPostQueue({
      step: view.step,
      send: (body) => fetch(`/quiz/${shown.current.id}/events`, { method: "POST", body }),
      onOutcome: (outcome) => {
        setSaveFailed(outcome.saveFailed);
        if (outcome.reload) shown.current.revalidate();
      },
    }),
  );

  useEffect(() => {
    shown.current = { id: view.id, revalidate: revalidator.revalidate };
  });
  useEffect(() => {
    queue.reset(view.step);
    setSnapshot(storedSnapshot(view));
  }, [view, queue]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const read = readQuizPost(formData);
    const next = read ? applyLocally(view, snapshot, read.events) : null;
    if (!read || !next) return;
    event.preventDefault();
    // Checking an answer and submitting wait for the server, then show its view.
    const waitsForServer = read.post.intent === "lock" || read.post.intent === "submit";
    if (!waitsForServer) setSnapshot(next);
    void queue.enqueue(formData, waitsForServer);
  }

  return { snapshot, onSubmit, saveFailed };
}

/**
 * With JavaScript a new step replaces the old one where the button was; like a page load, it
 * starts at the top of the step, and the focus moves to its heading so screen readers announce it.
 */
function useStepHeading(step: ShownStep) {
  const heading = useRef<HTMLHeadingElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const key = shownStepKey(step);
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    top.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
  }, [key]);
  return { heading, top };
}

/**
 * Checking an answer (practice mode) removes its "check" button, which had the focus: the focus
 * goes on to the button of the next step, while the feedback is announced.
 */
function useFocusAfterCheck(locked: boolean) {
  const button = useRef<HTMLButtonElement>(null);
  const wasLocked = useRef(locked);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (locked && !wasLocked.current && lost) button.current?.focus();
    wasLocked.current = locked;
  }, [locked]);
  return button;
}

const headingClass = "mt-3 text-2xl font-bold focus:outline-none focus-visible:outline focus-visible:outline-2";

const button = "rounded px-4 py-2 font-semibold";
const primary = `${button} bg-blue-800 text-white`;
const secondary = `${button} border border-blue-800 text-blue-800 bg-white`;

export default function AttemptPage() {
  const { t, formats } = useTranslation();
  const { view, timeZone, nextAttempt } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { snapshot, onSubmit, saveFailed } = useLiveAttempt(view);
  const step = shownStep(view, snapshot);
  const { heading, top } = useStepHeading(step);
  const { context } = snapshot;
  const shownKey = step.kind === "question" ? view.questions[context.current]?.key : undefined;
  const afterCheck = useFocusAfterCheck(shownKey !== undefined && context.locked.includes(shownKey));
  const contentLang = htmlLang[view.shownLocale];

  const header = (
    <>
      <p className="text-sm">
        <Link to={positionHref(view.courseKey, "quiz")} className="text-blue-800 underline">
          {t("quiz.backToQuiz")}
        </Link>
      </p>
      {searchParams.get("notice") === "stale" ? <FormAlert>{t("quiz.stale")}</FormAlert> : null}
      {saveFailed ? <FormAlert>{t("quiz.saveFailed")}</FormAlert> : null}
      {view.deadline && !view.result ? (
        <p className="mt-2 font-medium">{t("quiz.deadline", { time: formats.timeWithZone(view.deadline, timeZone) })}</p>
      ) : null}
    </>
  );

  if (view.result) {
    return (
      <div className="max-w-3xl" ref={top}>
        {header}
        <h1 ref={heading} tabIndex={-1} className={headingClass}>
          {t("quiz.attemptRow", { number: view.number, score: formats.percent(view.result.score) })}
        </h1>
        <QuizResultSummary result={view.result} />
        {nextAttempt && !nextAttempt.allowed && nextAttempt.reason === "cooldown" ? (
          <p className="mt-3">{t("quiz.cooldown", { date: formats.dateTimeWithZone(nextAttempt.retryAt, timeZone) })}</p>
        ) : null}
        {nextAttempt && !nextAttempt.allowed && nextAttempt.reason === "limit" ? (
          <p className="mt-3">{t("quiz.limitReached")}</p>
        ) : null}
        {view.result.passed ? (
          <p className="mt-3">
            <Link to="/certificates" className="text-blue-800 underline">
              {t("course.viewCertificate")}
            </Link>
          </p>
        ) : null}
        <QuizResultQuestions questions={view.questions} lang={contentLang} />
      </div>
    );
  }

  if (step.kind === "review") {
    const unanswered = view.questions.filter((question) => (context.answers[question.key] ?? []).length === 0).length;
    return (
      <div className="max-w-3xl" ref={top}>
        {header}
        <h1 ref={heading} tabIndex={-1} className={headingClass}>
          {t("quiz.reviewTitle")}
        </h1>
        <Form method="post" onSubmit={onSubmit} className="mt-4">
          <input type="hidden" name="step" value={view.step} />
          <ol className="space-y-3" lang={contentLang}>
            {view.questions.map((question, index) => {
              const chosen = context.answers[question.key] ?? [];
              return (
                <li key={question.key} className="rounded border border-slate-300 bg-white p-3">
                  <p className="font-medium">
                    {index + 1}. {question.text}
                  </p>
                  <p className="mt-1 text-slate-700">
                    {chosen.length > 0 ? optionsText(t, question, chosen) : t("quiz.unanswered")}
                  </p>
                  <button type="submit" name="intent" value={`edit:${index}`} className="mt-2 text-blue-800 underline">
                    {t("quiz.change", { position: index + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
          {unanswered > 0 ? (
            <p className="mt-4 font-medium text-amber-900">{t("quiz.submitWarning", { count: unanswered })}</p>
          ) : null}
          <button type="submit" name="intent" value="submit" className={`${primary} mt-4`}>
            {t("quiz.submit")}
          </button>
        </Form>
      </div>
    );
  }

  const question = view.questions[context.current];
  if (!question) return null;
  const locked = context.locked.includes(question.key);
  const chosen = context.answers[question.key] ?? [];
  const isFirst = context.current === 0;
  const isLast = context.current === view.total - 1;
  return (
    <div className="max-w-3xl" ref={top}>
      {header}
      <h1 ref={heading} tabIndex={-1} className={headingClass}>
        {t("quiz.question", { position: context.current + 1, count: view.total })}
      </h1>
      <Form method="post" onSubmit={onSubmit} className="mt-3">
        <input type="hidden" name="step" value={view.step} />
        <input type="hidden" name="questionKey" value={question.key} />
        {/* Only the options start afresh from the server's answers at each step: the feedback below
            stays one live region, so checking an answer (practice mode) announces its feedback. */}
        <fieldset className="rounded border border-slate-300 bg-white p-4" key={`${question.key}-${view.step}`}>
          <QuestionChoices question={question} chosen={chosen} locked={locked} lang={contentLang} />
        </fieldset>
        <div aria-live="polite" className="mt-3">
          {locked && question.feedback ? (
            <div
              className={`rounded border-l-4 p-3 ${question.feedback.isCorrect ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}
            >
              <p className="font-semibold">{question.feedback.isCorrect ? t("quiz.correct") : t("quiz.incorrect")}</p>
              <p className="mt-1" lang={contentLang}>
                {t("quiz.correctAnswer")}: {optionsText(t, question, question.feedback.correct)}
              </p>
              <p className="mt-1" lang={contentLang}>
                {question.feedback.explanation}
              </p>
            </div>
          ) : null}
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          {!isFirst ? (
            <button type="submit" name="intent" value="previous" className={secondary}>
              {t("quiz.previous")}
            </button>
          ) : null}
          {view.mode === "practice" && !locked ? (
            <button type="submit" name="intent" value="lock" className={secondary}>
              {t("quiz.check")}
            </button>
          ) : null}
          {!isLast ? (
            <button type="submit" name="intent" value="next" className={primary} ref={afterCheck}>
              {t("quiz.next")}
            </button>
          ) : null}
          <button
            type="submit"
            name="intent"
            value="review"
            className={isLast ? primary : secondary}
            ref={isLast ? afterCheck : undefined}
          >
            {t("quiz.review")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  { title: loaded ? `${metaMessage(matches, "quiz.attempts")} ${loaded.view.number} · Aula IA` : "Aula IA" },
];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
