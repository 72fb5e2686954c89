import { TextPage } from "~/components/text-page";
import { useLang } from "~/components/root-data";
import { accessibility } from "~/content/pages";
import { titleMeta } from "~/domain/kernel/meta";

export const meta = titleMeta("a11y.title");

export default function Accessibility() {
  return <TextPage sections={accessibility[useLang()]} />;
}
