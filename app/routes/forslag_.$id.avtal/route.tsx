import type { MetaFunction } from "@remix-run/node";
import { pageMeta } from "~/http/meta";
import { agreementAction, agreementLoader } from "./agreement-route.server";

export { revalidateAfterPost as shouldRevalidate } from "~/components/revalidate";
export { AgreementRoute as default } from "~/components/agreement-route";

export const meta: MetaFunction = pageMeta("agreement.title");

/** The organisation's (and co-organisations') agreement page: read, comment per section, compare, sign. */
export const loader = agreementLoader("organisation");
export const action = agreementAction("organisation");
