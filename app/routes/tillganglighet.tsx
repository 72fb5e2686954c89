import { TextPage } from "~/components/text-page";
import { useLang } from "~/components/root-data";
import { accessibility } from "~/content/pages";
import { pageMeta } from "~/domain/kernel/meta";

export const meta = pageMeta("a11y.title");

export default function Accessibility() {
  return <TextPage sections={accessibility[useLang()]} />;
}
