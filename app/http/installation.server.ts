import { redirect } from "@remix-run/node";
import { consoleIsHere, isInstallationAdmin } from "../domain/installation/installation.server";
import { hasSecondFactor } from "../domain/installation/second-factor.server";
import { hostKind } from "../domain/public-body/public-body.server";
import { requireUser, sessionToken } from "./session.server";

/**
 * The installation administrator of the console (decision 031), at the console's address (the
 * front door, or with one body per installation its address); to everyone else it does not
 * exist (404). The console itself also needs the second factor given in this session (decision
 * 035): without it, to the page that asks for it.
 */
export async function requireInstallationAdmin(request: Request, options = { secondFactor: true }) {
  if (!consoleIsHere(await hostKind())) throw new Response("Sidan finns inte", { status: 404 });
  const user = await requireUser(request);
  if (!isInstallationAdmin(user)) throw new Response("Sidan finns inte", { status: 404 });
  if (options.secondFactor && !(await hasSecondFactor(await sessionToken(request))))
    throw redirect("/drift/tvastegsverifiering");
  return user;
}
