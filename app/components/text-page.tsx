import type { TextSection } from "~/content/pages";

/** An information page: the first heading is the page's h1. */
export function TextPage({ sections }: { sections: TextSection[] }) {
  return (
    <article className="prose">
      {sections.map((s, i) => (
        <section key={s.heading}>
          {i === 0 ? <h1>{s.heading}</h1> : <h2>{s.heading}</h2>}
          {s.paragraphs.map((p) => (
            <p key={p.slice(0, 40)}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
