import type { ReactNode } from "react";
import type { TextSection } from "~/content/pages";

// Web addresses in a text become links (texts administrators write are plain text, never HTML).
const URL_PATTERN = /(https?:\/\/[^\s]+[^\s.,;:!?)])/g;
function withLinks(text: string): ReactNode[] {
  return text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <a key={part} href={part} rel="noopener noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** An information page: the first heading is the page's h1 (or the page gives its own h1). */
export function TextPage({ sections, headingLevel = 1 }: { sections: TextSection[]; headingLevel?: 1 | 2 }) {
  return (
    <article className="prose">
      {sections.map((s, i) => (
        <section key={`${i}-${s.heading}`}>
          {s.heading ? i === 0 && headingLevel === 1 ? <h1>{s.heading}</h1> : <h2>{s.heading}</h2> : null}
          {s.paragraphs.map((p) => (
            <p key={p.slice(0, 40)}>{withLinks(p)}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
