import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server.ts";

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * A city's colours as a stylesheet. A file (not an inline style) keeps the Content-Security-Policy
 * strict on every navigation; the version in the link changes when the colours do, so it is
 * cached for a year (cache-policy.ts).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const city = await db().city.findUnique({
    where: { slug: params.city ?? "" },
    select: { primaryColor: true, accentColor: true },
  });
  if (!city || !HEX_COLOUR.test(city.primaryColor) || !HEX_COLOUR.test(city.accentColor))
    throw new Response("/* unknown city */", { status: 404, headers: { "Content-Type": "text/css" } });
  return new Response(`:root{--city-primary:${city.primaryColor};--city-accent:${city.accentColor}}\n`, {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
}
