/**
 * What a refused stale save shows: the author's own text (still in the form below, nothing lost)
 * beside the text saved meanwhile, so they can merge by hand and save again on the new revision.
 */
import { useTranslation } from "~/i18n/use-translation.ts";
import { FormAlert } from "./form.tsx";

export interface StaleText {
  /** What the text is (a field's or a file's name, in the reader's language). */
  label: string;
  mine: string;
  saved: string;
}

export function StaleConflict({ texts }: { texts: StaleText[] }) {
  const { t } = useTranslation();
  return (
    <FormAlert tone="error">
      <p>{t("authoring.problem.stale")}</p>
      {texts
        .filter((text) => text.mine !== text.saved)
        .map((text) => (
          <section key={text.label} className="mt-3">
            <h2 className="font-semibold">{text.label}</h2>
            <div className="mt-1 grid gap-3 md:grid-cols-2">
              <div>
                <h3 className="text-sm font-semibold">{t("authoring.stale.mine")}</h3>
                <pre
                  className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded border border-slate-300 bg-white p-2 text-sm"
                  tabIndex={0}
                >
                  {text.mine}
                </pre>
              </div>
              <div>
                <h3 className="text-sm font-semibold">{t("authoring.stale.saved")}</h3>
                <pre
                  className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded border border-slate-300 bg-white p-2 text-sm"
                  tabIndex={0}
                >
                  {text.saved}
                </pre>
              </div>
            </div>
          </section>
        ))}
    </FormAlert>
  );
}
