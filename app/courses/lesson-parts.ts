/**
 * A lesson body is stored as its whole HTML plus where its practice activities go (offsets
 * into the HTML), so a lesson without activities reads as before. The page splits it into
 * the HTML parts with activity slots between them.
 */
import { z } from "zod";

const storedSlots = z.array(z.object({ key: z.string(), at: z.number().int().min(0) }));

export interface LessonParts {
  /** One more part than there are slots; slot i sits between part i and part i + 1. */
  parts: string[];
  slots: string[];
}

export function joinLessonParts({ parts, slots }: LessonParts): { html: string; slots: string } {
  let at = 0;
  const placed = slots.map((key, index) => {
    at += parts[index]?.length ?? 0;
    return { key, at };
  });
  return { html: parts.join(""), slots: JSON.stringify(placed) };
}

export function splitLessonParts(html: string, slotsJson: string): LessonParts {
  const slots = storedSlots.parse(JSON.parse(slotsJson));
  const parts: string[] = [];
  let from = 0;
  for (const slot of slots) {
    parts.push(html.slice(from, slot.at));
    from = slot.at;
  }
  parts.push(html.slice(from));
  return { parts, slots: slots.map((slot) => slot.key) };
}
