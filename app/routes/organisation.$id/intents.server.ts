import { Types } from "mongoose";
import type { AppAbility } from "~/domain/access/policy";
import { invalid, parseForm, withFileError } from "~/http/forms.server";
import { badRequest, requireAbility } from "~/http/request.server";
import { uploadedFile } from "~/http/uploads.server";
import { redirectWithToast, type SessionUser } from "~/http/session.server";
import { LockBusyError } from "~/domain/kernel/claims.server";
import {
  DuplicateOrgNumberError,
  inviteMember,
  removeMembership,
  setSignatory,
  updateOrganisation,
  type OrganisationHere,
  type orgScope,
} from "~/domain/organisations/organisations.server";
import type { PublicBodyDoc } from "~/domain/public-body/public-body.server";
import {
  deleteOrgDocument,
  findOrgDocument,
  RegisteredDocumentError,
  storeDocument,
} from "~/domain/records/documents.server";
import {
  inviteMemberSchema,
  objectId,
  organisationSchema,
  signatorySchema,
  uploadSchema,
} from "~/schemas/organisation";

interface Ctx {
  org: OrganisationHere;
  ability: AppAbility;
  scope: ReturnType<typeof orgScope>;
  user: SessionUser;
  publicBody: PublicBodyDoc;
  formData: FormData;
  tooLarge: boolean;
}

/** The organisation page's forms: each checks the policy (403), then its schema (400 with messages). */
export async function runOrganisationIntent({ org, ability, scope, user, publicBody, formData, tooLarge }: Ctx) {
  const here = `/organisation/${String(org._id)}`;
  const intent = tooLarge ? "upload" : formData.get("intent");

  if (intent === "saveOrganisation") {
    requireAbility(ability, "update", "Organisation", { _id: org._id, publicBodyIds: org.publicBodyIds }, 403);
    const submission = parseForm(formData, organisationSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "organisation");
    try {
      await updateOrganisation(org._id, submission.value);
    } catch (error) {
      if (error instanceof DuplicateOrgNumberError) {
        return invalid(submission, { fieldErrors: { orgNumber: ["errors.orgNumber.duplicate"] } }, 409, "organisation");
      }
      throw error;
    }
    return redirectWithToast(here, "org.updated");
  }

  if (intent === "invite") {
    requireAbility(ability, "invite", "Member", scope, 403);
    const submission = parseForm(formData, inviteMemberSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "invite");
    await inviteMember(org, publicBody._id, user, submission.value.email, submission.value.role);
    return redirectWithToast(here, "org.invited");
  }

  if (intent === "setSignatory") {
    requireAbility(ability, "invite", "Member", scope, 403);
    const submission = parseForm(formData, signatorySchema);
    if (submission.status !== "success") throw badRequest();
    const { userId, signatory } = submission.value;
    const done = await setSignatory(org._id, new Types.ObjectId(userId), signatory === "yes").catch(
      (error: unknown) => {
        if (error instanceof LockBusyError) throw new Response("Försök igen", { status: 409 });
        throw error;
      },
    );
    if (!done) throw new Response("Sidan finns inte", { status: 404 });
    return redirectWithToast(
      `${here}#org-members`,
      signatory === "yes" ? "org.signatoryAdded" : "org.signatoryRemoved",
    );
  }

  if (intent === "removeMember" || intent === "leave") {
    const userId = intent === "leave" ? String(user._id) : objectId.safeParse(formData.get("userId")).data;
    if (!userId) throw badRequest();
    requireAbility(ability, intent === "leave" ? "leave" : "delete", "Member", { ...scope, userId }, 403);
    const result = await removeMembership(org._id, new Types.ObjectId(userId)).catch((error: unknown) => {
      if (error instanceof LockBusyError) throw new Response("Försök igen", { status: 409 });
      throw error;
    });
    if (result === "lastAdmin") return { result: null, memberError: "org.lastAdmin" };
    if (result === "notMember") throw new Response("Sidan finns inte", { status: 404 });
    return intent === "leave" ? redirectWithToast("/organisation", "org.left") : redirectWithToast(here, "org.removed");
  }

  if (intent === "upload") {
    requireAbility(ability, "create", "OrgDocument", scope, 403);
    const submission = parseForm(formData, uploadSchema);
    const file = await uploadedFile(formData, tooLarge);
    if (submission.status !== "success" || "error" in file) {
      return invalid(submission, withFileError(submission, file), tooLarge ? 413 : 400, "upload");
    }
    await storeDocument({
      // Where it was sent from; an organisation's own document serves every body (decision 029).
      publicBodyId: publicBody._id,
      organisationId: org._id,
      uploadedBy: user._id,
      kind: submission.value.kind,
      title: submission.value.title,
      file,
    });
    return redirectWithToast(here, "org.uploaded");
  }

  if (intent === "deleteDocument") {
    requireAbility(ability, "delete", "OrgDocument", scope, 403);
    const doc = await findOrgDocument(
      { organisationId: org._id, seenFrom: null },
      String(formData.get("documentId") ?? ""),
    );
    if (!doc) throw new Response("Sidan finns inte", { status: 404 });
    try {
      await deleteOrgDocument(doc);
    } catch (error) {
      if (!(error instanceof RegisteredDocumentError)) throw error;
      throw new Response("En registrerad handling kan inte tas bort", { status: 409 });
    }
    return redirectWithToast(here, "org.docDeleted");
  }
  throw badRequest();
}
