import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAsset } from "~/courses/catalog.server.ts";

/** Lesson images by content hash: immutable, so cached for a year (cache-policy.ts); SVGs can never run scripts. */
export async function loader({ params }: LoaderFunctionArgs) {
  const hash = (params.file ?? "").replace(/\.[a-z]+$/, "");
  const asset = /^[0-9a-f]{64}$/.test(hash) ? await getAsset(hash) : null;
  if (!asset) throw new Response("Not found", { status: 404 });
  return new Response(asset.bytes, {
    headers: {
      "Content-Type": asset.mimeType,
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
