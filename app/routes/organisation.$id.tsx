import { subject as subjectOf } from "@casl/ability";
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Types } from "mongoose";
import { ORG_DOCUMENT_KINDS_LIST, ORG_ROLES_LIST } from "#models/constants";
import { useAppAbility } from "~/components/ability";
import { ErrorSummary, FileField, SelectField, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { OrganisationForm } from "~/components/organisation-form";
import { useLang } from "~/components/root-data";
import { useSchemaForm } from "~/components/use-form";
import { can, requireAbility } from "~/domain/access/ability.server";
import { deleteOrgDocument, findOrgDocument, listOrgDocuments, storeDocument } from "~/domain/records/documents.server";
import { LockBusyError } from "~/domain/kernel/claims.server";
import { invalid, parseForm, withFileError } from "~/domain/http/forms.server";
import {
  DuplicateOrgNumberError,
  findOrganisation,
  inviteMember,
  listMembers,
  listPendingInvitations,
  removeMembership,
  updateOrganisation,
} from "~/domain/organisations/organisations.server";
import { badRequest, requireContext } from "~/domain/http/request.server";
import { redirectWithToast } from "~/domain/identity/session.server";
import { readUploadForm, uploadedFile } from "~/domain/http/uploads.server";
import { formatBytes, formatDate } from "~/i18n";
import { inviteMemberSchema, objectId, organisationSchema, uploadSchema } from "~/schemas/organisation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? ""} – Samverka` },
];

async function loadOrganisation(request: Request, id: string | undefined) {
  const ctx = await requireContext(request);
  const org = await findOrganisation(ctx.publicBody._id, id ?? "");
  // Another organisation's page answers 404, as if it did not exist.
  if (!org) throw new Response("Sidan finns inte", { status: 404 });
  requireAbility(ctx.ability, "read", "Organisation", { _id: org._id, publicBodyId: org.publicBodyId });
  const scope = { organisationId: org._id, publicBodyId: org.publicBodyId };
  return { ...ctx, org, scope };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, ability, scope, user } = await loadOrganisation(request, params.id);
  const mayReadMembers = can(ability, "read", "Member", scope);
  const mayInvite = can(ability, "invite", "Member", scope);
  const mayReadDocs = can(ability, "read", "OrgDocument", scope);
  const [members, invitations, documents] = await Promise.all([
    mayReadMembers ? listMembers(org._id) : null,
    mayInvite ? listPendingInvitations(org._id) : null,
    mayReadDocs ? listOrgDocuments(org.publicBodyId, org._id) : null,
  ]);
  return {
    me: String(user._id),
    organisation: {
      id: String(org._id),
      publicBodyId: String(org.publicBodyId),
      name: org.name,
      orgNumber: org.orgNumber,
      legalForm: org.legalForm,
      purpose: org.purpose,
      streetAddress: org.streetAddress,
      postalCode: org.postalCode,
      city: org.city,
      website: org.website,
      email: org.email,
      phone: org.phone,
      signatories: (org.signatories ?? []).map((s) => ({ name: s.name, role: s.role })),
    },
    members,
    invitations:
      invitations?.map((i) => ({
        email: i.email,
        role: i.role ?? "org_member",
        expiresAt: i.expiresAt.toISOString(),
      })) ?? null,
    documents:
      documents?.map((d) => ({
        id: String(d._id),
        title: d.title,
        kind: d.kind,
        filename: d.filename,
        size: d.size,
        createdAt: d.createdAt.toISOString(),
      })) ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, ability, scope, user, publicBody } = await loadOrganisation(request, params.id);
  const here = `/organisation/${String(org._id)}`;
  const { formData, tooLarge } = await readUploadForm(request);
  const intent = tooLarge ? "upload" : formData.get("intent");

  if (intent === "saveOrganisation") {
    requireAbility(ability, "update", "Organisation", { _id: org._id, publicBodyId: org.publicBodyId }, 403);
    const submission = parseForm(formData, organisationSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "organisation");
    try {
      await updateOrganisation(org.publicBodyId, org._id, submission.value);
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
    await inviteMember(
      org,
      user,
      submission.value.email,
      submission.value.role,
      publicBody.name,
      `${publicBody.officeName}, ${publicBody.name}`,
    );
    return redirectWithToast(here, "org.invited");
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
      publicBodyId: org.publicBodyId,
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
    const doc = await findOrgDocument(org.publicBodyId, org._id, String(formData.get("documentId") ?? ""));
    if (!doc) throw new Response("Sidan finns inte", { status: 404 });
    await deleteOrgDocument(doc);
    return redirectWithToast(here, "org.docDeleted");
  }
  throw badRequest();
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const ability = useAppAbility();
  const org = data.organisation;
  const scope = { organisationId: org.id, publicBodyId: org.publicBodyId };
  const mayUpdate = ability.can("update", subjectOf("Organisation", { _id: org.id, publicBodyId: org.publicBodyId }));
  const editing = mayUpdate && searchParams.has("andra");
  const resultFor = (form: string) =>
    actionData && "form" in actionData && actionData.form === form ? (actionData.result ?? undefined) : undefined;
  const memberError = actionData && "memberError" in actionData ? actionData.memberError : null;
  return (
    <>
      <PageHeading>{org.name}</PageHeading>
      <section aria-labelledby="org-details">
        <h2 id="org-details">{t("org.details")}</h2>
        {editing ? (
          <div className="narrow">
            <OrganisationForm lastResult={resultFor("organisation")} defaultValue={org} submitLabel={t("org.save")} />
          </div>
        ) : (
          <>
            <OrganisationFacts org={org} />
            {mayUpdate ? (
              <Link to="?andra" className="button button--secondary">
                {t("org.edit")}
              </Link>
            ) : null}
          </>
        )}
      </section>
      {data.members ? (
        <MembersSection
          members={data.members}
          invitations={data.invitations}
          me={data.me}
          scope={scope}
          error={memberError}
          lastResult={resultFor("invite")}
        />
      ) : null}
      {data.documents ? (
        <DocumentsSection orgId={org.id} documents={data.documents} scope={scope} lastResult={resultFor("upload")} />
      ) : null}
    </>
  );
}

