import type { Types } from "mongoose";
import { mailSender } from "../public-body/public-body.server";
import { directory } from "../directory/directory.server";
import { touch } from "../kernel/read-markers.server";
import { DepartmentModel } from "#models/department";
import { UserModel, type StaffRole } from "#models/user";
import { link, setPassword } from "./accounts.server";
import { pullMatching } from "../kernel/array-pull.server";
import { enqueueEmail } from "../notifications/outbox.server";
import { consumeToken, issueToken } from "./tokens.server";
import type { SessionUser } from "./sessions.server";
import { clockNow } from "../kernel/clock";

export const roleLabels: Record<StaffRole, { sv: string; en: string }> = {
  coordinator: { sv: "samordnare", en: "coordinator" },
  officer: { sv: "handläggare", en: "officer" },
  politician: { sv: "förtroendevald", en: "politician" },
  admin: { sv: "administratör", en: "administrator" },
};

export function listDepartments(publicBodyId: Types.ObjectId) {
  return DepartmentModel.find({ publicBodyId }).sort({ name: 1 }).lean();
}

/** The public body's staff by name, from the directory (kept per instance: decision 009). */
export async function listStaff(publicBodyId: Types.ObjectId) {
  const { staff } = await directory();
  return [...staff]
    .flatMap(([id, u]) => {
      const m = u.staffMemberships.find((s) => s.publicBodyId.equals(publicBodyId));
      return m
        ? [
            {
              id,
              name: u.name,
              email: u.email,
              role: m.role,
              departmentIds: m.departmentIds.map(String),
              delegation: Boolean(m.delegation),
              active: u.active,
            },
          ]
        : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/**
 * Creates (or extends) a staff account and emails a link to choose a password. Staff never
 * sign up themselves: the administrator decides who works in the case handling.
 */
export async function inviteStaff(
  body: { _id: Types.ObjectId; name: string },
  inviter: SessionUser,
  input: { email: string; name: string; role: StaffRole; departmentIds: Types.ObjectId[]; delegation: boolean },
) {
  const membership = {
    publicBodyId: body._id,
    role: input.role,
    departmentIds: input.departmentIds,
    ...(input.delegation ? { delegation: true } : {}),
  };
  let user = await UserModel.findOne({ email: input.email }).lean();
  if (!user) {
    user = (
      await UserModel.create({ email: input.email, name: input.name, staffMemberships: [membership] })
    ).toObject();
  } else {
    await pullMatching(UserModel, user._id, "staffMemberships", (m) =>
      body._id.equals(m.publicBodyId as Types.ObjectId),
    );
    await UserModel.updateOne({ _id: user._id }, { $push: { staffMemberships: membership } });
  }
  await touch("directory");
  const token = await issueToken({
    kind: "staff_invitation",
    email: input.email,
    userId: user._id,
    publicBodyId: body._id,
    role: input.role,
    invitedBy: inviter._id,
  });
  const locale = inviter.locale;
  await enqueueEmail(
    `staff-invite:${token.slice(0, 16)}`,
    input.email,
    {
      template: "staffInvite",
      locale,
      inviter: inviter.name,
      role: roleLabels[input.role][locale],
      publicBody: body.name,
      url: await link("/inbjudan", token, body._id),
      sender: await mailSender(body._id),
    },
    body._id,
  );
}

/** Sets the password of an invited staff member; the link proves the email address. */
export async function acceptStaffInvitation(token: string, password: string) {
  const used = await consumeToken(token, "staff_invitation");
  if (!used?.userId) return null;
  await setPassword(used.userId, password, { emailVerifiedAt: clockNow() });
  return used.userId;
}
