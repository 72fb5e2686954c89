import type { ReactNode } from "react";

/** A titled box that says what one can do next, with the link or links to do it. */
export function CallToAction({
  id,
  title,
  body,
  className,
  children,
}: {
  id: string;
  title: string;
  body: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{body}</p>
      {children}
    </section>
  );
}
