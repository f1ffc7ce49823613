/** The fixed list of competencies a course can cover (names translated in the message catalogs). */
export const competencies = [
  "ai-foundations",
  "generative-ai-use",
  "critical-evaluation",
  "data-protection",
  "ethics-and-rights",
  "transparency-and-accountability",
  "security",
  "governance-and-procurement",
] as const;
export type Competency = (typeof competencies)[number];

export const levels = ["introductory", "intermediate", "advanced"] as const;
export type Level = (typeof levels)[number];

export function competencyLabelKey(competency: Competency) {
  return `competency.${competency}` as const;
}

export function levelLabelKey(level: Level) {
  return `level.${level}` as const;
}
