import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublicBodyModel } from "#models/public-body";
import { SessionModel } from "#models/session";
import { UserModel } from "#models/user";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { giveHandover, takeHandover } from "~/domain/identity/handover.server";
import { issueToken } from "~/domain/identity/tokens.server";
import { upsertUser } from "~/domain/demo/factories.server";
import { touch } from "~/domain/kernel/read-markers.server";
import { createUserSession } from "~/http/session.server";
import { startTestApp, type TestApp } from "../support/app";
import { DEMO } from "../support/http";
import { sendTo, type HostResponse } from "../support/hosts";

// One sign-in for every host of the installation (decision 033): under APP_HOST one cookie
// serves every subdomain; a body's own host elsewhere gets the session by a hand-over through
// the front door, bound to the browser that asked, used once.
const APP_HOST = "samverka.test";
const OWN_HOST = "samverka.grannby.test";
let app: TestApp;
let port: string;

beforeAll(async () => {
  process.env.APP_HOST = APP_HOST;
  app = await startTestApp("handover");
  port = new URL(app.url).port;
  await seedNeighbour();
  await PublicBodyModel.updateOne({ slug: "grannby" }, { $set: { hosts: [OWN_HOST] } });
  await touch("settings");
});
afterAll(async () => {
  delete process.env.APP_HOST;
  await app?.stop();
});

interface Kept {
  name: string;
  value: string;
  /** A Domain cookie is sent to that host and its subdomains; otherwise to its own host only. */
  domain: string | null;
  host: string;
  path: string;
}

/** A browser's cookies across hosts and the redirects it follows (enough of RFC 6265 for this). */
class Browser {
  private kept: Kept[] = [];
  readonly visited: string[] = [];

