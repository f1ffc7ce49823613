import { describe, expect, it } from "vitest";
import { formatsFor } from "./formats.ts";

const NBSP = "\u00a0";

describe("formats for the page's language", () => {
  it("writes percentages the language's way; es keeps the sign on the number's line", () => {
    expect(formatsFor("es").percent(0)).toBe(`0${NBSP}%`);
    expect(formatsFor("es").percent(85)).toBe(`85${NBSP}%`);
    expect(formatsFor("pt").percent(85)).toBe("85%");
    expect(formatsFor("en").percent(100)).toBe("100%");
  });

  it("names the time zone of a moment, in the language", () => {
    const moment = "2026-12-01T10:30:00Z";
    expect(formatsFor("es").dateTimeWithZone(moment, "Europe/Madrid")).toBe(
      "1 de diciembre de 2026 a las 11:30 hora estándar de Europa central",
    );
    expect(formatsFor("pt").dateTimeWithZone(moment, "America/Sao_Paulo")).toBe(
      "1 de dezembro de 2026 às 07:30 Horário Padrão de Brasília",
    );
    expect(formatsFor("en").timeWithZone(moment, "America/Bogota")).toBe("5:30 AM Colombia Standard Time");
  });

  it("writes file sizes with the language's decimal sign", () => {
    expect(formatsFor("es").fileSize(1.5 * 1024 * 1024)).toBe("1,5 MB");
    expect(formatsFor("en").fileSize(2 * 1024 * 1024)).toBe("2 MB");
    expect(formatsFor("pt").fileSize(16 * 1024)).toBe("16 kB");
  });

  it("writes a calendar day the language's way, the same day in any time zone", () => {
    expect(formatsFor("es").calendarDay("2026-03-31")).toBe("31 de marzo de 2026");
    expect(formatsFor("pt").calendarDay("2026-01-01")).toBe("1 de janeiro de 2026");
    expect(formatsFor("en").calendarDay("2026-12-31")).toBe("December 31, 2026");
    expect(formatsFor("es").shortDay("2026-03-09")).toBe("9 mar");
  });

  it("writes counts and measures with the language's separators, one decimal at most", () => {
    expect(formatsFor("es").number(12345.67)).toBe("12.345,7");
    expect(formatsFor("en").number(2.5)).toBe("2.5");
  });
});
