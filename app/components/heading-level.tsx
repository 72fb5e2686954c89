import { createContext, useContext, type ReactNode } from "react";

// A section that stands on a page by itself or inside a group (a staff member's start page groups
// one body's sections under its name) takes its heading's level from where it stands, so the
// outline stays whole for screen readers that list a page's headings.
const Level = createContext<2 | 3 | 4>(2);

/** The section's heading, one level below the group it stands in (h2 on the page itself). */
export function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  const Tag = `h${useContext(Level)}` as const;
  return <Tag id={id}>{children}</Tag>;
}

/** The sections inside take headings one level lower. */
export function Nested({ children }: { children: ReactNode }) {
  const level = useContext(Level);
  return <Level.Provider value={level === 2 ? 3 : 4}>{children}</Level.Provider>;
}
