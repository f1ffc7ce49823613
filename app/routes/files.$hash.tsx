import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFile } from "~/cities/stored-files.server.ts";

/**
 * Files of the file store (city logos) by the SHA-256 of their bytes: the same address is always
 * the same file, so it is cached for a year (cache-policy.ts). An SVG is served as a document that
 * can load nothing and run nothing (and, like every answer, with `nosniff`: no browser reads it as another type).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await getFile(params.hash ?? "");
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
