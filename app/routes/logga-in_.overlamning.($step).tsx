import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { InvalidLink } from "~/components/invalid-link";
import { pageMeta } from "~/http/meta";
import { clearedHandoverState, giveToHost, startHandover, takeAtHost } from "~/http/handover.server";

export const meta = pageMeta("auth.handover.title");

/**
 * A sign-in handed between the installation's hosts (decision 033): `/logga-in/overlamning`
 * starts it at the host without a session, `/ge` answers at the host with one, `/klar` takes the
 * answer back at the first. Each step is a redirect; only a refused hand-over shows a page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const answer =
    params.step === undefined
      ? await startHandover(request)
      : params.step === "ge"
        ? await giveToHost(request)
        : params.step === "klar"
          ? await takeAtHost(request)
          : null;
  if (answer === null) throw new Response("Sidan finns inte", { status: 404 });
  if (answer === "refused")
    return data({ refused: true }, { status: 400, headers: { "Set-Cookie": await clearedHandoverState() } });
  throw answer;
}

export default function HandoverRefused() {
  return <InvalidLink titleKey="auth.handover.title" bodyKey="auth.handover.refused" />;
}
