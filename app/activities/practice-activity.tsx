/**
 * One practice activity on the lesson page: a plain form that posts a check (without
 * JavaScript the page comes back at the activity with its feedback), and with JavaScript the
 * same form through a fetcher, without a reload. Sort uses a drop-down per item; order uses
 * move-up/move-down buttons, or a position drop-down per step before JavaScript runs.
 */
import { useFetcher, useFormAction } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { MessageKey } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { FIELD, type ActivityFields } from "./answer-form.ts";
import type { ActivityOnPage, CheckOutcome } from "./answers.server.ts";
import type { ActivityFeedback, ActivityView, PartStatus } from "./views.ts";

export const activityAnchor = (key: string) => `activity-${key}`;

const STATUS: Record<ActivityView["kind"], Record<PartStatus, MessageKey>> = {
  choice: {
    right: "activity.status.choice.right",
    wrong: "activity.status.choice.wrong",
    missed: "activity.status.choice.missed",
    neutral: "activity.status.choice.neutral",
  },
  spot: {
    right: "activity.status.spot.right",
    wrong: "activity.status.spot.wrong",
    missed: "activity.status.spot.missed",
    neutral: "activity.status.spot.neutral",
  },
  sort: {
    right: "activity.status.sort.right",
    wrong: "activity.status.sort.wrong",
    missed: "activity.status.sort.wrong",
    neutral: "activity.status.sort.right",
  },
  order: {
    right: "activity.status.order.right",
    wrong: "activity.status.order.wrong",
    missed: "activity.status.order.wrong",
    neutral: "activity.status.order.right",
  },
};

const TONE: Record<PartStatus, string> = {
  right: "border-green-700 bg-green-50 text-green-900",
  wrong: "border-red-700 bg-red-50 text-red-900",
  missed: "border-amber-700 bg-amber-50 text-amber-900",
  neutral: "border-slate-400 bg-slate-50 text-slate-800",
};

const HINT: Record<ActivityView["kind"], MessageKey> = {
  choice: "activity.hint.choiceSingle",
  spot: "activity.hint.spot",
  sort: "activity.hint.sort",
  order: "activity.hint.order",
};

/** True once JavaScript runs in the page (the first render matches the server's). */
function useEnhanced(): boolean {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return enhanced;
}

function PartFeedback({ kind, part }: { kind: ActivityView["kind"]; part: ActivityFeedback["parts"][number] | undefined }) {
  const { t } = useTranslation();
  if (!part) return null;
  return (
    <div className={`mt-1 rounded border-l-4 px-3 py-1 text-sm ${TONE[part.status]}`}>
      <strong>{t(STATUS[kind][part.status], { expected: part.expected ?? "" })}</strong>
      {part.feedback ? <span>. {part.feedback}</span> : null}
    </div>
  );
}

function initialOrder(view: ActivityView, fields: ActivityFields | null): string[] {
  const shown = view.parts.map((part) => part.key);
  const positions = fields?.position ?? {};
  if (!shown.every((key) => positions[key])) return shown;
  return [...shown].sort((a, b) => Number(positions[a]) - Number(positions[b]));
}

