import { describe, expect, it } from "vitest";
import { cacheHeaders, isPublicPath, PRIVATE } from "./cache-policy.ts";

const read = { method: "GET", status: 200, sessionRead: false, setsCookie: false };

describe("public paths", () => {
  it("are the verification page (and its data), themes and lesson images, nothing else", () => {
    expect(isPublicPath("/verify/MAD-2222-3333-4444")).toBe(true);
    expect(isPublicPath("/verify/MAD-2222-3333-4444.data")).toBe(true);
    expect(isPublicPath("/themes/madrid")).toBe(true);
    expect(isPublicPath(`/course-assets/${"0".repeat(64)}.png`)).toBe(true);
    for (const personal of [
      "/",
      "/_root.data",
      "/verify",
      "/verify.data",
      "/verify/a/b",
      "/profile",
      "/certificates",
      "/xverify/a",
    ])
      expect(isPublicPath(personal)).toBe(false);
  });
});

describe("cacheHeaders", () => {
  it("lets a public page be cached, varying with what chooses its language", () => {
    expect(cacheHeaders({ ...read, pathname: "/verify/X" })).toEqual({
      cacheControl: "public, max-age=60",
      vary: "Accept-Language, Cookie",
    });
    expect(cacheHeaders({ ...read, method: "HEAD", pathname: "/themes/madrid" }).cacheControl).toContain("immutable");
  });

  it("never lets a cache keep an answer that read the session or sets a cookie", () => {
    expect(cacheHeaders({ ...read, pathname: "/verify/X", sessionRead: true })).toEqual({ cacheControl: PRIVATE });
    expect(cacheHeaders({ ...read, pathname: "/verify/X", setsCookie: true })).toEqual({ cacheControl: PRIVATE });
  });

  it("keeps errors, redirects, posts and every other page private", () => {
    expect(cacheHeaders({ ...read, pathname: "/verify/X", status: 404 })).toEqual({ cacheControl: PRIVATE });
    expect(cacheHeaders({ ...read, pathname: "/themes/x", status: 302 })).toEqual({ cacheControl: PRIVATE });
    expect(cacheHeaders({ ...read, pathname: "/verify/X", method: "POST" })).toEqual({ cacheControl: PRIVATE });
    expect(cacheHeaders({ ...read, pathname: "/courses" })).toEqual({ cacheControl: PRIVATE });
  });
});
