/** The HR lists' export columns, headers in the viewer's language, written by `sendExport`. */
import { calendarDayIn } from "~/assignments/cycle-dates.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { sendExport, type ExportColumn, type ExportFormat } from "./export.server.ts";
import {
  expiringForExport,
  overdueForExport,
  peopleForExport,
  type ExpiringRow,
  type ListContext,
  type OverdueRow,
  type PersonRow,
} from "./lists.server.ts";

export const exportLists = ["people", "overdue", "expiring"] as const;
export type ExportList = (typeof exportLists)[number];

/** The filters an export was made with, as the audit log keeps them (ids and keys, no names). */
function auditedFilters({ filters }: ListContext): Record<string, unknown> {
  return {
    department: filters.departmentRow?.id ?? null,
    course: filters.courseRow?.key ?? null,
    status: filters.status ?? null,
    search: filters.search ?? null,
  };
}

export function exportList(input: {
  list: ExportList;
  format: ExportFormat;
  context: ListContext;
  viewer: CurrentUser;
  signal?: AbortSignal;
}): Promise<Response> {
  const { context } = input;
  const t = translatorFor(context.locale);
  const day = (date: Date) => calendarDayIn(date, context.scope.timeZone);
  const noDepartment = t("hrPeople.noDepartment");
  const common = {
    format: input.format,
    filename: `${input.viewer.city.slug}-${t(`exports.file.${input.list}`)}-${day(context.now)}`,
    sheetName: t(`exports.file.${input.list}`),
    audit: { cityId: context.scope.cityId, actorId: input.viewer.id, list: input.list, filters: auditedFilters(context) },
    signal: input.signal,
  };
  const name: ExportColumn<{ name: string }> = { header: t("exports.col.name"), value: (row) => row.name };
  const email: ExportColumn<{ email: string }> = { header: t("exports.col.email"), value: (row) => row.email };
  const department: ExportColumn<{ department: string | null }> = {
    header: t("exports.col.department"),
    value: (row) => row.department ?? noDepartment,
  };
  const course: ExportColumn<{ course: string }> = { header: t("exports.col.course"), value: (row) => row.course };
  switch (input.list) {
    case "people": {
      const columns: ExportColumn<PersonRow>[] = [
        name,
        email,
        department,
        { header: t("exports.col.notStarted"), value: (row) => row.counts["not-started"] },
        { header: t("exports.col.inProgress"), value: (row) => row.counts["in-progress"] },
        { header: t("exports.col.completed"), value: (row) => row.counts.completed },
        { header: t("exports.col.overdue"), value: (row) => row.counts.overdue },
        { header: t("exports.col.expiring"), value: (row) => row.counts.expiring },
      ];
      return sendExport({ ...common, columns, rows: peopleForExport(context) });
    }
    case "overdue": {
      const columns: ExportColumn<OverdueRow>[] = [
        department,
        name,
        email,
        course,
        { header: t("exports.col.dueDate"), value: (row) => day(row.dueAt) },
        { header: t("exports.col.daysOverdue"), value: (row) => row.daysOverdue },
      ];
      return sendExport({ ...common, columns, rows: overdueForExport(context) });
    }
    case "expiring": {
      const columns: ExportColumn<ExpiringRow>[] = [
        department,
        name,
        email,
        course,
        { header: t("exports.col.certificate"), value: (row) => row.code },
        { header: t("exports.col.expires"), value: (row) => day(row.expiresAt) },
        { header: t("exports.col.daysLeft"), value: (row) => row.daysLeft },
      ];
      return sendExport({ ...common, columns, rows: expiringForExport(context) });
    }
  }
}
