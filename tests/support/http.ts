/** A minimal browser-like HTTP client: keeps cookies, sends Origin, does not follow redirects. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    private origin = base,
  ) {}

  private store(res: Response) {
    for (const header of res.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/max-age=0/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Takes one Set-Cookie header value, as a browser would. */
  setCookie(header: string) {
    const [pair = ""] = header.split(";");
    const index = pair.indexOf("=");
    this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }

  async get(path: string) {
    const res = await fetch(this.base + path, { redirect: "manual", headers: { Cookie: this.cookieHeader() } });
    this.store(res);
    return res;
  }

  /** POST a form; values may repeat (arrays). A string body is sent as-is (urlencoded). */
  async post(
    path: string,
    body: Record<string, string | string[]> | FormData | string,
    headers: Record<string, string> = {},
  ) {
    let payload: BodyInit;
    if (typeof body === "string" || body instanceof FormData) payload = body;
    else {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      payload = params;
    }
    const res = await fetch(this.base + path, {
      method: "POST",
      redirect: "manual",
      body: payload,
      headers: {
        Cookie: this.cookieHeader(),
        Origin: this.origin,
        ...(typeof body === "string" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        ...headers,
      },
    });
    this.store(res);
    return res;
  }

  /** Follows one redirect (GET), as a browser would after a form post. */
  async follow(res: Response) {
    const location = res.headers.get("Location");
    if (!location) throw new Error(`Expected a redirect, got ${res.status}: ${(await res.text()).slice(0, 500)}`);
    return this.get(location.startsWith("http") ? new URL(location).pathname + new URL(location).search : location);
  }
}

export const DEMO = {
  password: "samverka-demo-2026",
  coordinator: "samordnare@exempelkommun.se",
  officer: "handlaggare@exempelkommun.se",
  politician: "politiker@exempelkommun.se",
  admin: "admin@exempelkommun.se",
  orgAdminA: "anna@gronagarden.example",
  orgMemberA: "olle@gronagarden.example",
  orgAdminB: "lina@laxhjalpen.example",
};

export async function loginAs(base: string, email: string, password = DEMO.password) {
  const client = new Client(base);
  const res = await client.post("/logga-in", { email, password });
  if (res.status !== 302)
    throw new Error(`login as ${email} failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return client;
}

/** Creates an account through the sign-up form (unverified, like a real newcomer). */
export async function signUp(base: string, email: string, password = "ett långt lösenord", name = "Test Person") {
  const res = await new Client(base).post("/registrera", { name, email, password, confirmPassword: password });
  if (res.status !== 302) throw new Error(`sign-up of ${email} failed: ${res.status}`);
}

/**
 * A client signed in as `email` by creating a session row directly (no password form), so
 * tests that are not about signing in stay fast and independent of the sign-in throttle.
 */
export async function sessionFor(base: string, email: string) {
  const { UserModel } = await import("#models/user");
  const { createUserSession } = await import("~/http/session.server");
  const user = await UserModel.findOne({ email }).lean();
  if (!user) throw new Error(`no user ${email}`);
  const client = new Client(base);
  client.setCookie(await createUserSession(new Request(base), user._id));
  return client;
}

/**
 * The sign form's fields as the page sends them: the number and SHA-256 of the version out for
 * signing as it stands now (read from the case), the confirmation, and the password if given.
 */
export async function signForm(caseId: unknown, password?: string) {
  const { ProposalModel } = await import("#models/proposal");
  const { seenVersionOf } = await import("~/domain/agreements/agreements.server");
  const c = await ProposalModel.findById(caseId).lean();
  const seen = c ? seenVersionOf(c as never) : null;
  return {
    intent: "sign",
    confirm: "on",
    signingNumber: String(seen?.number ?? 0),
    signingHash: seen?.hash ?? "",
    ...(password === undefined ? {} : { password }),
  };
}
