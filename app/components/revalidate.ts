import type { ShouldRevalidateFunction } from "@remix-run/react";

// Reload the page's data after every post, also a refused one (400/409): a draft may have
// been saved, or someone else changed the case, and the page must show the current version.
export const revalidateAfterPost: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? true : defaultShouldRevalidate;
