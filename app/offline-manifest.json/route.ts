import { getCourse } from "../../site/course/course-data";
import { offlineManifest } from "../../site/course/offline-manifest";
import { staticBuildFiles } from "../../site/course/build-files";

// Generated at build time: the Service Worker reads it to know which pages to keep offline.
export const dynamic = "force-static";

export async function GET() {
  return Response.json(offlineManifest(await getCourse(), await staticBuildFiles()));
}
