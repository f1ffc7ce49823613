/** `tsx tests/e2e/copy-course.ts <email> <course>`: prints the key of the city copy (see authoring-support.ts). */
import { copyNetworkCourse } from "~/authoring/drafts.server.ts";
import { db } from "~/db.server.ts";

const [email, courseKey] = process.argv.slice(2);
const user = await db().user.findFirstOrThrow({
  where: { email },
  select: { id: true, city: { select: { id: true, slug: true } } },
});
const copied = await copyNetworkCourse({ cityId: user.city.id, citySlug: user.city.slug, userId: user.id }, courseKey ?? "");
if (!copied.ok) throw new Error(copied.problem);
console.log(copied.key);
await db().$disconnect();
