// Which public body a host is for (decision 028). Plain functions of the configuration: the
// bodies' slugs and extra hosts, and the installation's own host (APP_HOST).

export interface Addressable {
  slug: string;
  /** Extra hosts of the body's own (`samverka.exempelkommun.se`), lower case. */
  hosts?: string[];
}

export type HostMatch<B> = { kind: "body"; body: B } | { kind: "frontDoor" } | { kind: "unknown" };

/** A host with its port taken off, lower case: tenants are told apart by name, not port. */
export const hostnameOf = (host: string) => host.trim().toLowerCase().replace(/:\d+$/, "");

/**
 * `<slug>.<appHost>` and a body's own hosts are that body; the bare `appHost` is the national
 * front door; anything else is unknown.
 */
export function matchHost<B extends Addressable>(host: string, bodies: readonly B[], appHost: string): HostMatch<B> {
  const name = hostnameOf(host);
  const own = hostnameOf(appHost);
  if (name === own) return { kind: "frontDoor" };
  const body = bodies.find(
    (b) => (name === `${b.slug}.${own}` && /^[a-z0-9-]+$/.test(b.slug)) || (b.hosts ?? []).includes(name),
  );
  return body ? { kind: "body", body } : { kind: "unknown" };
}

/**
 * The body's own address, for links in mails, redirects and files: its first own host, else
 * `<slug>.<appHost>`, with the installation's scheme and port. Without an `appHost` (one body
 * per installation) the installation's address.
 */
export function publicBodyUrl(body: Addressable, appUrl: string, appHost: string | undefined) {
  if (!appHost) return appUrl.replace(/\/$/, "");
  const base = new URL(appUrl);
  const own = body.hosts?.[0];
  if (own) return `https://${own}`;
  const port = appHost.match(/:(\d+)$/)?.[1];
  return `${base.protocol}//${body.slug}.${hostnameOf(appHost)}${port ? `:${port}` : ""}`;
}

/** The front door's address: the installation's own host. */
export function frontDoorUrl(appUrl: string, appHost: string | undefined) {
  if (!appHost) return appUrl.replace(/\/$/, "");
  return `${new URL(appUrl).protocol}//${appHost}`;
}

/**
 * The cookie domain that lets one sign-in serve every host under the installation's own
 * (decision 028): APP_HOST's name, for a request to it or one of its subdomains. None for a
 * body's own host elsewhere (a browser refuses a domain the host is not under), for localhost
 * and addresses (browsers refuse those as cookie domains), and without APP_HOST.
 */
export function sharedCookieDomain(host: string | null, appHost: string | undefined) {
  if (!host || !appHost) return undefined;
  const own = hostnameOf(appHost);
  if (own === "localhost" || /^[\d.]+$/.test(own) || own.includes(":") || !own.includes(".")) return undefined;
  const name = hostnameOf(host);
  return name === own || name.endsWith(`.${own}`) ? own : undefined;
}
