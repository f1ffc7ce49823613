import { describe, expect, it } from "vitest";
import { hasAnyRole, hasRole, mayTakeOverAccountOf } from "./roles.ts";

describe("roles", () => {
  it("treats everyone as a learner", () => {
    expect(hasRole([], "LEARNER")).toBe(true);
    expect(hasRole([], "HR")).toBe(false);
    expect(hasAnyRole(["HR"], ["CITY_ADMIN", "HR"])).toBe(true);
  });

  it("lets a city admin reset the password of learners, trainers and HR staff", () => {
    expect(mayTakeOverAccountOf(["CITY_ADMIN"], [])).toBe(true);
    expect(mayTakeOverAccountOf(["CITY_ADMIN", "TRAINER", "HR"], ["TRAINER", "HR"])).toBe(true);
  });

  it("refuses when the person is an administrator or holds a role the actor lacks", () => {
    expect(mayTakeOverAccountOf(["CITY_ADMIN"], ["CITY_ADMIN"])).toBe(false);
    expect(mayTakeOverAccountOf(["CITY_ADMIN", "NETWORK_ADMIN"], ["NETWORK_ADMIN"])).toBe(false);
    expect(mayTakeOverAccountOf(["CITY_ADMIN"], ["HR"])).toBe(false);
  });
});
