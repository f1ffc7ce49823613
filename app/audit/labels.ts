/** How the audit log writes a person and an action, on the page and in its exports. */
import { translateMaybe, type Translate } from "~/i18n/translate.ts";

/** A person named in an entry: a name, an erased person (mapping deleted) or the system. */
export type AuditPerson = { kind: "person"; name: string; ref: string } | { kind: "erased"; ref: string } | { kind: "system" };

export function personLabel(t: Translate, person: AuditPerson | null): string {
  if (!person) return "";
  if (person.kind === "system") return t("audit.system");
  if (person.kind === "erased") return t("audit.erased");
  return person.name;
}

export function actionLabel(t: Translate, action: string): string {
  return translateMaybe(t, `audit.action.${action}`);
}

export function targetLabel(row: { targetType: string | null; targetId: string | null }): string {
  return [row.targetType, row.targetId].filter(Boolean).join(" ");
}
