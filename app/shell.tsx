import { unpackRules } from "@casl/ability/extra";
import { Outlet, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { AbilityProvider } from "./components/ability";
import { ErrorPage } from "./components/error-page";
import { Shell } from "./components/layout";
import { useRootData } from "./components/root-data";
import { createAbility, type AppRule } from "./domain/access/policy";
import { perObject } from "./domain/kernel/per-object";

// The layout route around every page (app/routes.ts). Its error boundary sits below the root
// loader, so an error page still knows who is signed in and which public body this is.

// One ability per set of rules the root loader sent: on the server the loader's kept rules
// (docs/decisions/022), in the browser those of the current page data.
const noAbility = createAbility([]);
const abilityOf = perObject((rules: Parameters<typeof unpackRules<AppRule>>[0]) => createAbility(unpackRules(rules)));
const abilityFromRules = (rules: Parameters<typeof unpackRules<AppRule>>[0] | undefined) =>
  rules ? abilityOf(rules) : noAbility;

function WithAbility({ children }: { children: ReactNode }) {
  const rules = useRootData()?.rules;
  const ability = abilityFromRules(rules);
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