function OrganisationFacts({ org }: { org: ReturnType<typeof useLoaderData<typeof loader>>["organisation"] }) {
  const { t } = useTranslation();
  const address = [org.streetAddress, [org.postalCode, org.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <dl className="facts">
      <dt>{t("org.orgNumber")}</dt>
      <dd>{org.orgNumber}</dd>
      <dt>{t("org.legalForm")}</dt>
      <dd>{t(`org.legalForms.${org.legalForm}`)}</dd>
      <dt>{t("org.purpose")}</dt>
      <dd className="pre-line">{org.purpose}</dd>
      {address ? (
        <>
          <dt>{t("org.address")}</dt>
          <dd>{address}</dd>
        </>
      ) : null}
      <dt>{t("org.orgEmail")}</dt>
      <dd>{org.email}</dd>
      {org.phone ? (
        <>
          <dt>{t("org.phone")}</dt>
          <dd>{org.phone}</dd>
        </>
      ) : null}
      {org.website ? (
        <>
          <dt>{t("org.website")}</dt>
          <dd>
            <a href={org.website} rel="noopener noreferrer">
              {org.website}
            </a>
          </dd>
        </>
      ) : null}
      {org.signatories.length ? (
        <>
          <dt>{t("org.signatories")}</dt>
          <dd>
            <ul className="plain-list">
              {org.signatories.map((s) => (
                <li key={`${s.name}-${s.role}`}>{s.role ? `${s.name}, ${s.role}` : s.name}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

type Scope = { organisationId: string; publicBodyId: string };
type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function MembersSection({
  members,
  invitations,
  me,
  scope,
  error,
  lastResult,
}: {
  members: NonNullable<LoaderData["members"]>;
  invitations: LoaderData["invitations"];
  me: string;
  scope: Scope;
  error: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ability = useAppAbility();
  const mayInvite = ability.can("invite", subjectOf("Member", { ...scope }));
  const [form, fields] = useSchemaForm(inviteMemberSchema, lastResult, "invite", { role: "org_member" });
  return (
    <section aria-labelledby="org-members">
      <h2 id="org-members">{t("org.members")}</h2>
      <p>{t("org.membersLead")}</p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("org.table.name")}</th>
            <th scope="col">{t("org.table.email")}</th>
            <th scope="col">{t("org.table.role")}</th>
            <th scope="col">{t("org.table.action")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                {m.id === me ? ` (${String(t("org.you"))})` : ""}
              </td>
              <td>{m.email}</td>
              <td>{t(`roles.${m.role}`)}</td>
              <td>
                {m.id === me ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="leave" />
                    <button type="submit" className="link-button">
                      {t("org.leave")}
                    </button>
                  </Form>
                ) : ability.can("delete", subjectOf("Member", { ...scope, userId: m.id })) ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeMember" />
                    <input type="hidden" name="userId" value={m.id} />
                    <button type="submit" className="link-button link-button--danger">
                      {t("org.remove", { name: m.name })}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invitations && invitations.length > 0 ? (
        <>
          <h3>{t("org.pendingInvites")}</h3>
          <ul>
            {invitations.map((i) => (
              <li key={i.email + i.expiresAt}>
                {i.email} – {t(`roles.${i.role}`)}, {t("org.expires", { date: formatDate(i.expiresAt, lang) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayInvite ? (
        <div className="panel">
          <h3 id="invite-heading">{t("org.invite")}</h3>
          <p>{t("org.inviteLead")}</p>
          <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="invite-heading">
            <input type="hidden" name="intent" value="invite" />
            <ErrorSummary form={form} />
            <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="off" />
            <SelectField
              field={fields.role}
              label={t("org.inviteRole")}
              options={ORG_ROLES_LIST.map((value) => ({ value, label: String(t(`roles.${value}`)) }))}
            />
            <button type="submit" className="button">
              {t("org.invite")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

function DocumentsSection({
  orgId,
  documents,
  scope,
  lastResult,
}: {
  orgId: string;
  documents: NonNullable<LoaderData["documents"]>;
  scope: Scope;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ability = useAppAbility();
  const [form, fields] = useSchemaForm(uploadSchema, lastResult, "upload");
  const fileError = fields.file?.errors?.[0];
  return (
    <section aria-labelledby="org-documents">
      <h2 id="org-documents">{t("org.documents")}</h2>
      <p>{t("org.documentsLead")}</p>
      {documents.length === 0 ? (
        <p>{t("org.noDocuments")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("org.table.title")}</th>
              <th scope="col">{t("org.table.kind")}</th>
              <th scope="col">{t("org.table.size")}</th>
              <th scope="col">{t("org.table.date")}</th>
              <th scope="col">{t("org.table.action")}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`/organisation/${orgId}/dokument/${d.id}`} download>
                    {d.title}
                  </a>{" "}
                  <span className="muted">({d.filename})</span>
                </td>
                <td>{t(`org.docKinds.${d.kind}`)}</td>
                <td>{formatBytes(d.size)}</td>
                <td>{formatDate(d.createdAt, lang)}</td>
                <td>
                  {ability.can("delete", subjectOf("OrgDocument", { ...scope })) ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="deleteDocument" />
                      <input type="hidden" name="documentId" value={d.id} />
                      <button type="submit" className="link-button link-button--danger">
                        {t("org.deleteDoc", { title: d.title })}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ability.can("create", subjectOf("OrgDocument", { ...scope })) ? (
        <div className="panel">
          <h3 id="upload-heading">{t("org.upload")}</h3>
          <Form
            method="post"
            encType="multipart/form-data"
            {...getFormProps(form)}
            className="form"
            aria-labelledby="upload-heading"
          >
            <input type="hidden" name="intent" value="upload" />
            <ErrorSummary form={form} />
            <SelectField
              field={fields.kind}
              label={t("org.docKind")}
              placeholder=""
              options={ORG_DOCUMENT_KINDS_LIST.map((value) => ({ value, label: String(t(`org.docKinds.${value}`)) }))}
            />
            <TextField field={fields.title} label={t("org.docTitle")} hint={t("org.docTitleHint")} />
            <FileField id={`${form.id}-file`} error={fileError} />
            <button type="submit" className="button">
              {t("org.upload")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
