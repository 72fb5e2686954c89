import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";
import { devFileGuard } from "./dev-guard";
import { providerOrigins } from "../app/domain/identity/provider-origins";
import { inRequestScope } from "../app/domain/kernel/request-scope";
import { forHost } from "../app/domain/kernel/request-host";

declare module "@remix-run/node" {
  interface AppLoadContext {
    nonce: string;
    requestId: string;
    ip: string;
  }
}

/** What the server build exports beside Remix's entry (app/entry.server.tsx). */
export type Lifecycle = {
  startApp: () => Promise<void>;
  stopApp: () => Promise<void>;
  databaseUp: () => boolean;
  hostKind: () => Promise<HostKind>;
  frontDoorAddress: () => string;
};
type HostKind = "body" | "paused" | "frontDoor" | "unknown";

export interface AppOptions {
  /** The Remix build, or a function that loads it (Vite dev reloads it per request). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  logger: Logger;
  production: boolean;
  appUrl: string;
  /** Extra middleware in front of Remix (Vite's dev middleware). */
  before?: express.RequestHandler;
  /** Whether the database is reachable; while it is not, pages answer 503 at once. */
  databaseUp?: () => boolean;
  /** Whose the request's host is (decision 028), and the front door's address. */
  hosts?: Pick<Lifecycle, "hostKind" | "frontDoorAddress">;
}

/** What the national front door serves (decision 028); a body's pages are at the body's host. */
// The installation administrator's console and its sign-in (decision 031): at the front door,
// and at a paused body's host too (without APP_HOST the console is at the one body's host).
// (`/__manifest`: where a hydrated page's router finds the routes of its links.)
const CONSOLE_PATHS = ["/drift", "/drift/tvastegsverifiering", "/logga-in", "/logga-ut", "/sprak", "/__manifest"];
const FRONT_DOOR_PATHS = new Set([
  "/",
  "/sprak",
  "/register",
  "/statistik",
  "/oppna-data/avtal.csv",
  "/oppna-data/avtal.json",
  "/oppna-data/katalog.jsonld",
  // The front door hands a sign-in to a body's own host, and takes one from it (decision 033).
  "/logga-in/overlamning",
  "/logga-in/overlamning/ge",
  "/logga-in/overlamning/klar",
  ...CONSOLE_PATHS,
]);

/**
 * A page the server answers before the app runs (no body here, a paused body, no database):
 * Swedish with an English line, styled by a static sheet (served without the app or the
 * database, and allowed by the CSP, which refuses inline styles).
 */
