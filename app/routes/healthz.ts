/** The process is alive (no database check: see /readyz). */
export const loader = () =>
  new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
