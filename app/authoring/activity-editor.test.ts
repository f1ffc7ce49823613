import { describe, expect, it } from "vitest";
import type { ActivityFile } from "~/activities/format.ts";
import { activitiesFileSchema } from "~/activities/format.ts";
import { field } from "./activity-fields.ts";
import {
  activityInput,
  appendMarker,
  applyActivityForm,
  changeActivities,
  fieldOfPath,
  formValuesOf,
  placements,
  removeMarkers,
} from "./activity-editor.server.ts";
import type { DraftModel } from "./draft-model.ts";

const choice: ActivityFile = {
  key: "check-a-reply",
  kind: "choice",
  prompt: { es: "¿Qué haría?", en: "What would you do?" },
  multiple: false,
  options: [
    { key: "check", correct: true, text: { es: "Comprobar", en: "Check" }, feedback: { es: "Bien", en: "Right" } },
    { key: "send", correct: false, text: { es: "Enviar", en: "Send" }, feedback: { es: "No", en: "No" } },
  ],
  explanation: { es: "Explicación", en: "Explanation" },
};

function apply(values: Record<string, string>, options: Partial<Parameters<typeof applyActivityForm>[0]> = {}) {
  return applyActivityForm({
    kind: "choice",
    existing: null,
    locale: "es",
    sourceLocale: "es",
    input: activityInput(values),
    courseKeys: [],
    ...options,
  });
}

describe("a new activity from the form", () => {
  it("gets keys made from its texts, never typed, and reads as the format says", () => {
    const applied = apply(
      {
        prompt: "¿Qué haría?",
        explanation: "Porque sí.",
        [field.part(0, "text")]: "Comprobar la fuente",
        [field.part(0, "flag")]: "on",
        [field.part(1, "text")]: "Comprobar la fuente",
        [field.part(1, "feedback")]: "No",
      },
      { courseKeys: ["que-haria"] },
    );
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.activity.key).toBe("que-haria-2");
    expect(applied.activity.kind === "choice" && applied.activity.options.map((option) => [option.key, option.correct])).toEqual([
      ["comprobar-la-fuente", true],
      ["comprobar-la-fuente-2", false],
    ]);
    expect(activitiesFileSchema.safeParse({ activities: [applied.activity] }).success).toBe(true);
  });

  it("refuses an empty source text and more than six options, next to their fields", () => {
    const values: Record<string, string> = { prompt: " ", explanation: "x" };
    for (let index = 0; index < 7; index += 1) values[field.part(index, "text")] = `Opción ${index}`;
    values[field.part(2, "text")] = "";
    values[field.part(2, "feedback")] = "Sin texto";
    const applied = apply(values);
    expect(applied).toEqual({
      ok: false,
      errors: {
        prompt: "authoring.activities.error.emptyText",
        [field.part(2, "text")]: "authoring.activities.error.emptyText",
        parts: "authoring.activities.error.choiceCount",
      },
    });
  });

  it("sorts items into the categories chosen by row, and refuses an item without one", () => {
    const values: Record<string, string> = {
      prompt: "Clasifique",
      explanation: "x",
      [field.category(0, "text")]: "Alto",
      [field.category(2, "text")]: "Bajo",
    };
    ["Uno", "Dos", "Tres"].forEach((text, index) => {
      values[field.part(index, "text")] = text;
      values[field.part(index, "category")] = index === 0 ? "2" : "0";
    });
    const applied = apply(values, { kind: "sort" });
    expect(applied.ok && applied.activity.kind === "sort" && applied.activity.items.map((item) => item.category)).toEqual([
      "bajo",
      "alto",
      "alto",
    ]);
    values[field.part(1, "category")] = "1";
    expect(apply(values, { kind: "sort" })).toEqual({
      ok: false,
      errors: { [field.part(1, "category")]: "authoring.activities.error.chooseCategory" },
    });
  });
});

