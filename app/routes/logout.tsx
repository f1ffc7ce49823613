import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request);
  throw redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie } });
}
