import { LESSONS_ROOT } from "../../../site/course/course-data";
import { lessonsVersion } from "../../../site/course/lessons-version";

// Static in a build (nothing polls it there); `next dev` runs it on every request, which is
// what the dev-only lesson refresher polls.
export const dynamic = "force-static";

export async function GET() {
  return Response.json({ version: await lessonsVersion(LESSONS_ROOT) });
}
