/** Whether an email address belongs to one of a city's domains (or a subdomain of one). */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return domains.some((allowed) => domain === allowed.toLowerCase() || domain.endsWith(`.${allowed.toLowerCase()}`));
}

/** A domain name as sign-up accepts it: labels of letters, digits and hyphens, a top-level name of letters. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isEmailDomain(value: string): boolean {
  return DOMAIN.test(value);
}

/** The domains typed in a box (one a line, or separated by commas or spaces), lower-cased, each once. */
export function parseEmailDomains(text: string): string[] {
  const domains = text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
    .filter((domain) => domain !== "");
  return [...new Set(domains)];
}
