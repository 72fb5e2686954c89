import { addressOf, allBodies, mailSender } from "../public-body/public-body.server";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import type { NoticeType } from "#emails/templates";
import type { CaseEffect } from "./effects";
import type { CaseDoc } from "./engine.server";
import { localeOf } from "../notifications/outbox.server";

// Short case emails ("notices"): who hears about what. No email carries message text; each
// says what happened and links to the case. They are effects of the change that caused them
// (case-effects.ts): one email per change and recipient, queued exactly once.

export async function noticeEffects(
  c: CaseDoc,
  notice: NoticeType,
  to: string[],
  name: string,
  staffLink: boolean,
): Promise<CaseEffect[]> {
  const sender = await mailSender(c.publicBodyId);
  const body = (await allBodies()).find((b) => b._id.equals(c.publicBodyId));
  const url = `${await addressOf(c.publicBodyId)}${staffLink ? "/handlaggning/arenden/" : "/forslag/"}${String(c._id)}`;
  const effects: CaseEffect[] = [];
  for (const address of [...new Set(to.filter(Boolean))]) {
    effects.push({
      kind: "email",
      key: `${notice}:${String(c._id)}:{seq}:${address}`,
      to: address,
      email: {
        template: "notice",
        notice,
        locale: await localeOf(address),
        caseNumber: c.caseNumber ?? "",
        title: c.title,
        name,
        publicBody: body?.name ?? "",
        url,
        sender,
      },
    });
  }
  return effects;
}

/** Who on the municipality's side should hear from the organisation. */
export async function staffRecipients(c: CaseDoc) {
  if (c.routing) {
    const officer = await UserModel.findById(c.routing.officerId).select("email").lean();
    if (officer) return [officer.email];
  }
  const body = await PublicBodyModel.findById(c.publicBodyId).select("officeEmail").lean();
  return body ? [body.officeEmail] : [];
}
