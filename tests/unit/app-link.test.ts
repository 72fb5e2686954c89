import { describe, expect, it } from "vitest";
import { isActiveLink } from "~/components/app-link";

// On pages without scripts the menu marks the current page itself, by React Router's rule.
describe("a menu link on a page without scripts", () => {
  it("is current on its own page and, without `end`, below it", () => {
    expect(isActiveLink("/handlaggning", "/handlaggning")).toBe(true);
    expect(isActiveLink("/handlaggning/arenden/abc", "/handlaggning")).toBe(true);
    expect(isActiveLink("/Handlaggning", "/handlaggning")).toBe(true);
    expect(isActiveLink("/mina-sidor/", "/mina-sidor")).toBe(true);
  });

  it("is not current on a page whose address only starts with the same letters", () => {
    expect(isActiveLink("/handlaggningar", "/handlaggning")).toBe(false);
    expect(isActiveLink("/forslag", "/mina-sidor")).toBe(false);
  });

  it("leads home only from home when it ends there", () => {
    expect(isActiveLink("/", "/", true)).toBe(true);
    expect(isActiveLink("/register", "/", true)).toBe(false);
    expect(isActiveLink("/register/1", "/register", true)).toBe(false);
  });
});
