/**
 * What the activities editor's page and its action share: the form's field names, how many parts
 * each kind takes (the format's limits, app/activities/format.ts), and the shape of the editor's view.
 */
import type { ActivityKind } from "~/activities/format.ts";

/** How many parts (options, sentences, items, steps) each kind takes, and how many categories a sort. */
export const PART_LIMITS: Record<ActivityKind, { min: number; max: number }> = {
  choice: { min: 2, max: 6 },
  spot: { min: 3, max: 12 },
  sort: { min: 3, max: 10 },
  order: { min: 3, max: 8 },
};
export const CATEGORY_LIMITS = { min: 2, max: 5 };
export const MAX_PARTS = Math.max(...Object.values(PART_LIMITS).map((limit) => limit.max));

/** The form's field names. */
export const field = {
  part: (index: number, name: "key" | "text" | "feedback" | "flag" | "category") => `part-${index}-${name}`,
  category: (index: number, name: "key" | "text") => `category-${index}-${name}`,
};

export interface ShownProblem {
  /** The form field it belongs to: "prompt", "parts", "part-2-feedback", "activity" (the whole activity)... */
  field: string;
  text: string;
  severity: "error" | "warning";
}

export interface EditorView {
  kind: ActivityKind;
  /** null for a new activity. */
  key: string | null;
  /** Rows shown: every existing part, and in the source language blank rows up to the kind's limit. */
  partCount: number;
  categoryCount: number;
  values: Record<string, string>;
  /** The source language's values beside a translation's (read-only); null in the source language. */
  source: Record<string, string> | null;
}