const staticPage = (title: string, sv: string, en: string, link: { href: string; text: string }) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Samverka</title>
<link rel="stylesheet" href="/assets/static-pages-1.css"></head>
<body><header><p class="brand">Samverka</p></header><main><h1>${title}</h1>
<p>${sv}</p>
<p lang="en">${en}</p>
<p><a href="${link.href}">${link.text}</a></p></main></body></html>`;

const toFrontDoor = (frontDoor: string) => ({
  href: `${frontDoor}/`,
  text: "Till Samverkas startsida, med alla kommuner och regioner",
});

/** A host that is no body's, or a body's page asked of the front door (decision 028). */
const notHerePage = (frontDoor: string) =>
  staticPage(
    "Sidan finns inte",
    "Ingen kommun eller region använder Samverka på den här adressen.",
    "No municipality or region uses Samverka at this address.",
    toFrontDoor(frontDoor),
  );

const pausedPage = (frontDoor: string) =>
  staticPage(
    "Tillfälligt stängt",
    "Samverka är tillfälligt stängt hos den här kommunen eller regionen. Kontakta kommunen eller regionen direkt så länge.",
    "Samverka is closed for now at this municipality or region. Please contact it directly meanwhile.",
    toFrontDoor(frontDoor),
  );

const UNAVAILABLE_PAGE = staticPage(
  "Tjänsten är tillfälligt otillgänglig",
  "Samverka kan inte nå sin databas just nu. Ingenting du skrivit har sparats halvvägs. Försök igen om en stund.",
  "Samverka is temporarily unavailable. Nothing you sent was half-saved. Please try again in a moment.",
  { href: "/", text: "Till startsidan" },
);

const REPLACED_HEADERS = new Set(["cache-control", "cross-origin-resource-policy"]);

// One-time secrets in addresses: reset and invitation tokens, and an OpenID return's code and state.
const TOKEN_IN_URL = /([?&](?:token|code|state|session_state)=)[^&]*/g;

/**
 * Cross-site request protection: a state-changing request must come from our own origin.
 * Browsers send Origin (or Sec-Fetch-Site) with every POST; requests with neither come from
 * non-browser clients, which carry no ambient cookies of our users.
 */
export function isSameOrigin(req: Request, appUrl: string) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return true;
  const hosts = new Set([req.get("host"), new URL(appUrl).host]);
  const origin = req.get("origin");
  if (origin) {
    if (origin === "null") return false;
    try {
      return hosts.has(new URL(origin).host);
    } catch {
      return false;
    }
  }
  const site = req.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  return true;
}

export function createApp(options: AppOptions) {
  const { production, logger } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");

  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    res.locals.requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.nonce = randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", res.locals.requestId as string);
    // Which public body the request is for follows from its host (decision 028); reads shared
    // by a page's loaders happen once (app/domain/kernel/request-scope.ts).
    forHost(req.hostname ?? "", () => {
      if (req.method === "GET" || req.method === "HEAD") inRequestScope(next);
      else next();
    });
  });

  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => (res as Response).locals.requestId as string,
      // Only what operations need: no headers, cookies, bodies or tokens.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.replace(TOKEN_IN_URL, "$1[dold]"),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Refused requests (malformed, wrong content type, too large) are worth a look, not an alarm.
      customLogLevel: (_req, res, err) =>
        [400, 413, 415, 503].includes(res.statusCode) ? "warn" : err || res.statusCode >= 500 ? "error" : "info",
      // Health probes and static files (and Vite's module requests in development) are noise.
      autoLogging: {
        ignore: (req) => req.url === "/healthz" || /^\/(assets|app|node_modules|@)[/]/.test(req.url ?? ""),
      },
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce as string}'`],
          "style-src": production ? ["'self'"] : ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": production ? ["'self'"] : ["'self'", "ws:"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          // Sign-in buttons post here and are sent on to the OpenID provider (decision 016).
          "form-action": ["'self'", () => providerOrigins().join(" ")],
          "frame-ancestors": ["'none'"],
          ...(production && options.appUrl.startsWith("https:") ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      frameguard: { action: "deny" },
      strictTransportSecurity: production && options.appUrl.startsWith("https:"),
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    next();
  });

  app.use((req, res, next) => {
    if (isSameOrigin(req, options.appUrl)) return next();
    res.status(403).type("text/plain; charset=utf-8").send("Förfrågan kom från en annan webbplats och stoppades.");
  });

  // A path no browser produces (`/forslag/%E0%A4%A`) is refused before routing, not a 500.
  app.use((req, res, next) => {
    try {
      decodeURIComponent(req.path);
      next();
    } catch {
      res.status(400).type("text/plain; charset=utf-8").send("Adressen kunde inte tolkas.");
    }
  });

  // Pages seen signed in carry personal data: never stored by browsers or proxies. Static
  // files and downloads set their own Cache-Control, which replaces this.
  app.use((req, res, next) => {
    if (/(?:^|;\s*)__session=/.test(req.get("cookie") ?? "")) res.setHeader("Cache-Control", "private, no-store");
    next();
  });

  // A header a route sets itself replaces the default set above (Cache-Control, and helmet's
  // Cross-Origin-Resource-Policy for open data): Remix's adapter appends, which sent both.
  app.use((_req, res, next) => {
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) =>
      REPLACED_HEADERS.has(field.toLowerCase()) && value !== undefined ? res.set(field, value) : append(field, value);
    next();
  });

  app.use(compression());
  if (!production) app.use(devFileGuard());
  if (options.before) app.use(options.before);
  const { databaseUp } = options;
  if (databaseUp) {
    app.use((req, res, next) => {
      if (databaseUp() || req.path === "/healthz" || req.path === "/readyz") return next();
      res.status(503).set("Retry-After", "30").type("text/html; charset=utf-8").send(UNAVAILABLE_PAGE);
    });
  }
  const { hosts } = options;
  if (hosts) {
    // Nothing of a body runs at a host that is no body's: not even an action that would save
    // before asking which body it is for. The front door has its own pages only.
    app.use((req, res, next) => {
      if (req.path === "/healthz" || req.path === "/readyz" || req.path.startsWith("/assets/")) return next();
      // A hydrated page asks for its data at `<path>.data` (the root's at `/_root.data`).
      const path = req.path === "/_root.data" ? "/" : req.path.replace(/\.data$/, "");
      hosts.hostKind().then(
        (kind) => {
          if (kind === "body" || (kind === "frontDoor" && FRONT_DOOR_PATHS.has(path))) return next();
          if (kind === "paused" && CONSOLE_PATHS.includes(path)) return next();
          if (kind === "paused") {
            res.status(503).type("text/html; charset=utf-8").send(pausedPage(hosts.frontDoorAddress()));
            return;
          }
          res.status(404).type("text/html; charset=utf-8").send(notHerePage(hosts.frontDoorAddress()));
          // The bodies could not be read (the database went away a moment ago): the app answers
          // that itself (503), as it does for every page then; nothing runs for no body.
        },
        () => next(),
      );
    });
  }
  if (production) {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(staticFiles("build/client"));
  } else {
    app.use(staticFiles("public"));
  }

  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({
        nonce: res.locals.nonce as string,
        requestId: res.locals.requestId as string,
        ip: req.ip ?? "unknown",
      }),
    }),
  );

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err }, "unhandled error");
    if (!res.headersSent) res.status(500).type("text/plain; charset=utf-8").send("Något gick fel.");
  });
  return app;
}

/**
 * The files of a folder, for paths whose first segment is in it when the server starts: every
 * page request would otherwise ask the file system first (measured with `npm run bench`).
 */
function staticFiles(dir: string): express.RequestHandler {
  const names = new Set(existsSync(dir) ? readdirSync(dir) : []);
  const serve = express.static(dir, { maxAge: "1h" });
  return (req, res, next) => (names.has(req.path.split("/")[1] ?? "") ? serve(req, res, next) : next());
}