describe("editing an activity", () => {
  it("in a translation changes only that language's texts; a blank one becomes missing", () => {
    const values = {
      ...formValuesOf(choice, "pt"),
      prompt: "O que faria?",
      [field.part(0, "text")]: "Verificar",
      [field.part(1, "flag")]: "on",
    };
    const applied = applyActivityForm({
      kind: "choice",
      existing: choice,
      locale: "pt",
      sourceLocale: "es",
      input: activityInput(values),
      courseKeys: [],
    });
    expect(applied.ok).toBe(true);
    if (!applied.ok || applied.activity.kind !== "choice") return;
    expect(applied.activity.prompt).toEqual({ es: "¿Qué haría?", en: "What would you do?", pt: "O que faria?" });
    expect(applied.activity.options.map((option) => [option.key, option.correct, option.text.pt])).toEqual([
      ["check", true, "Verificar"],
      ["send", false, undefined],
    ]);
  });

  it("in the source language keeps the keys of the rows it had and the other languages' texts", () => {
    const values = {
      ...formValuesOf(choice, "es"),
      [field.part(1, "text")]: "Mandar",
      [field.part(2, "text")]: "Preguntar",
      [field.part(2, "feedback")]: "Mejor",
    };
    const applied = applyActivityForm({
      kind: "choice",
      existing: choice,
      locale: "es",
      sourceLocale: "es",
      input: activityInput(values),
      courseKeys: ["check-a-reply"],
    });
    expect(
      applied.ok && applied.activity.kind === "choice" && applied.activity.options.map((option) => [option.key, option.text]),
    ).toEqual([
      ["check", { es: "Comprobar", en: "Check" }],
      ["send", { es: "Mandar", en: "Send" }],
      ["preguntar", { es: "Preguntar" }],
    ]);
    expect(applied.ok && applied.activity.key).toBe("check-a-reply");
  });
});

describe("markers", () => {
  it("are appended as a paragraph of their own and removed with the activity", () => {
    const body = "Intro.\n\n## Uno\n\n{{activity: other}}\n\nTexto.\n";
    const added = appendMarker(body, "new-one");
    expect(added).toBe("Intro.\n\n## Uno\n\n{{activity: other}}\n\nTexto.\n\n{{activity: new-one}}\n");
    expect(appendMarker("", "x")).toBe("{{activity: x}}\n");
    expect(removeMarkers(added, "new-one")).toBe(body);
    expect(removeMarkers(added, "other")).toBe("Intro.\n\n## Uno\n\nTexto.\n\n{{activity: new-one}}\n");
  });

  it("say after which heading an activity stands in each language, or that it is not placed", () => {
    const lesson = {
      key: "l",
      activities: [choice],
      images: [],
      translations: {
        es: { frontMatter: { title: "L", minutes: 5 }, body: "## Primera\n\n{{activity: check-a-reply}}\n" },
        pt: { frontMatter: { title: "L", minutes: 5 }, body: "{{activity: check-a-reply}}\n\n## Primeira\n" },
        en: { frontMatter: { title: "L", minutes: 5 }, body: "No marker.\n" },
      },
    };
    expect(placements(lesson, "check-a-reply", ["es", "pt", "en"])).toEqual([
      { locale: "es", state: "placed", after: "Primera" },
      { locale: "pt", state: "placed", after: null },
      { locale: "en", state: "missing" },
    ]);
  });

  it("follow the activities added and removed in every language of the lesson", () => {
    const model = {
      lessons: [
        {
          key: "l",
          activities: [],
          images: [],
          translations: {
            es: { frontMatter: { title: "L", minutes: 5 }, body: "Hola." },
            en: { frontMatter: { title: "L", minutes: 5 }, body: "Hi." },
          },
        },
      ],
    } as unknown as DraftModel;
    expect(changeActivities(model, "l", { op: "add", activity: choice })).toBe(true);
    expect(model.lessons[0]!.translations.en!.body).toBe("Hi.\n\n{{activity: check-a-reply}}\n");
    expect(changeActivities(model, "l", { op: "move", key: "check-a-reply", by: -1 })).toBe(false);
    expect(changeActivities(model, "l", { op: "remove", key: "check-a-reply" })).toBe(true);
    expect(model.lessons[0]!.activities).toEqual([]);
    expect(model.lessons[0]!.translations.es!.body).toBe("Hola.\n");
  });
});

describe("a checker path", () => {
  it("names the form field it is about", () => {
    expect(fieldOfPath(["options"])).toBe("parts");
    expect(fieldOfPath(["items", 3, "category"])).toBe(field.part(3, "category"));
    expect(fieldOfPath(["sentences", 1, "feedback"])).toBe(field.part(1, "feedback"));
    expect(fieldOfPath(["categories", 0, "text"])).toBe(field.category(0, "text"));
    expect(fieldOfPath(["prompt"])).toBe("prompt");
    expect(fieldOfPath(["key"])).toBe("activity");
  });
});