function OrderSteps({ view, fields, enhanced }: { view: ActivityView; fields: ActivityFields | null; enhanced: boolean }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState(() => initialOrder(view, fields));
  const [moved, setMoved] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current) buttons.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  }, [order]);
  const text = (key: string) => view.parts.find((part) => part.key === key)?.text ?? key;

  function move(index: number, by: -1 | 1) {
    const next = [...order];
    const [step] = next.splice(index, 1);
    if (!step) return;
    next.splice(index + by, 0, step);
    const position = index + by;
    // Keep focus on the same button, or on the other one when the step reached an end.
    const atEnd = (by === -1 && position === 0) || (by === 1 && position === next.length - 1);
    focusNext.current = `${step}:${atEnd ? -by : by}`;
    setOrder(next);
    setMoved(t("activity.moved", { step: text(step), position: position + 1, count: next.length }));
  }

  if (!enhanced) {
    return (
      <ol className="mt-3 space-y-2">
        {order.map((key, index) => (
          <li key={key} className="flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-white p-2">
            <span className="min-w-0 flex-1">{text(key)}</span>
            <select
              name={`${FIELD.position}${key}`}
              defaultValue={fields?.position[key] ?? String(index + 1)}
              aria-label={t("activity.positionOf", { step: text(key) })}
              className="rounded border border-slate-500 bg-white px-2 py-1"
            >
              {order.map((_, position) => (
                <option key={position} value={String(position + 1)}>
                  {position + 1}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <>
      <ol className="mt-3 space-y-2">
        {order.map((key, index) => (
          <li key={key} className="flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-white p-2">
            <input type="hidden" name={`${FIELD.position}${key}`} value={String(index + 1)} />
            <span className="min-w-0 flex-1">
              {index + 1}. {text(key)}
            </span>
            <span className="flex gap-1">
              {([-1, 1] as const).map((by) =>
                (by === -1 && index === 0) || (by === 1 && index === order.length - 1) ? null : (
                  <button
                    key={by}
                    type="button"
                    ref={(element) => {
                      if (element) buttons.current.set(`${key}:${by}`, element);
                      else buttons.current.delete(`${key}:${by}`);
                    }}
                    onClick={() => move(index, by)}
                    aria-label={t(by === -1 ? "activity.moveUp" : "activity.moveDown", { step: text(key) })}
                    className="min-h-11 min-w-11 rounded border border-blue-800 bg-white px-2 font-semibold text-blue-800"
                  >
                    <span aria-hidden="true">{by === -1 ? "↑" : "↓"}</span>
                  </button>
                ),
              )}
            </span>
          </li>
        ))}
      </ol>
      <p role="status" className="sr-only">
        {moved}
      </p>
    </>
  );
}

function Parts({
  view,
  fields,
  feedback,
  enhanced,
}: {
  view: ActivityView;
  fields: ActivityFields | null;
  feedback: ActivityFeedback | null;
  enhanced: boolean;
}) {
  const { t } = useTranslation();
  const partFeedback = (key: string) => feedback?.parts.find((part) => part.key === key);
  const id = (key: string) => `${view.key}-${key}`;
  if (view.kind === "order") return <OrderSteps view={view} fields={fields} enhanced={enhanced} />;
  if (view.kind === "sort") {
    return (
      <ul className="mt-3 space-y-3">
        {view.parts.map((part) => (
          <li key={part.key}>
            <label htmlFor={id(part.key)} className="block font-medium">
              {part.text}
            </label>
            <select
              id={id(part.key)}
              name={`${FIELD.category}${part.key}`}
              defaultValue={fields?.category[part.key] ?? ""}
              className="mt-1 block w-full max-w-sm rounded border border-slate-500 bg-white px-2 py-2"
            >
              <option value="">{t("activity.choose")}</option>
              {view.categories.map((category) => (
                <option key={category.key} value={category.key}>
                  {category.text}
                </option>
              ))}
            </select>
            <PartFeedback kind={view.kind} part={partFeedback(part.key)} />
          </li>
        ))}
      </ul>
    );
  }
  const single = view.kind === "choice" && !view.multiple;
  const name = view.kind === "choice" ? FIELD.option : FIELD.sentence;
  const chosen = (view.kind === "choice" ? fields?.option : fields?.sentence) ?? [];
  return (
    <ul className="mt-3 space-y-2">
      {view.parts.map((part) => (
        <li key={part.key}>
          <div className="flex items-start gap-2">
            <input
              id={id(part.key)}
              type={single ? "radio" : "checkbox"}
              name={name}
              value={part.key}
              defaultChecked={chosen.includes(part.key)}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <label htmlFor={id(part.key)}>{part.text}</label>
          </div>
          <PartFeedback kind={view.kind} part={partFeedback(part.key)} />
        </li>
      ))}
    </ul>
  );
}

function OrderVerdict({ feedback }: { feedback: ActivityFeedback }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mt-3 font-medium">{t("activity.yourOrder")}</p>
      <ol className="mt-1 space-y-1">
        {feedback.parts.map((part, index) => (
          <li key={part.key}>
            {index + 1}. {part.text}
            <PartFeedback kind="order" part={part} />
          </li>
        ))}
      </ol>
    </>
  );
}

export function PracticeActivity({
  activity,
  posted,
  lang,
  keepsAnswers = true,
}: {
  activity: ActivityOnPage;
  posted: CheckOutcome | null;
  lang: string;
  /** False in an author's preview, which checks answers and keeps none. */
  keepsAnswers?: boolean;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ checked: CheckOutcome | null }>();
  const formAction = useFormAction();
  const enhanced = useEnhanced();
  const { view, saved } = activity;
  const outcome = fetcher.data?.checked ?? posted;
  const fields = outcome?.fields ?? saved.fields;
  const revision = outcome ? outcome.revision : saved.revision;
  const feedback = outcome?.status === "checked" ? outcome.feedback : null;
  const error =
    outcome?.status === "invalid" ? outcome.error : fetcher.data && !fetcher.data.checked ? "activity.error.invalid" : null;
  const hint =
    view.kind === "choice" && view.multiple
      ? "activity.hint.choiceMultiple"
      : view.kind === "order" && !enhanced
        ? "activity.hint.orderNumbers"
        : HINT[view.kind];
  const ids = {
    title: `${activityAnchor(view.key)}-title`,
    prompt: `${activityAnchor(view.key)}-prompt`,
    hint: `${activityAnchor(view.key)}-hint`,
    error: `${activityAnchor(view.key)}-error`,
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    fetcher.submit(new FormData(event.currentTarget), { method: "post", action: formAction });
  }

  return (
    <section
      id={activityAnchor(view.key)}
      // Named by its prompt too: a lesson has several practice regions, and each must be told apart.
      aria-labelledby={`${ids.title} ${ids.prompt}`}
      className="my-8 rounded border-2 border-blue-800 bg-blue-50 p-4"
      lang={lang}
    >
      <p id={ids.title} className="text-sm font-bold uppercase tracking-wide text-blue-900">
        {t("activity.label")}
      </p>
      <form
        method="post"
        action={`${formAction}#${activityAnchor(view.key)}`}
        onSubmit={enhanced ? onSubmit : undefined}
        noValidate
      >
        <input type="hidden" name={FIELD.activity} value={view.key} />
        <input type="hidden" name={FIELD.revision} value={String(revision)} />
        <fieldset aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}>
          <legend id={ids.prompt} className="text-lg font-semibold">
            {view.prompt}
          </legend>
          <p id={ids.hint} className="mt-1 text-sm text-slate-700">
            {t(hint)}
          </p>
          <Parts view={view} fields={fields} feedback={feedback} enhanced={enhanced} />
        </fieldset>
        {/* Always in the page, so a refused check (with JavaScript, no page load) is announced. */}
        <div role="alert">
          {error ? (
            <p id={ids.error} className="mt-2 font-medium text-red-700">
              {t(error)}
            </p>
          ) : null}
        </div>
        {!outcome && saved.fields ? <p className="mt-3 text-sm text-slate-700">{t("activity.savedBefore")}</p> : null}
        <button type="submit" className="mt-4 rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900">
          {fetcher.state === "idle" ? t("activity.check") : t("activity.checking")}
        </button>
      </form>
      <div role="status" className="mt-3">
        {feedback ? (
          <p className={`rounded border-l-4 p-3 font-semibold ${feedback.correct ? TONE.right : TONE.wrong}`}>
            {t(feedback.correct ? "activity.summaryCorrect" : "activity.summaryIncorrect", {
              right: feedback.right,
              total: feedback.total,
            })}
          </p>
        ) : null}
      </div>
      {feedback ? (
        <div className="mt-2">
          {view.kind === "order" ? <OrderVerdict feedback={feedback} /> : null}
          <p className="mt-3">
            <strong>{t("activity.explanation")}:</strong> {feedback.explanation}
          </p>
          {keepsAnswers && outcome?.status === "checked" && !outcome.saved ? (
            <p className="mt-2 text-sm text-amber-900">{t("activity.notSaved")}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
