import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";
import { DEFAULT_LANG, type Lang } from "~/i18n";

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function useLang(): Lang {
  return useRootData()?.lang ?? DEFAULT_LANG;
}
