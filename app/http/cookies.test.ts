import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCookie, serializeCookie } from "./cookies.ts";

describe("readCookie", () => {
  it("finds a cookie among others, with or without spaces", () => {
    expect(readCookie("a=1; aula_session=abc; b=2", "aula_session")).toBe("abc");
    expect(readCookie("a=1;aula_session=abc", "aula_session")).toBe("abc");
    expect(readCookie("xaula_session=abc", "aula_session")).toBeNull();
    expect(readCookie(null, "aula_session")).toBeNull();
  });

  it("ignores a malformed cookie instead of failing the request", () => {
    expect(readCookie("x=%zz; aula_lang=pt", "aula_lang")).toBe("pt");
    expect(readCookie("aula_lang=%zz", "aula_lang")).toBeNull();
    expect(readCookie("=; ;;novalue; aula_lang=en", "aula_lang")).toBe("en");
  });

  it("never throws, whatever the header holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), (header, name) => {
        const value = readCookie(header, name);
        expect(value === null || typeof value === "string").toBe(true);
      }),
    );
  });

  it("reads back what serializeCookie wrote, next to any other cookies", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (value, other) => {
        const written = serializeCookie("aula_session", value, { maxAgeSeconds: 60, secure: false }).split(";")[0];
        const header = `other=${encodeURIComponent(other)}; x=%zz; ${written}`;
        expect(readCookie(header, "aula_session")).toBe(value);
      }),
    );
  });
});

describe("serializeCookie", () => {
  it("writes a site-wide Lax cookie, HttpOnly and Secure when asked", () => {
    expect(serializeCookie("aula_session", "t", { maxAgeSeconds: 90.5, httpOnly: true, secure: true })).toBe(
      "aula_session=t; Path=/; Max-Age=90; HttpOnly; SameSite=Lax; Secure",
    );
    expect(serializeCookie("aula_session", "", { maxAgeSeconds: -5, secure: false })).toBe(
      "aula_session=; Path=/; Max-Age=0; SameSite=Lax",
    );
  });
});
