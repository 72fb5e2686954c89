import { TextPage } from "~/components/text-page";
import { useLang } from "~/components/root-data";
import { aboutIop } from "~/content/pages";
import { pageMeta } from "~/domain/kernel/meta";

export const meta = pageMeta("about.title");

export default function AboutIop() {
  return <TextPage sections={aboutIop[useLang()]} />;
}
