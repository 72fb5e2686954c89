import { unpackRules } from "@casl/ability/extra";
import { Outlet, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { AbilityProvider } from "./components/ability";
import { ErrorPage } from "./components/error-page";
import { Shell } from "./components/layout";
import { useRootData } from "./components/root-data";
import { createAbility } from "./domain/access/policy";

// The layout route around every page (app/routes.ts). Its error boundary sits below the root
// loader, so an error page still knows who is signed in and which public body this is.

function WithAbility({ children }: { children: ReactNode }) {
  const rules = useRootData()?.rules;
  const ability = useMemo(() => createAbility(rules ? unpackRules(rules) : []), [rules]);
  return (
    <AbilityProvider value={ability}>
      <Shell>{children}</Shell>
    </AbilityProvider>
  );
}

export default function Page() {
  return (
    <WithAbility>
      <Outlet />
    </WithAbility>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <WithAbility>
      <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />
    </WithAbility>
  );
}
