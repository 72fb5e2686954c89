/**
 * A route's `handle`. Read-only public pages are sent as plain HTML without any JavaScript
 * (docs/decisions/015-public-pages-without-javascript.md): `export const handle = htmlOnly`.
 */
export type PageHandle = { scripts?: false };

export const htmlOnly: PageHandle = { scripts: false };

/** Whether the matched routes may load the application's scripts. */
export const wantsScripts = (matches: { handle?: unknown }[]) =>
  !matches.some((m) => (m.handle as PageHandle | undefined)?.scripts === false);
