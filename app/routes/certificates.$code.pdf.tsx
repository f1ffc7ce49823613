import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server.ts";
import { certificateForDownload } from "~/certificates/certificates.server.ts";
import { renderCertificatePdf } from "~/certificates/pdf.server.ts";
import { appUrl } from "~/env.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getTranslator } from "~/i18n/locale.server.ts";

/** The holder's certificate as a PDF, rendered on request from the snapshot taken at issue. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await certificateForDownload(user.id, params.code ?? "");
  if (!certificate) throw notFound();
  if (certificate.revokedAt) {
    // A revoked certificate must not keep circulating as a clean PDF.
    const t = await getTranslator(request);
    return new Response(t("certificates.revokedNoDownload"), {
      status: 410,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const pdf = await renderCertificatePdf(certificate, `${appUrl()}/verify/${certificate.code}`);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="aula-ia-${certificate.code}.pdf"`,
    },
  });
}
