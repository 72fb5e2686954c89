// A readable comparison of two versions of the agreement, section by section, word by word,
// with the maintained `diff` library (docs/decisions/011-agreement.md). Plain.
import { diffWordsWithSpace } from "diff";
import type { AgreementSection, AgreementTerms } from "#models/agreement";
import { AGREEMENT_SECTIONS, termsText } from "./agreement-text";

export interface DiffPart {
  text: string;
  change: "same" | "added" | "removed";
}

type Version = { sections: AgreementSection[] } & AgreementTerms;

/** Each section (and the terms) with its parts; `changed` says whether anything differs. */
export function compareVersions(from: Version, to: Version) {
  const text = (v: Version, key: string) => v.sections.find((s) => s.key === key)?.text ?? "";
  const rows: [string, string, string][] = [
    ["terms", termsText(from), termsText(to)],
    ...AGREEMENT_SECTIONS.map(([key]): [string, string, string] => [key, text(from, key), text(to, key)]),
  ];
  return rows.map(([key, a, b]) => {
    const parts: DiffPart[] = diffWordsWithSpace(a, b).map((p) => ({
      text: p.value,
      change: p.added ? "added" : p.removed ? "removed" : "same",
    }));
    return { key, changed: parts.some((p) => p.change !== "same"), parts };
  });
}
