/** On the page that follows "mark as complete" (next lesson, quiz or course page): says the lesson was saved. */
import { useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";
import { LiveStatus } from "~/ui/live-status.tsx";
import { cameFromCompletion } from "./progress.ts";

export function LessonSavedNotice() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  return (
    <LiveStatus
      text={cameFromCompletion(searchParams) ? `✓ ${t("lesson.saved")}` : null}
      announceKey={location.key}
      className="mt-2 rounded border-l-4 border-green-700 bg-green-50 p-2 font-semibold text-green-900"
    />
  );
}
