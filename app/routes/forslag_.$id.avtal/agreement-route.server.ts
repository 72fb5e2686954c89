import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { agreementPage } from "~/domain/agreements/agreements.server";
import { loadAgreementCaseFor } from "~/http/case-requests.server";
import { sessionToken } from "~/http/session.server";
import { readUploadForm } from "~/http/uploads.server";
import { runAgreementIntent } from "./intents.server";

// One agreement page for both sides: the organisation's (and co-organisations') at
// /forslag/:id/avtal, staff's at /handlaggning/arenden/:id/avtal. Each side's route module
// exports these with its side; the page (components/agreement.tsx) shows what the side may do.

type Side = "organisation" | "staff";

const versionParam = (url: URL, name: string) => Number(url.searchParams.get(name)) || 0;
const pageOf = (side: Side, id: unknown) =>
  side === "staff" ? `/handlaggning/arenden/${String(id)}/avtal` : `/forslag/${String(id)}/avtal`;

/** Read, comment per section, compare versions, sign; staff also draft, edit and send. */
export const agreementLoader =
  (side: Side) =>
  async ({ request, params }: LoaderFunctionArgs) => {
    const { c, actor, user } = await loadAgreementCaseFor(request, params.id, side);
    const url = new URL(request.url);
    return agreementPage(c, user, actor, {
      staff: side === "staff",
      from: versionParam(url, "fran"),
      to: versionParam(url, "till"),
      session: await sessionToken(request),
    });
  };

export const agreementAction =
  (side: Side) =>
  async ({ request, params, context }: ActionFunctionArgs) => {
    const { c, user } = await loadAgreementCaseFor(request, params.id, side);
    return runAgreementIntent(c, user, await readUploadForm(request), context.ip, pageOf(side, c._id), request);
  };
