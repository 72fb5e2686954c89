import type { MetaFunction } from "@remix-run/node";
import { pageMeta } from "~/http/meta";
import { agreementAction, agreementLoader } from "./forslag_.$id.avtal/agreement-route.server";

export { revalidateAfterPost as shouldRevalidate } from "~/components/revalidate";
export { AgreementRoute as default } from "~/components/agreement-route";

export const meta: MetaFunction = pageMeta("agreement.title");

/** Staff's agreement page: draft, edit, answer comments, compare, send for signing, sign. */
export const loader = agreementLoader("staff");
export const action = agreementAction("staff");
