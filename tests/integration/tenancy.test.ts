import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInStatus } from "~/domain/demo/factories.server";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";
import { linkIn, recipients } from "../support/smtp";

// One installation, many public bodies (decision 028): the host says which body a request is
// for; the bare APP_HOST is the front door; any other host is nobody's.
const APP_HOST = "samverka.test";
let app: TestApp;
let port: string;

beforeAll(async () => {
  process.env.APP_HOST = APP_HOST;
  app = await startTestApp("tenancy");
  port = new URL(app.url).port;
  await seedNeighbour();
});
afterAll(async () => {
  delete process.env.APP_HOST;
  await app?.stop();
});

/** A request sent to the test server under `host` (fetch does not let a Host header through). */
function send(
  method: "GET" | "POST",
  path: string,
  host: string,
  options: { cookie?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; body: string; location?: string }> {
  const form = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { Host: `${host}:${port}` };
  if (options.cookie) headers.Cookie = options.cookie;
  if (form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers.Origin = `http://${host}:${port}`;
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: body.replaceAll("<!-- -->", ""),
          ...(res.headers.location ? { location: res.headers.location } : {}),
        }),
      );
    });
    req.on("error", reject);
    req.end(form);
  });
}
const get = (path: string, host: string, cookie?: string) => send("GET", path, host, cookie ? { cookie } : {});

const brand = (html: string) => html.match(/<span class="brand__body">([^<]*)<\/span>/)?.[1] ?? null;

describe("the host of a request", () => {
  it("serves each public body at its own host", async () => {
    const home = await get("/", `exempelkommun.${APP_HOST}`);
    expect([home.status, brand(home.body)]).toEqual([200, "Exempelkommun"]);
    const neighbour = await get("/", `grannby.${APP_HOST}`);
    expect([neighbour.status, brand(neighbour.body)]).toEqual([200, "Grannby kommun"]);
    expect(neighbour.body).toContain("Kommunhuset, Torget 2, 456 78 Grannby");
    expect(neighbour.body).not.toContain("Stadshuset, Storgatan 1");
  });

  it("makes the bare host the front door, listing every body with a link to its own address", async () => {
    const door = await get("/", APP_HOST);
    expect(door.status).toBe(200);
    expect(brand(door.body)).toBeNull();
    expect(door.body).toContain("Kommuner och regioner som använder Samverka");
    expect(door.body).toContain(`<a href="http://exempelkommun.${APP_HOST}">Exempelkommun</a>`);
    expect(door.body).toContain(`<a href="http://grannby.${APP_HOST}">Grannby kommun</a>`);
    // A body's pages are not at the front door.
    for (const path of [
      "/logga-in",
      "/registrera",
      "/glomt-losenord",
      "/register",
      "/oversikt",
      "/handlaggning",
      "/mina-sidor",
      "/konto",
      "/om-iop",
      "/tillganglighet",
      "/integritet",
      "/oppna-data/avtal.csv",
      "/oppna-data/katalog.jsonld",
    ]) {
      expect((await get(path, APP_HOST)).status, path).toBe(404);
    }
  });

  it("answers 404 to a host that is no body's, whatever its name looks like", async () => {
    for (const host of ["evil.example", `grannby.${APP_HOST}.evil.example`, `x.grannby.${APP_HOST}`]) {
      const res = await get("/", host);
      expect(res.status, host).toBe(404);
      expect(res.body, host).toContain("Sidan finns inte");
    }
  });

  it("gives a role in one body nothing in another", async () => {
    const c = await caseInStatus("submitted", await laxhjalpenCast(), "Kommungränsen");
    const greta = (await sessionFor(app.url, "samordnare@grannby.example")).cookieHeader();
    const sara = (await sessionFor(app.url, DEMO.coordinator)).cookieHeader();
    const casePage = `/handlaggning/arenden/${String(c._id)}`;
    expect((await get(casePage, `exempelkommun.${APP_HOST}`, sara)).status).toBe(200);
    // Grannby's coordinator, signed in, at Exempelkommun's host: neither the case nor the inbox.
    expect((await get(casePage, `exempelkommun.${APP_HOST}`, greta)).status).toBe(404);
    expect((await get("/handlaggning", `exempelkommun.${APP_HOST}`, greta)).status).toBe(403);
    // And at Grannby's own host the case is not there either.
    expect((await get(casePage, `grannby.${APP_HOST}`, greta)).status).toBe(404);
    expect((await get(casePage, `grannby.${APP_HOST}`, sara)).status).toBe(404);
    const inbox = await get("/handlaggning", `grannby.${APP_HOST}`, greta);
    expect(inbox.status).toBe(200);
    expect(inbox.body).not.toContain("Kommungränsen");
  });

  it("puts the body's own address and name in its mails, and a forged host reaches no body", async () => {
    const register = (host: string, email: string) =>
      send("POST", "/registrera", host, {
        form: { name: "Ny i Grannby", email, password: "ett långt lösenord", confirmPassword: "ett långt lösenord" },
      });
    const email = `ny.${Date.now()}@forening.example`;
    expect((await register(`grannby.${APP_HOST}`, email)).status).toBe(302);
    const mail = await app.smtp.waitFor((m) => recipients(m).includes(email));
    expect(linkIn(mail, "/verifiera-epost")).toMatch(
      new RegExp(`^http://grannby\\.${APP_HOST.replace(".", "\\.")}/verifiera-epost\\?token=`),
    );
    expect(mail.text).toContain("Grannby kommun");
    expect(mail.text).not.toContain("Exempelkommun");
    const forged = `forged.${Date.now()}@forening.example`;
    expect((await register("evil.example", forged)).status).toBe(404);
    expect((await register(`grannby.${APP_HOST}.evil.example`, forged)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.smtp.messages.filter((m) => recipients(m).includes(forged))).toEqual([]);
  });
});
