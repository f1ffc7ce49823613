/** An audit entry's details (a JSON object) as one readable line: "role: CITY_ADMIN · rows: 12". */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined && inner !== null && inner !== "")
      .map(([key, inner]) => `${key} ${valueText(inner)}`)
      .join(", ");
  return String(value);
}

export function summariseDetails(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return json;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return valueText(parsed);
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, value]) => [key, valueText(value)] as const)
    .filter(([, text]) => text !== "")
    .map(([key, text]) => `${key}: ${text}`)
    .join(" · ");
}
