// The browser's start: no texts; entry.client.tsx adds the page's language before hydrating.
export const bundled: Record<string, object> = {};
