import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import type { NoticeType } from "#emails/templates";
import type { CaseDoc } from "./cases.server";
import { getEnv } from "./env.server";
import { enqueueEmail, localeOf } from "./outbox.server";

// Short case emails ("notices"): who hears about what. No email carries message text; each
// says what happened and links to the case. One row per change and recipient (the key).

export async function notify(
  c: CaseDoc,
  notice: NoticeType,
  to: string[],
  name: string,
  seq: number,
  staffLink: boolean,
) {
  const body = await PublicBodyModel.findById(c.publicBodyId).select("name officeName").lean();
  const url = `${getEnv().APP_URL}${staffLink ? "/handlaggning/arenden/" : "/forslag/"}${String(c._id)}`;
  for (const address of [...new Set(to.filter(Boolean))]) {
    await enqueueEmail(
      `${notice}:${String(c._id)}:${seq}:${address}`,
      address,
      {
        template: "notice",
        notice,
        locale: await localeOf(address),
        caseNumber: c.caseNumber ?? "",
        title: c.title,
        name,
        publicBody: body?.name ?? "",
        url,
        officeName: `${body?.officeName ?? ""}, ${body?.name ?? ""}`,
      },
      c.publicBodyId,
    );
  }
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
