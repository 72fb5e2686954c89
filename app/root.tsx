import type { PackRule } from "@casl/ability/extra";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { AbilityProvider } from "./components/ability";
import { ErrorPage, errorKey } from "./components/error-page";
import { wantsScripts } from "./components/page-handle";
import { ScriptsContext } from "./components/app-link";
import { useRootData } from "./components/root-data";
import { Shell } from "./components/layout";
import { isDbUnavailable } from "./domain/kernel/db.server";
import { getEnv } from "./domain/kernel/env.server";
import { packedRules, requestContext } from "./http/request.server";
import { getUser, readToast, type SessionUser } from "./http/session.server";
import type { Types } from "mongoose";
import { isInstallationAdmin } from "./domain/installation/installation.server";
import { getLang } from "./http/lang.server";
import { abilityFor } from "./domain/access/ability.server";
import { hostKind, publicBodiesListed } from "./domain/public-body/public-body.server";
import { createAbility, mayOnCase, type AppRule } from "./domain/access/policy";
import { DEFAULT_LANG, getI18n, type Lang } from "./i18n";
import styles from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data: root, error }) => {
  const t = getI18n(root?.lang ?? DEFAULT_LANG).t;
  if (error) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    return [{ title: `${String(t(`pages.${errorKey(status)}.title`))} – Samverka` }];
  }
  return [{ title: "Samverka" }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    const host = await hostKind();
    if (host === "unknown") throw new Response("Sidan finns inte", { status: 404 });
    if (host === "frontDoor") return frontDoorData(request, context.nonce);
    const { user, lang, publicBody, ability } = await requestContext(request);
    const { toast, headers } = await readToast(request);
    return data(
      {
        lang,
        nonce: context.nonce,
        toast,
        dev: getEnv().NODE_ENV === "development",
        rules: packedRules(ability) as PackRule<AppRule>[],
        user: user ? userData(user, publicBody._id) : null,
        publicBody: {
          name: publicBody.name,
          officeName: publicBody.officeName,
          officeEmail: publicBody.officeEmail,
          officePhone: publicBody.officePhone,
          officeAddress: publicBody.officeAddress,
        } as PublicBodyData | null,
        frontDoor: null as FrontDoorData | null,
      },
      { headers },
    );
  } catch (error) {
    if (isDbUnavailable(error)) throw data(null, { status: 503, headers: { "Retry-After": "30" } });
    throw error;
  }
}

/** The signed-in person as every page's layout needs them, at a body's address or (null) the front door. */
function userData(user: SessionUser, publicBodyId: Types.ObjectId | null) {
  // The menu offers this body's pages only: a role in another body gives nothing here.
  const roles = user.staffMemberships.filter((m) => publicBodyId?.equals(m.publicBodyId)).map((m) => m.role);
  return {
    id: String(user._id),
    name: user.name,
    email: user.email,
    emailVerified: Boolean(user.emailVerifiedAt),
    hasOrganisations: publicBodyId !== null && user.orgMemberships.length > 0,
    // Staff are not organisation members: they get the organisation register instead.
    staff: roles.length > 0,
    inbox: roles.some((role) => mayOnCase("handle", role)),
    admin: roles.includes("admin"),
    installationAdmin: isInstallationAdmin(user),
  };
}

interface PublicBodyData {
  name: string;
  officeName: string;
  officeEmail: string;
  officePhone: string;
  officeAddress: string;
}
type FrontDoorData = { bodies: Awaited<ReturnType<typeof publicBodiesListed>> };

/**
 * The national front door (the bare APP_HOST, decision 028): no body, the bodies that use the
 * installation; a signed-in person only for the installation administrator's console.
 */
async function frontDoorData(request: Request, nonce: string) {
  const [lang, user] = await Promise.all([getLang(request), getUser(request)]);
  return data({
    lang,
    nonce,
    toast: null,
    dev: getEnv().NODE_ENV === "development",
    rules: packedRules(abilityFor(null)) as PackRule<AppRule>[],
    user: user ? userData(user, null) : null,
    publicBody: null as PublicBodyData | null,
    frontDoor: { bodies: await publicBodiesListed() } as FrontDoorData | null,
  });
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRootData();
  const lang: Lang = root?.lang ?? DEFAULT_LANG;
  const nonce = root?.nonce;
  const scripts = wantsScripts(useMatches());
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <ScriptsContext.Provider value={scripts}>
          <I18nextProvider i18n={getI18n(lang)}>{children}</I18nextProvider>
        </ScriptsContext.Provider>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Only when the root loader itself failed (the database is away): no user, no public body. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <AbilityProvider value={createAbility([])}>
      <Shell>
        <ErrorPage status={status} />
      </Shell>
    </AbilityProvider>
  );
}
