import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server.ts";
import { buttonOnlyLimits } from "~/forms/limits.ts";
import { readForm } from "~/forms/read-form.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request, buttonOnlyLimits);
  const cookie = await endSession(request);
  throw redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie } });
}
