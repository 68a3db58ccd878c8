import { getCourse } from "../site/course/course-data";
import { courseOutline } from "../site/course/page-data";
import { HomePage } from "../site/components/home-page";

export default async function Home() {
  return <HomePage outline={courseOutline(await getCourse())} />;
}
