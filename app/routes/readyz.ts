import { pingDb } from "~/domain/kernel/db.server";

/** Ready to serve: the database answers a ping within 1.5 s; otherwise 503. */
export async function loader() {
  const ok = await pingDb(1500);
  return new Response(ok ? "ok" : "databasen svarar inte", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
