import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server.ts";
import { certificateForDownload, countPdfRendering } from "~/certificates/certificates.server.ts";
import { renderCertificatePdf } from "~/certificates/pdf.server.ts";
import { appUrl } from "~/env.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { clientIp } from "~/http/load-context.ts";
import { getTranslator } from "~/i18n/locale.server.ts";
import type { Translate } from "~/i18n/translate.ts";

/** The holder's certificate as a PDF, rendered on request from the snapshot taken at issue. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await certificateForDownload(user.id, params.code ?? "");
  if (!certificate) throw notFound();
  const refusal = async (status: number, text: (t: Translate) => string, headers: Record<string, string> = {}) =>
    new Response(text(await getTranslator(request)), {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
    });
  // A revoked certificate must not keep circulating as a clean PDF.
  if (certificate.revokedAt) return refusal(410, (t) => t("certificates.revokedNoDownload"));
  const throttle = await countPdfRendering(user.id, clientIp(context));
  if (throttle.blocked) {
    const minutes = throttle.retryAfterMinutes;
    return refusal(429, (t) => t("certificates.downloadThrottled", { count: minutes }), { "Retry-After": String(minutes * 60) });
  }
  const pdf = await renderCertificatePdf(certificate, `${appUrl()}/verify/${certificate.code}`);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="aula-ia-${certificate.code}.pdf"`,
    },
  });
}
