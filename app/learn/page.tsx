import { getCourse } from "../../site/course/course-data";
import { courseOutline } from "../../site/course/page-data";
import { OutlinePage } from "../../site/components/outline-page";

export const metadata = { title: "Outline" };

export default async function Outline() {
  return <OutlinePage outline={courseOutline(await getCourse())} />;
}
