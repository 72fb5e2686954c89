import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionModel } from "#models/session";
import { UserModel } from "#models/user";
import { upsertUser } from "~/domain/demo/factories.server";
import { beginLoginAttempt } from "~/domain/identity/rate-limit.server";
import { startTestApp, type TestApp } from "../support/app";
import { Client, DEMO, loginAs, signUp } from "../support/http";
import { linkIn, recipients } from "../support/smtp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("accounts");
});
afterAll(async () => app?.stop());

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describe("sign up, verify, sign in, sign out", () => {
  it("creates an account, emails a verification link that works once, and signs in", async () => {
    const client = new Client(app.url);
    const email = "ny.person@forening.example";
    const res = await client.post("/registrera", {
      name: "Ny Person",
      email,
      password: "ett långt lösenord",
      confirmPassword: "ett långt lösenord",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("/registrera/skickat");
    expect(await (await client.follow(res)).text()).toContain("Kontrollera din e-post");
    expect(client.hasCookie("__session")).toBe(false);

    const mail = await app.smtp.waitFor((m) => recipients(m).includes(email));
    expect(mail.subject).toBe("Bekräfta din e-postadress i Samverka");
    const link = linkIn(mail, "/verifiera-epost");
    // Opening the link (as a mail scanner would) changes nothing and gives no session.
    const opened = await new Client(app.url).get(pathOf(link));
    expect(opened.status).toBe(200);
    expect(opened.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
    expect((await UserModel.findOne({ email }).lean())?.emailVerifiedAt).toBeUndefined();
    expect(await opened.text()).toContain("Bekräfta e-postadressen");
    // The button proves the mailbox and signs the new person in.
    const token = new URL(link).searchParams.get("token") ?? "";
    const verified = await client.post("/verifiera-epost", { intent: "confirm", token });
    expect(verified.status).toBe(302);
    const session = verified.headers.getSetCookie().find((c) => c.startsWith("__session="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect((await UserModel.findOne({ email }).lean())?.emailVerifiedAt).toBeInstanceOf(Date);

    const again = await client.get(pathOf(link));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Länken fungerar inte");
    const twice = await new Client(app.url).post("/verifiera-epost", { intent: "confirm", token });
    expect([twice.status, twice.headers.get("Location")]).toEqual([302, "/verifiera-epost"]);
    expect(twice.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);

    const konto = await client.get("/konto");
    expect(await konto.text()).toContain("E-postadressen är bekräftad");
  });

  it("answers a taken address exactly as a new one: status, cookies, address and page", async () => {
    const answer = async (email: string) => {
      const client = new Client(app.url);
      const res = await client.post("/registrera", {
        name: "Samma Svar",
        email,
        password: "ett långt lösenord",
        confirmPassword: "ett långt lösenord",
      });
      const page = await (await client.follow(res)).text();
      return {
        status: res.status,
        cookies: res.headers.getSetCookie().map((c) => c.split("=")[0]),
        location: res.headers.get("Location")?.replace(encodeURIComponent(email), "EMAIL"),
        page: page
          .replaceAll(email, "EMAIL")
          .replaceAll(encodeURIComponent(email), "EMAIL")
          .replace(/[A-Za-z0-9+/]{22}==/g, "NONCE"),
      };
    };
    const taken = await answer(DEMO.orgAdminB);
    const fresh = await answer("alldeles.ny@forening.example");
    expect(taken).toEqual(fresh);
    expect(taken.cookies).toEqual([]);
  });

  it("does not reveal that an email is taken, and mails the owner instead", async () => {
    const client = new Client(app.url);
    const res = await client.post("/registrera", {
      name: "Someone",
      email: DEMO.orgMemberA,
      password: "ett annat långt lösenord",
      confirmPassword: "ett annat långt lösenord",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("/registrera/skickat");
    const mail = await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgMemberA) && /redan ett konto/.test(m.subject ?? ""),
    );
    expect(mail.text).toContain("/logga-in");
    expect(await UserModel.countDocuments({ email: DEMO.orgMemberA })).toBe(1);
  });

  it("refuses a wrong password with a Swedish message and 401", async () => {
    const res = await new Client(app.url).post("/logga-in", { email: DEMO.officer, password: "fel lösenord här" });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Fel e-postadress eller lösenord");
  });

  it("signs out: the old session cookie no longer works", async () => {
    const client = await loginAs(app.url, DEMO.officer);
    const cookie = client.cookieHeader();
    expect((await client.get("/konto")).status).toBe(200);
    expect((await client.post("/logga-ut", {})).status).toBe(302);
    const reuse = await fetch(app.url + "/konto", { headers: { Cookie: cookie }, redirect: "manual" });
    expect(reuse.status).toBe(302);
    expect(reuse.headers.get("Location")).toContain("/logga-in");
  });

  it("gives a new session id at every sign-in", async () => {
    const client = await loginAs(app.url, DEMO.coordinator);
    const first = client.cookieHeader();
    await client.post("/logga-in", { email: DEMO.coordinator, password: DEMO.password });
    expect(client.cookieHeader()).not.toBe(first);
    const old = await fetch(app.url + "/konto", { headers: { Cookie: first }, redirect: "manual" });
    expect(old.status).toBe(302);
  });

  it("ends a session after 30 idle minutes", async () => {
    const client = await loginAs(app.url, DEMO.politician);
    const user = await UserModel.findOne({ email: DEMO.politician }).lean();
    await SessionModel.updateMany({ userId: user?._id }, { $set: { idleExpiresAt: new Date(Date.now() - 1000) } });
    const res = await client.get("/konto");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("/logga-in?redirectTo=%2Fkonto");
  });

  it("logs out everywhere", async () => {
    const a = await loginAs(app.url, DEMO.admin);
    const b = await loginAs(app.url, DEMO.admin);
    expect((await b.post("/konto", { intent: "logoutEverywhere" })).status).toBe(302);
    expect((await a.get("/konto")).status).toBe(302);
    expect((await b.get("/konto")).status).toBe(302);
  });
});

describe("passwords", () => {
  it("resets a forgotten password with a single-use link and ends other sessions", async () => {
    const email = "reset.me@forening.example";
    await signUp(app.url, email, "första lösenordet", "Reset Me");
    const other = await loginAs(app.url, email, "första lösenordet");

    const client = new Client(app.url);
    const res = await client.post("/glomt-losenord", { email });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("har vi skickat en länk");
    const mail = await app.smtp.waitFor((m) => recipients(m).includes(email) && /nytt lösenord/.test(m.subject ?? ""));
    const link = pathOf(linkIn(mail, "/aterstall-losenord"));
    const token = new URL(app.url + link).searchParams.get("token") ?? "";

    const page = await client.get(link);
    expect(await page.text()).toContain("Välj ett nytt lösenord");
    const done = await client.post("/aterstall-losenord", {
      token,
      password: "andra lösenordet",
      confirmPassword: "andra lösenordet",
    });
    expect(done.status).toBe(302);
    expect((await other.get("/konto")).status).toBe(302); // the other session ended
    await loginAs(app.url, email, "andra lösenordet");

    const reuse = await new Client(app.url).post("/aterstall-losenord", {
      token,
      password: "tredje lösenordet",
      confirmPassword: "tredje lösenordet",
    });
    expect(reuse.status).toBe(410);
    await expect(loginAs(app.url, email, "tredje lösenordet")).rejects.toThrow();
  });

  it("answers the same for unknown emails (no account enumeration) and sends nothing", async () => {
    const before = app.smtp.messages.length;
    const res = await new Client(app.url).post("/glomt-losenord", { email: "finns.inte@example.se" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("har vi skickat en länk");
    await new Promise((r) => setTimeout(r, 500));
    expect(app.smtp.messages.slice(before).some((m) => recipients(m).includes("finns.inte@example.se"))).toBe(false);
  });

  it("changes the password only with the current one", async () => {
    const email = "change.me@forening.example";
    await signUp(app.url, email, "nuvarande lösenord", "Change Me");
    const client = await loginAs(app.url, email, "nuvarande lösenord");
    const wrong = await client.post("/konto", {
      intent: "changePassword",
      currentPassword: "fel",
      password: "helt nytt lösenord",
      confirmPassword: "helt nytt lösenord",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Det nuvarande lösenordet stämmer inte");
    const ok = await client.post("/konto", {
      intent: "changePassword",
      currentPassword: "nuvarande lösenord",
      password: "helt nytt lösenord",
      confirmPassword: "helt nytt lösenord",
    });
    expect(ok.status).toBe(302);
    expect((await client.get("/konto")).status).toBe(200); // this session stays
    await loginAs(app.url, email, "helt nytt lösenord");
  });
});

describe("login rate limiting", () => {
  it("blocks an account after 5 failed attempts with a clear Swedish message", async () => {
    const client = new Client(app.url);
    for (let i = 0; i < 5; i++) {
      expect((await client.post("/logga-in", { email: DEMO.orgAdminB, password: `fel ${i}` })).status).toBe(401);
    }
    const blocked = await client.post("/logga-in", { email: DEMO.orgAdminB, password: DEMO.password });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/För många misslyckade inloggningsförsök.*försöka igen om \d+ minuter/);
  });

  it("holds under 20 parallel guesses: 5 checked, 15 refused, and the right password refused after", async () => {
    const email = "parallell.gissning@forening.example";
    await upsertUser({ email, name: "Parallell", password: "det rätta lösenordet" });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => new Client(app.url).post("/logga-in", { email, password: `fel ${i}` })),
    ).then((all) => all.map((r) => r.status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const right = await new Client(app.url).post("/logga-in", { email, password: "det rätta lösenordet" });
    expect(right.status).toBe(429);
  });

  it("never allows more than 5 attempts in any 15 minutes, also across a quarter hour", async () => {
    const email = `glidande-${Date.now()}@forening.example`;
    const MIN = 60 * 1000;
    // Five failures at 14:59 of some quarter hour; a fixed window would allow five more at 15:01.
    const quarter = 15 * MIN;
    const start = Math.ceil(Date.now() / quarter) * quarter + 14 * MIN + 59_000;
    for (let i = 0; i < 5; i++) expect((await beginLoginAttempt(email, "192.0.2.7", start)).allowed).toBe(true);
    const justAfter = await beginLoginAttempt(email, "192.0.2.7", start + 2 * MIN);
    expect(justAfter).toEqual({ allowed: false, minutes: 13 });
    expect((await beginLoginAttempt(email, "192.0.2.7", start + 14 * MIN)).allowed).toBe(false);
    // Fifteen minutes after the first attempts their slots free up, one for each.
    expect((await beginLoginAttempt(email, "192.0.2.7", start + 15 * MIN + 1000)).allowed).toBe(true);
  });
});

describe("hostile input", () => {
  const hostile: Record<string, string>[] = [
    { "email[$ne]": "", password: "x" },
    { email: "x".repeat(1024 * 1024), password: "x" },
    { email: "<script>alert(1)</script>", password: "x" },
  ];
  it.each(hostile)("login refuses %# with a field message and 4xx", async (body) => {
    const res = await new Client(app.url).post("/logga-in", body);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Det finns ett problem");
    expect(html).not.toContain("<script>alert(1)</script>");
  });

  it("registration refuses injection, huge and wrong-typed input and saves nothing", async () => {
    const before = await UserModel.estimatedDocumentCount();
    const bodies = [
      "name=A&email[$ne]=&password=ett+l%C3%A5ngt+l%C3%B6senord&confirmPassword=ett+l%C3%A5ngt+l%C3%B6senord",
      `name=${"x".repeat(1024 * 1024)}&email=big%40example.se&password=ett+l%C3%A5ngt+l%C3%B6senord&confirmPassword=ett+l%C3%A5ngt+l%C3%B6senord`,
      "name[]=a&name[]=b&email=arr%40example.se&password=ett+l%C3%A5ngt+l%C3%B6senord&confirmPassword=ett+l%C3%A5ngt+l%C3%B6senord",
    ];
    for (const body of bodies) {
      const res = await new Client(app.url).post("/registrera", body);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Det finns ett problem");
    }
    expect(await UserModel.estimatedDocumentCount()).toBe(before);
  });

  it("escapes <script> in names everywhere it is shown", async () => {
    const email = "xss@forening.example";
    await signUp(app.url, email, "ett långt lösenord", "<script>alert(1)</script>");
    const client = await loginAs(app.url, email, "ett långt lösenord");
    const html = await (await client.get("/konto")).text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)</script>");
  });
});

describe("cross-site requests and headers", () => {
  it("refuses a form post from another site", async () => {
    const evil = new Client(app.url, "https://evil.example");
    const res = await evil.post("/logga-in", { email: DEMO.officer, password: DEMO.password });
    expect(res.status).toBe(403);
    const evil2 = await fetch(app.url + "/logga-in", {
      method: "POST",
      body: new URLSearchParams({ email: DEMO.officer, password: DEMO.password }),
      headers: { "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(evil2.status).toBe(403);
  });

  it("sends security headers with a per-request CSP nonce", async () => {
    const a = await fetch(app.url + "/logga-in");
    const b = await fetch(app.url + "/logga-in");
    const csp = a.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(a.headers.get("Content-Security-Policy-Report-Only")).toBeNull();
    expect(csp).not.toBe(b.headers.get("Content-Security-Policy"));
    expect(a.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(a.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const html = await a.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("keeps sessions in the database, where they can be revoked", async () => {
    const client = await loginAs(app.url, DEMO.orgMemberA);
    const user = await UserModel.findOne({ email: DEMO.orgMemberA }).lean();
    expect(await SessionModel.countDocuments({ userId: user?._id })).toBeGreaterThan(0);
    await SessionModel.deleteMany({ userId: user?._id });
    expect((await client.get("/konto")).status).toBe(302);
    expect(mongoose.connection.readyState).toBe(1);
  });
});

describe("hostile input on the remaining account forms", () => {
  const big = "x".repeat(1024 * 1024);
  const cases: [string, string][] = [
    ["/glomt-losenord", "email[$ne]="],
    ["/glomt-losenord", `email=${big}`],
    [
      "/aterstall-losenord",
      "token[$ne]=&password=ett+l%C3%A5ngt+l%C3%B6senord&confirmPassword=ett+l%C3%A5ngt+l%C3%B6senord",
    ],
    ["/aterstall-losenord", `token=abc&password=${big}&confirmPassword=${big}`],
    [
      "/inbjudan",
      "intent=create&token=abc&name[$gt]=&password=ett+l%C3%A5ngt+l%C3%B6senord&confirmPassword=ett+l%C3%A5ngt+l%C3%B6senord",
    ],
    [
      "/inbjudan",
      `intent=create&token=abc&name=${big}&password=ett+l%C3%A5ngt+l%C3%B6senord&confirmPassword=ett+l%C3%A5ngt+l%C3%B6senord`,
    ],
  ];
  it.each(cases)("%s refuses hostile input with 400", async (path, body) => {
    const res = await new Client(app.url).post(path, body);
    expect(res.status).toBe(400);
    // Forms behind an email link show the "link no longer valid" page for a made-up token.
    expect(await res.text()).toMatch(/Det finns ett problem|Länken fungerar inte|Inbjudan gäller inte längre/);
  });

  it("change password refuses hostile input with 400", async () => {
    const client = await loginAs(app.url, DEMO.orgMemberA);
    for (const body of [
      "intent=changePassword&currentPassword[$ne]=&password=ett+l%C3%A5ngt+l%C3%B6senord&confirmPassword=ett+l%C3%A5ngt+l%C3%B6senord",
      `intent=changePassword&currentPassword=x&password=${big}&confirmPassword=${big}`,
    ]) {
      const res = await client.post("/konto", body);
      expect(res.status).toBe(400);
    }
    await loginAs(app.url, DEMO.orgMemberA); // password unchanged
  });
});

describe("no dead ends after signing up", () => {
  it("sends a new link to an unverified address at most once in ten minutes, and answers any address the same", async () => {
    const email = `resend-${Date.now().toString(36)}@example.se`;
    await signUp(app.url, email);
    await app.smtp.waitFor((m) => recipients(m).includes(email));
    const before = app.smtp.messages.filter((m) => recipients(m).includes(email)).length;
    const visitor = new Client(app.url);
    const first = await visitor.post("/registrera/skickat", { email });
    await app.smtp.waitFor(
      (m) =>
        recipients(m).includes(email) && app.smtp.messages.filter((x) => recipients(x).includes(email)).length > before,
    );
    const again = await visitor.post("/registrera/skickat", { email });
    const unknown = await new Client(app.url).post("/registrera/skickat", { email: "ingen-har-denna@example.se" });
    for (const res of [first, again, unknown]) expect(res.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/registrera/skickat?email=${encodeURIComponent(email)}`);
    expect(unknown.headers.get("Location")).toBe("/registrera/skickat?email=ingen-har-denna%40example.se");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.smtp.messages.filter((m) => recipients(m).includes(email))).toHaveLength(before + 1);
    expect(app.smtp.messages.filter((m) => recipients(m).includes("ingen-har-denna@example.se"))).toHaveLength(0);
    const page = await (await visitor.get(`/registrera/skickat?email=${encodeURIComponent(email)}`)).text();
    expect(page).toContain("skräppost");
    expect(page).toContain("Fel e-postadress?");
  });
});
