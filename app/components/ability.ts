import { useAbility } from "@casl/react";
import type { AppAbility } from "~/domain/access/policy";

export { AbilityProvider } from "@casl/react";
/** The same ability the server uses, rebuilt from the rules the root loader sends. */
export const useAppAbility = () => useAbility<AppAbility>();
