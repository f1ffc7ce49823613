/**
 * Item-writing rules: a quiz a learner can pass without understanding gives itself away by its
 * shape. Written once here: the course checker reports them as warnings (a course still imports;
 * `npm run courses:check` holds the shipped curriculum to them), and the browser editor shows the
 * same findings while a trainer writes.
 */
import type { Locale } from "~/i18n/locales.ts";
import type { QuestionFile, QuizFile } from "./format.ts";
import type { CheckerCode, ProblemParams } from "./problems.ts";

export interface ItemFinding {
  /** Where in quiz.yaml: the question's index, or null for a rule about the whole quiz. */
  questionIndex: number | null;
  code: CheckerCode;
  params: ProblemParams;
}

/** The most single-choice questions whose correct option may be the strictly longest: a third. */
export function longestCorrectAllowed(singleChoiceCount: number): number {
  return Math.floor(singleChoiceCount / 3);
}

/** Whether the one correct option is longer, in characters, than every other option. */
export function correctIsStrictlyLongest(question: QuestionFile, locale: Locale): boolean {
  if (question.type !== "single") return false;
  const [correct] = question.correct;
  const lengthOf = (key: string) => [...(question.options.find((option) => option.key === key)?.text[locale] ?? "")].length;
  const correctLength = lengthOf(correct ?? "");
  return question.options.every((option) => option.key === correct || lengthOf(option.key) < correctLength);
}

export function itemWritingFindings(quiz: QuizFile, languages: readonly Locale[]): ItemFinding[] {
  const findings: ItemFinding[] = [];
  const singles = quiz.questions.flatMap((question, index) => (question.type === "single" ? [{ question, index }] : []));
  const allowed = longestCorrectAllowed(singles.length);
  for (const locale of languages) {
    const giveaways = singles.filter(({ question }) => correctIsStrictlyLongest(question, locale));
    if (giveaways.length > allowed) {
      findings.push({
        questionIndex: null,
        code: "checker.correctOftenLongest",
        params: { language: locale, count: giveaways.length, total: singles.length, allowed, questions: giveaways.map(({ question }) => question.key).join(", ") },
      });
    }
  }
  const multiples = quiz.questions.filter((question) => question.type === "multiple");
  const correctCounts = new Set(multiples.map((question) => (question.type === "multiple" ? question.correct.length : 0)));
  if (multiples.length > 1 && correctCounts.size === 1) {
    findings.push({
      questionIndex: null,
      code: "checker.sameCorrectCount",
      params: { count: [...correctCounts][0] ?? 0 },
    });
  }
  return findings;
}

/** A question's text as compared across courses: case, spacing and final punctuation aside. */
export function comparableText(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("und").replace(/\s+/g, " ").replace(/[\s.?!¿¡]+$/u, "").trim();
}

export interface QuizInCourse {
  courseKey: string;
  quiz: QuizFile;
  languages: readonly Locale[];
}

/** Question texts that appear in more than one course, in any language. */
export function repeatedQuestions(
  courses: readonly QuizInCourse[],
): Array<{ courseKey: string; questionIndex: number; otherCourseKey: string; locale: Locale }> {
  const firstSeen = new Map<string, string>();
  const repeats: Array<{ courseKey: string; questionIndex: number; otherCourseKey: string; locale: Locale }> = [];
  for (const { courseKey, quiz, languages } of courses) {
    quiz.questions.forEach((question, questionIndex) => {
      for (const locale of languages) {
        const text = question.text[locale];
        if (!text) continue;
        const seenKey = `${locale}\u0000${comparableText(text)}`;
        const other = firstSeen.get(seenKey);
        if (other === undefined) firstSeen.set(seenKey, courseKey);
        else if (other !== courseKey) {
          repeats.push({ courseKey, questionIndex, otherCourseKey: other, locale });
          return;
        }
      }
    });
  }
  return repeats;
}
