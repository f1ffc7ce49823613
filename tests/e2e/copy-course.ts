/**
 * `tsx tests/e2e/copy-course.ts <network course> <author's email>`: copies a network course into the
 * author's city in the end-to-end database, through the same domain function as the authoring
 * pages, and prints the copy's key. For specs that start from a copy.
 */
import { copyNetworkCourse } from "~/authoring/drafts.server.ts";
import { db } from "~/db.server.ts";

const [source, email] = process.argv.slice(2);
const user = await db().user.findUniqueOrThrow({
  where: { email },
  select: { id: true, city: { select: { id: true, slug: true } } },
});
const outcome = await copyNetworkCourse({ cityId: user.city.id, citySlug: user.city.slug, userId: user.id }, source ?? "");
if (!outcome.ok) throw new Error(outcome.problem);
process.stdout.write(outcome.key);
await db().$disconnect();
