import { describe, expect, it } from "vitest";
import { emailDomainAllowed } from "./email-domains.ts";

describe("emailDomainAllowed", () => {
  it("accepts the city's domain and its subdomains, in any case", () => {
    expect(emailDomainAllowed("ana@madrid.es", ["madrid.es"])).toBe(true);
    expect(emailDomainAllowed("ana@Salud.Madrid.ES", ["madrid.es"])).toBe(true);
  });
  it("refuses look-alike and foreign domains", () => {
    expect(emailDomainAllowed("ana@notmadrid.es", ["madrid.es"])).toBe(false);
    expect(emailDomainAllowed("ana@madrid.es.evil.com", ["madrid.es"])).toBe(false);
    expect(emailDomainAllowed("ana@gmail.com", ["madrid.es"])).toBe(false);
    expect(emailDomainAllowed("no-at-sign", ["madrid.es"])).toBe(false);
  });
});
