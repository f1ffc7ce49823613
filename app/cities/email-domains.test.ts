import { describe, expect, it } from "vitest";
import { emailDomainAllowed, isEmailDomain, parseEmailDomains } from "./email-domains.ts";

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

describe("parseEmailDomains and isEmailDomain", () => {
  it("reads one a line or separated by commas, lower-cased, each once, without a leading @", () => {
    expect(parseEmailDomains("madrid.es\n@Madrid.ES, ayto.madrid.es  \n\n")).toEqual(["madrid.es", "ayto.madrid.es"]);
  });

  it("accepts domain names and refuses the rest", () => {
    expect(isEmailDomain("prefeitura.sp.gov.br")).toBe(true);
    for (const bad of [
      "localhost",
      "madrid",
      "-madrid.es",
      "madrid..es",
      "mad rid.es",
      "madrid.es/x",
      "x@madrid.es",
      "madrid.e5",
    ])
      expect(isEmailDomain(bad), bad).toBe(false);
  });
});
