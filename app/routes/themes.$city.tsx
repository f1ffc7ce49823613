import type { LoaderFunctionArgs } from "@remix-run/node";
import { cityContrastFailures } from "~/cities/contrast.ts";
import { db } from "~/db.server.ts";

/**
 * A city's colours as a stylesheet. A file (not an inline style) keeps the Content-Security-Policy
 * strict on every navigation; the version in the link changes when the colours do, so it is
 * cached for a year (cache-policy.ts). Colours that fail the contrast rule (or are not `#rrggbb`)
 * are not served: the page keeps the default colours of app/styles.css, which pass.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const city = await db().city.findUnique({
    where: { slug: params.city ?? "" },
    select: { primaryColor: true, accentColor: true },
  });
  if (!city) throw new Response("/* unknown city */", { status: 404, headers: { "Content-Type": "text/css" } });
  const headers = { "Content-Type": "text/css; charset=utf-8" };
  if (cityContrastFailures(city).length > 0)
    return new Response("/* the city's colours fail WCAG AA contrast: default colours */\n", { headers });
  return new Response(`:root{--city-primary:${city.primaryColor};--city-accent:${city.accentColor}}\n`, { headers });
}
