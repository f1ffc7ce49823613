/**
 * Copies a network course into a demo author's city on the end-to-end database and prints the
 * copy's key: `tsx tests/e2e/copy-course.ts <author email> <network course key>`. The editors'
 * end-to-end tests start from a copy, made by the same domain function as the course list's button.
 */
import { copyNetworkCourse } from "../../app/authoring/drafts.server.ts";
import { db } from "../../app/db.server.ts";

const [email, sourceKey] = process.argv.slice(2);
const author = await db().user.findUniqueOrThrow({
  where: { email: email!.toLowerCase() },
  select: { id: true, cityId: true, city: { select: { slug: true } } },
});
const copied = await copyNetworkCourse({ cityId: author.cityId, citySlug: author.city.slug, userId: author.id }, sourceKey!);
if (!copied.ok) throw new Error(copied.problem);
process.stdout.write(copied.key);
