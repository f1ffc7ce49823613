/**
 * How the quiz shows a question and a graded result: the learner's attempt page and an author's
 * preview render these.
 */
import type { Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export interface ShownQuestion {
  key: string;
  multiple: boolean;
  text: string;
  options: Array<{ key: string; text: string | null }>;
  selected: string[];
  /** Only once revealed: a locked question (practice) or a graded attempt. */
  feedback: { correct: string[]; isCorrect: boolean; explanation: string } | null;
}

/** An option's text; true/false questions have none and are named in the reader's language. */
export function optionLabel(t: Translate, option: { key: string; text: string | null }) {
  if (option.text !== null) return option.text;
  return option.key === "true" ? t("quiz.true") : t("quiz.false");
}

/** The options chosen, or correct, as one line. */
export function optionsText(t: Translate, question: Pick<ShownQuestion, "options">, keys: readonly string[]) {
  return question.options
    .filter((option) => keys.includes(option.key))
    .map((option) => optionLabel(t, option))
    .join("; ");
}

/** One question's options to choose from (the legend is the question). */
export function QuestionChoices({
  question,
  chosen,
  locked,
  lang,
  name = "option",
}: {
  question: ShownQuestion;
  chosen: readonly string[];
  locked: boolean;
  lang: string;
  /** The field the options post as. */
  name?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <legend className="float-left mb-3 w-full text-lg font-semibold" lang={lang}>
        {question.text}
      </legend>
      <p className="clear-both mb-3 text-sm text-slate-700" id={`hint-${question.key}`}>
        {question.multiple ? t("quiz.chooseMany") : t("quiz.chooseOne")}
      </p>
      <ul className="space-y-2" lang={lang}>
        {question.options.map((option) => {
          const id = `option-${question.key}-${option.key}`;
          return (
            <li key={option.key} className="flex items-start gap-3 rounded border border-slate-200 p-2">
              <input
                id={id}
                type={question.multiple ? "checkbox" : "radio"}
                name={name}
                value={option.key}
                defaultChecked={chosen.includes(option.key)}
                disabled={locked}
                aria-describedby={`hint-${question.key}`}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <label htmlFor={id}>{optionLabel(t, option)}</label>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Passed or not, with the score and the pass mark. */
export function QuizResultSummary({ result }: { result: { score: number; passed: boolean; passMark: number } }) {
  const { t, formats } = useTranslation();
  const values = { score: formats.percent(result.score), passMark: formats.percent(result.passMark) };
  return (
    <div
      role="status"
      className={`mt-4 rounded border-l-4 p-3 ${result.passed ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}
    >
      {result.passed ? t("quiz.resultPassed", values) : t("quiz.resultFailed", values)}
    </div>
  );
}

/** Every question of a graded attempt: right or not, the answer given, the correct one, the explanation. */
export function QuizResultQuestions({ questions, lang }: { questions: readonly ShownQuestion[]; lang: string }) {
  const { t } = useTranslation();
  return (
    <ol className="mt-6 space-y-6" lang={lang}>
      {questions.map((question, index) => (
        <li key={question.key} className="rounded border border-slate-300 bg-white p-4">
          <h2 className="font-semibold" lang={lang}>
            {index + 1}. {question.text}
          </h2>
          <p className={`mt-2 font-semibold ${question.feedback?.isCorrect ? "text-green-800" : "text-red-800"}`}>
            {question.feedback?.isCorrect ? t("quiz.correct") : t("quiz.incorrect")}
          </p>
          <dl className="mt-2 space-y-1">
            <div>
              <dt className="inline font-medium">{t("quiz.yourAnswer")}: </dt>
              <dd className="inline">
                {question.selected.length > 0 ? optionsText(t, question, question.selected) : t("quiz.unanswered")}
              </dd>
            </div>
            <div>
              <dt className="inline font-medium">{t("quiz.correctAnswer")}: </dt>
              <dd className="inline">{optionsText(t, question, question.feedback?.correct ?? [])}</dd>
            </div>
            <div>
              <dt className="inline font-medium">{t("quiz.explanation")}: </dt>
              <dd className="inline">{question.feedback?.explanation}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}

export interface QuizRulesSettings {
  draw: number;
  passMark: number;
  attemptLimit: number | null;
  cooldownMinutes: number;
  timeLimitMinutes: number | null;
  extraTimePercent: number;
  mode: string;
}

/** The quiz's rules as the learner reads them before starting. */
export function QuizRules({ settings }: { settings: QuizRulesSettings }) {
  const { t, formats } = useTranslation();
  return (
    <ul className="mt-4 list-disc space-y-1 pl-6">
      <li>{t("quiz.rules", { count: settings.draw, passMark: formats.percent(settings.passMark) })}</li>
      <li>
        {settings.attemptLimit ? t("quiz.rulesAttempts", { count: settings.attemptLimit }) : t("quiz.rulesUnlimited")}{" "}
        {t("quiz.rulesCooldown", { count: settings.cooldownMinutes })}
      </li>
      {settings.timeLimitMinutes ? (
        <li>
          {settings.extraTimePercent
            ? t("reminders.quiz.timeWithExtra", {
                count: settings.timeLimitMinutes,
                percent: formats.percent(settings.extraTimePercent),
              })
            : t("quiz.rulesTime", { count: settings.timeLimitMinutes })}
        </li>
      ) : null}
      <li>{settings.mode === "practice" ? t("quiz.modePractice") : t("quiz.modeExam")}</li>
    </ul>
  );
}
