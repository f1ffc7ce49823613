import { describe, expect, it } from "vitest";
import { isPlainName } from "~/auth/validation.ts";
import { demoPerson, seededRandom } from "./demo-names.ts";

const people = (seed: number, locale: string, count: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => demoPerson(random, locale));
};

describe("demo names", () => {
  it("gives the same people for the same seed, and others for another seed", () => {
    expect(people(7, "es", 50)).toEqual(people(7, "es", 50));
    expect(people(7, "es", 50)).not.toEqual(people(8, "es", 50));
  });

  it("draws numbers in range, evenly enough to look random", () => {
    const random = seededRandom(42);
    const draws = Array.from({ length: 10_000 }, () => random.int(1, 6));
    expect(Math.min(...draws)).toBe(1);
    expect(Math.max(...draws)).toBe(6);
    for (let face = 1; face <= 6; face += 1) {
      const share = draws.filter((draw) => draw === face).length / draws.length;
      expect(share).toBeGreaterThan(0.14);
      expect(share).toBeLessThan(0.19);
    }
  });

  it.each(["es", "pt"])("writes %s names the name rule accepts, and emails without accents", (locale) => {
    const list = people(3, locale, 500);
    for (const person of list) {
      expect(isPlainName(person.name)).toBe(true);
      expect(person.localPart).toMatch(/^[a-z]+\.[a-z]+$/);
    }
    expect(new Set(list.map((person) => person.name)).size).toBeGreaterThan(400);
  });

  it("uses the city's language's names", () => {
    expect(people(1, "pt", 300).some((person) => /João|Conceição|Antônio/.test(person.name))).toBe(true);
    expect(people(1, "es", 300).some((person) => /João|Antônio/.test(person.name))).toBe(false);
  });
});
