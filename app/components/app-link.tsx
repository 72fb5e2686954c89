import { createContext, useContext, type AnchorHTMLAttributes } from "react";
import { Link, NavLink, useLocation } from "@remix-run/react";

/** Whether this page loads the application's scripts; the root layout sets it. */
export const ScriptsContext = createContext(true);

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/**
 * A link inside the application. On a page sent without scripts it is a plain `<a>`: the
 * router's link resolves its address, watches clicks and prefetches through several hooks on
 * every render, for nothing on such a page (docs/decisions/022).
 */
export function AppLink({ to, children, ...rest }: LinkProps) {
  return useContext(ScriptsContext) ? (
    <Link to={to} {...rest}>
      {children}
    </Link>
  ) : (
    <a href={to} {...rest}>
      {children}
    </a>
  );
}

/** A menu link marked `aria-current="page"` where it leads to the page shown (or, without `end`, above it). */
export function AppNavLink({ to, end, children, ...rest }: LinkProps & { end?: boolean }) {
  const scripts = useContext(ScriptsContext);
  const { pathname } = useLocation();
  if (scripts)
    return (
      <NavLink to={to} end={end} {...rest}>
        {children}
      </NavLink>
    );
  const active = isActiveLink(pathname, to, end);
  return (
    <a href={to} aria-current={active ? "page" : undefined} className={active ? "active" : undefined} {...rest}>
      {children}
    </a>
  );
}

/** React Router's rule for an active menu link (case-insensitive, a trailing slash ignored). */
export function isActiveLink(locationPath: string, to: string, end = false) {
  const here = locationPath.toLowerCase();
  const target = to.toLowerCase();
  const slashAt = target !== "/" && target.endsWith("/") ? target.length - 1 : target.length;
  return here === target || (!end && here.startsWith(target) && here.charAt(slashAt) === "/");
}