  private cookieFor(host: string, path: string) {
    return this.kept
      .filter((c) => (c.domain ? host === c.domain || host.endsWith(`.${c.domain}`) : host === c.host))
      .filter((c) => path.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  /** Takes a cookie as if `host` had set it. */
  adopt(host: string, setCookie: string) {
    this.store(host, [setCookie]);
  }

  private store(host: string, headers: string[]) {
    for (const header of headers) {
      const [pair = "", ...attributes] = header.split(";").map((p) => p.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const attr = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1) ?? null;
      const domain = attr("domain")?.toLowerCase() ?? null;
      const path = attr("path") ?? "/";
      this.kept = this.kept.filter((c) => !(c.name === name && c.domain === domain && (domain || c.host === host)));
      if (value && attr("max-age") !== "0") this.kept.push({ name, value, domain, host, path });
    }
  }

  /** Sends the request and follows redirects to any host; the last answer. */
  async go(url: string, form?: Record<string, string>): Promise<HostResponse & { url: string }> {
    let target = new URL(url);
    let method: "GET" | "POST" = form ? "POST" : "GET";
    for (let hops = 0; hops < 12; hops++) {
      this.visited.push(target.href);
      const path = target.pathname + target.search;
      const cookie = this.cookieFor(target.hostname, target.pathname);
      const res = await sendTo(port, method, path, target.hostname, {
        ...(cookie ? { cookie } : {}),
        ...(method === "POST" && form ? { form } : {}),
      });
      this.store(target.hostname, res.setCookies);
      if (!res.location || res.status < 300 || res.status > 399) return { ...res, url: target.href };
      target = new URL(res.location, target);
      method = "GET";
    }
    throw new Error(`too many redirects: ${this.visited.join(" → ")}`);
  }
}

const signIn = (browser: Browser, host: string, email = "samordnare@grannby.example") =>
  browser.go(`http://${host}/logga-in`, { email, password: DEMO.password, redirectTo: "/mina-sidor" });
const hostsOf = (b: Browser) => b.visited.map((u) => `${new URL(u).hostname}${new URL(u).pathname}`);

describe("a sign-in handed to a body's own host", () => {
  it("reaches a body's own host from a sign-in under the installation's host, through the front door, once", async () => {
    const browser = new Browser();
    expect((await signIn(browser, `grannby.${APP_HOST}`)).status).toBe(200);
    const page = await browser.go(`https://${OWN_HOST}/mina-sidor`);
    expect(page.status).toBe(200);
    expect(page.url).toBe(`https://${OWN_HOST}/mina-sidor`);
    expect(page.body).toContain("Greta Samordnare");
    expect(hostsOf(browser).slice(-6)).toEqual([
      `${OWN_HOST}/mina-sidor`,
      `${OWN_HOST}/logga-in`,
      `${OWN_HOST}/logga-in/overlamning`,
      `${APP_HOST}/logga-in/overlamning/ge`,
      `${OWN_HOST}/logga-in/overlamning/klar`,
      `${OWN_HOST}/mina-sidor`,
    ]);
    // The link that carried the token works once.
    const klar = browser.visited.findLast((u) => u.includes("/overlamning/klar"))!;
    const again = await new Browser().go(klar);
    expect(again.status).toBe(400);
    expect(again.body).toContain("Inloggningen kunde inte lämnas över");
  });

  it("signs the front door, and so every host under it, in after a sign-in at a body's own host", async () => {
    const browser = new Browser();
    const signedIn = await signIn(browser, OWN_HOST);
    expect([signedIn.status, signedIn.url]).toEqual([200, `https://${OWN_HOST}/mina-sidor`]);
    expect(hostsOf(browser)).toEqual([
      `${OWN_HOST}/logga-in`,
      `${APP_HOST}/logga-in/overlamning`,
      `${OWN_HOST}/logga-in/overlamning/ge`,
      `${APP_HOST}/logga-in/overlamning/klar`,
      `${OWN_HOST}/mina-sidor`,
    ]);
    const sibling = await browser.go(`http://exempelkommun.${APP_HOST}/konto`);
    expect(sibling.status).toBe(200);
    expect(sibling.body).toContain("Greta Samordnare");

    // One sign-in, one family: signing out on one host signs out on every host.
    const greta = await UserModel.findOne({ email: "samordnare@grannby.example" }).lean();
    const families = new Set((await SessionModel.find({ userId: greta!._id }).lean()).map((s) => s.family));
    expect(families.size).toBeGreaterThan(0);
    expect((await browser.go(`http://exempelkommun.${APP_HOST}/logga-ut`, {})).status).toBe(200);
    const ownAfter = await browser.go(`https://${OWN_HOST}/konto`);
    expect(ownAfter.url).toBe(`https://${OWN_HOST}/logga-in?redirectTo=%2Fkonto&overlamning=ingen`);
    expect(ownAfter.body).toContain("Logga in");
  });

  it("passes by the front door after a sign-in that a password reset at a body's own host makes", async () => {
    const email = `aterstallning-${Date.now()}@example.org`;
    const user = await upsertUser({ email, name: "Åsa Återställning", password: "ett gammalt lösenord" });
    const token = await issueToken({ kind: "reset_password", email, userId: user._id });
    const browser = new Browser();
    const password = "ett helt nytt lösenord";
    const done = await browser.go(`https://${OWN_HOST}/aterstall-losenord`, {
      token,
      password,
      confirmPassword: password,
    });
    expect([done.status, done.url]).toEqual([200, `https://${OWN_HOST}/konto`]);
    expect(hostsOf(browser).slice(1)).toEqual([
      `${APP_HOST}/logga-in/overlamning`,
      `${OWN_HOST}/logga-in/overlamning/ge`,
      `${APP_HOST}/logga-in/overlamning/klar`,
      `${OWN_HOST}/konto`,
    ]);
    // The front door, and so every host under it, knows the person too.
    expect((await browser.go(`http://exempelkommun.${APP_HOST}/konto`)).body).toContain("Åsa Återställning");
  });

  it("shows the sign-in form at a body's own host when nobody is signed in elsewhere", async () => {
    const browser = new Browser();
    const page = await browser.go(`https://${OWN_HOST}/logga-in?redirectTo=/konto`);
    expect(page.status).toBe(200);
    expect(page.url).toBe(`https://${OWN_HOST}/logga-in?redirectTo=%2Fkonto&overlamning=ingen`);
    expect(page.body).toContain('name="password"');
    // Under the installation's host one cookie serves: no hand-over there.
    const sub = await new Browser().go(`http://grannby.${APP_HOST}/logga-in`);
    expect(sub.url).toBe(`http://grannby.${APP_HOST}/logga-in`);
  });

  it("refuses a token opened in another browser than the one that asked (a planted sign-in)", async () => {
    // The attacker, signed in as herself, starts a hand-over and stops before taking the token…
    const attacker = new Browser();
    await signIn(attacker, `exempelkommun.${APP_HOST}`, DEMO.orgAdminA);
    const start = await sendTo(port, "GET", "/logga-in/overlamning?redirectTo=/konto", OWN_HOST);
    // (`start` was a request of its own: its state cookie is in no browser here.)
    expect((await attacker.go(start.location!)).status).toBe(400);
    // …and a token she mints for her own state, opened by someone else, signs nobody in.
    const minted = await giveHandover({
      userId: (await UserModel.findOne({ email: DEMO.orgAdminA }).lean())!._id,
      family: "planted",
      receiver: "grannby",
      state: "the-attackers-state",
    });
    const victim = new Browser();
    const planted = await victim.go(`https://${OWN_HOST}/logga-in/overlamning/klar?token=${minted}`);
    expect(planted.status).toBe(400);
    expect((await victim.go(`https://${OWN_HOST}/konto`)).url).toContain("/logga-in");
  });

  it("hands on the OpenID provider the sign-in began at, so signing out at the other host leaves it too", async () => {
    const user = (await UserModel.findOne({ email: "samordnare@grannby.example" }).lean())!;
    const providerId = new Types.ObjectId();
    const browser = new Browser();
    browser.adopt(APP_HOST, await createUserSession(new Request(`http://${APP_HOST}/`), user._id, providerId));
    expect((await browser.go(`https://${OWN_HOST}/mina-sidor`)).url).toBe(`https://${OWN_HOST}/mina-sidor`);
    // The front door's session and the one the own host took over, both from that provider.
    expect(await SessionModel.countDocuments({ userId: user._id, providerId })).toBe(2);
  });

  it("clears the asking browser's pending hand-over when its token is refused", async () => {
    const start = await sendTo(port, "GET", "/logga-in/overlamning?redirectTo=/konto", OWN_HOST);
    const state = start.setCookies.find((c) => c.startsWith("__handover="))!.split(";")[0]!;
    const refused = await sendTo(port, "GET", "/logga-in/overlamning/klar?token=fel", OWN_HOST, { cookie: state });
    expect(refused.status).toBe(400);
    expect(refused.setCookies.filter((c) => c.startsWith("__handover="))).toEqual([
      expect.stringMatching(/^__handover=; Max-Age=0/),
    ]);
  });

  it("gives tokens only to the installation's own hosts, and never sends anyone elsewhere", async () => {
    const signedIn = new Browser();
    await signIn(signedIn, `grannby.${APP_HOST}`);
    for (const till of ["evil.example", "https://evil.example", "GRANNBY", "okand", ""]) {
      const res = await signedIn.go(
        `http://${APP_HOST}/logga-in/overlamning/ge?till=${encodeURIComponent(till)}&state=x`,
      );
      expect([till, res.status]).toEqual([till, 404]);
    }
    const long = await signedIn.go(`http://${APP_HOST}/logga-in/overlamning/ge?till=grannby&state=${"x".repeat(101)}`);
    expect(long.status).toBe(404);
    for (const fran of ["evil.example", "grannby"]) {
      // From an unknown host, or from the host itself: nothing to ask.
      const res = await sendTo(port, "GET", `/logga-in/overlamning?fran=${fran}`, OWN_HOST);
      expect([fran, res.status]).toEqual([fran, 404]);
    }
    const start = await sendTo(port, "GET", "/logga-in/overlamning?redirectTo=//evil.example/x", OWN_HOST);
    expect(new URL(start.location!).origin).toBe(`http://${APP_HOST}`);
    const offsite = new Browser();
    await signIn(offsite, `grannby.${APP_HOST}`);
    const landed = await offsite.go(`https://${OWN_HOST}/logga-in/overlamning?redirectTo=//evil.example/x`);
    expect(landed.url).toBe(`https://${OWN_HOST}/mina-sidor`);
  });

  it("takes a token once, at the host it was given for, within its minute", async () => {
    const userId = (await UserModel.findOne({ email: DEMO.coordinator }).lean())!._id;
    const at = new Date("2027-03-01T10:00:00Z");
    const give = () => giveHandover({ userId, family: "f", receiver: "grannby", state: "s" }, at);
    const elsewhere = await give();
    expect(await takeHandover(elsewhere, "exempelkommun", "s", at)).toBeNull();
    expect(await takeHandover(elsewhere, "grannby", "s", at)).toBeNull(); // tried once already
    const late = await give();
    expect(await takeHandover(late, "grannby", "s", new Date(at.getTime() + 60_000))).toBeNull();
    const right = await give();
    expect(await takeHandover(right, "grannby", "s", new Date(at.getTime() + 59_000))).toEqual({ userId, family: "f" });
    // Two takes at once: one session.
    const raced = await give();
    const both = await Promise.all([1, 2].map(() => takeHandover(raced, "grannby", "s", at)));
    expect(both.filter(Boolean)).toHaveLength(1);
  });
});
