/** The links between the pages of one course being authored, shown at the top of each of them. */
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { SubNav } from "./admin-nav.tsx";

export type AuthorPage = "details" | "quiz" | "analysis" | "translations" | "preview" | "publish" | "history" | "share";

const authorPages: Array<{ page: AuthorPage; path: string; label: MessageKey }> = [
  { page: "details", path: "", label: "authoring.nav.details" },
  { page: "quiz", path: "/quiz", label: "authoring.nav.quiz" },
  { page: "analysis", path: "/quiz/analysis", label: "analysis.nav" },
  { page: "translations", path: "/translations", label: "authoring.nav.translations" },
  { page: "preview", path: "/preview", label: "authoring.nav.preview" },
  { page: "publish", path: "/publish", label: "authoring.nav.publish" },
  { page: "history", path: "/history", label: "authoring.nav.history" },
  { page: "share", path: "/export", label: "sharing.nav.share" },
];

export function authorCoursePath(courseKey: string, page: AuthorPage = "details"): string {
  return `/author/${courseKey}${authorPages.find((entry) => entry.page === page)!.path}`;
}

export function AuthorNav({
  courseKey,
  courseTitle,
  current,
}: {
  courseKey: string;
  courseTitle: string;
  current: AuthorPage | null;
}) {
  const { t } = useTranslation();
  const pages = authorPages.map((entry) => ({ to: authorCoursePath(courseKey, entry.page), label: entry.label }));
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link to="/author" className="text-blue-800 underline">
          {t("authoring.nav.allCourses")}
        </Link>
        <span aria-hidden="true"> › </span>
        <span>{courseTitle}</span>
      </p>
      <SubNav pages={pages} current={current ? authorCoursePath(courseKey, current) : ""} label={t("authoring.nav.label")} />
    </div>
  );
}
