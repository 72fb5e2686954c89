import type { Types } from "mongoose";
import { OrganisationModel } from "#models/organisation";
import { UserModel } from "#models/user";
import type { SessionUser } from "../identity/sessions.server";
import {
  DEMO_PASSWORD,
  DEPARTMENTS,
  upsertDepartments,
  upsertOrganisation,
  upsertPublicBody,
  upsertUser,
} from "./factories.server";

/** Demo data for development: Exempelkommun, one account per role, two organisations. */
export async function seedDemo() {
  const body = await upsertPublicBody();
  if (!body) throw new Error("seed: public body missing");
  const departments = await upsertDepartments(body._id);
  const social = departments.find((d) => d.slug === "social");
  const staff = { publicBodyId: body._id };
  const password = DEMO_PASSWORD;
  await upsertUser({
    email: "samordnare@exempelkommun.se",
    name: "Sara Samordnare",
    password,
    staff: { ...staff, role: "coordinator" },
  });
  await upsertUser({
    email: "handlaggare@exempelkommun.se",
    name: "Hans Handläggare",
    password,
    staff: { ...staff, role: "officer", departmentIds: social ? [social._id] : [], delegation: true },
  });
  await upsertUser({
    email: "politiker@exempelkommun.se",
    name: "Petra Politiker",
    password,
    staff: { ...staff, role: "politician" },
  });
  // The installation's administrator (INSTALLATION_ADMINS in `npm run dev`): /drift, decision 031.
  await upsertUser({ email: "drift@samverka.example", name: "Olga Drift", password });
  await upsertUser({
    email: "admin@exempelkommun.se",
    name: "Adam Administratör",
    password,
    staff: { ...staff, role: "admin" },
  });

  const anna = await upsertUser({ email: "anna@gronagarden.example", name: "Anna Ordförande", password });
  const olle = await upsertUser({ email: "olle@gronagarden.example", name: "Olle Medlem", password });
  const lina = await upsertUser({ email: "lina@laxhjalpen.example", name: "Lina Verksamhetschef", password });
  await upsertOrganisation({
    registeredIn: body._id,
    name: "Föreningen Gröna Gården",
    orgNumber: "802400-1375",
    purpose: "Stadsodling och gemenskap för äldre och nyanlända i Exempelstad.",
    email: "info@gronagarden.example",
    createdBy: anna._id,
    members: [
      { userId: anna._id, role: "org_admin", signatory: true },
      { userId: olle._id, role: "org_member" },
    ],
  });
  await upsertOrganisation({
    registeredIn: body._id,
    name: "Stiftelsen Läxhjälpen Exempelstad",
    orgNumber: "802500-6266",
    legalForm: "foundation",
    purpose: "Kostnadsfri läxhjälp för barn och unga med hjälp av volontärer.",
    email: "kontakt@laxhjalpen.example",
    createdBy: lina._id,
    members: [{ userId: lina._id, role: "org_admin", signatory: true }],
  });
  return body;
}

/**
 * A second public body (decision 028): Grannby kommun, two departments, its own coordinator and
 * officer (the demo password). With APP_HOST it answers at grannby.<APP_HOST>.
 */
export async function seedNeighbour() {
  const body = await upsertPublicBody("grannby", "Grannby kommun", {
    officePhone: "020-987 65 00",
    officeAddress: "Kommunhuset, Torget 2, 456 78 Grannby",
    orgNumber: "212000-9994",
    countyCode: "03",
  });
  if (!body) throw new Error("seed: Grannby missing");
  const departments = await upsertDepartments(
    body._id,
    DEPARTMENTS.filter((d) => d.slug === "social" || d.slug === "kultur-fritid"),
  );
  const social = departments.find((d) => d.slug === "social");
  await upsertUser({
    email: "samordnare@grannby.example",
    name: "Greta Samordnare",
    password: DEMO_PASSWORD,
    staff: { publicBodyId: body._id, role: "coordinator" },
  });
  await upsertUser({
    email: "handlaggare@grannby.example",
    name: "Gustav Handläggare",
    password: DEMO_PASSWORD,
    staff: { publicBodyId: body._id, role: "officer", departmentIds: social ? [social._id] : [], delegation: true },
  });
  return body;
}

/**
 * Cases in every status over two organisations and two departments, so that a newcomer signing
 * in as any demo person sees real work (`npm run dev` / `npm run seed`; never in tests, which
 * make their own). Made through the use cases; skipped when the public body has cases.
 */
export async function seedDemoCases(body: { _id: Types.ObjectId }) {
  const { ProposalModel } = await import("#models/proposal");
  if (await ProposalModel.exists({ publicBodyId: body._id })) return 0;
  const { caseInStatus, agreementInStatus } = await import("./factories.server");
  // A demo euro rate, so the assessed demo cases show their de minimis sums in euro.
  const { updateEurRate } = await import("../public-body/public-body.server");
  await updateEurRate(body._id, { sekPerEur: 11, date: new Date("2026-11-02T00:00:00Z") });
  const departments = await upsertDepartments(body._id);
  const social = departments.find((d) => d.slug === "social");
  const culture = departments.find((d) => d.slug === "kultur-fritid");
  const person = (email: string) => UserModel.findOne({ email }).lean() as Promise<SessionUser | null>;
  const karin = await upsertUser({
    email: "kultur@exempelkommun.se",
    name: "Karin Kulturhandläggare",
    password: DEMO_PASSWORD,
    staff: { publicBodyId: body._id, role: "officer", departmentIds: culture ? [culture._id] : [], delegation: true },
  });
  const [sara, hans, lina, anna] = await Promise.all(
    [
      "samordnare@exempelkommun.se",
      "handlaggare@exempelkommun.se",
      "lina@laxhjalpen.example",
      "anna@gronagarden.example",
    ].map(person),
  );
  const [laxhjalpen, grona] = await Promise.all(
    ["802500-6266", "802400-1375"].map((orgNumber) => OrganisationModel.findOne({ orgNumber }).lean()),
  );
  if (!sara || !hans || !lina || !anna || !laxhjalpen || !grona || !social || !culture) return 0;
  const lax = {
    publicBodyId: body._id,
    organisation: laxhjalpen,
    member: lina,
    coordinator: sara,
    officer: hans,
    departmentId: social._id,
  };
  const green = {
    publicBodyId: body._id,
    organisation: grona,
    member: anna,
    coordinator: sara,
    officer: karin as unknown as SessionUser,
    departmentId: culture._id,
  };
  const plan: [Parameters<typeof caseInStatus>[0], typeof lax, string][] = [
    ["submitted", lax, "Sommarlovsaktiviteter för unga i Norra stadsdelen"],
    ["submitted", green, "Odlingsträffar för äldre och nyanlända"],
    ["in_dialogue", lax, "Läxhjälp på biblioteket"],
    ["in_dialogue", green, "Kulturcafé i Gröna Gården"],
    ["awaiting_completion", lax, "Mentorer för gymnasieelever"],
    ["preparing_proposal", green, "Stadsodling på skolgårdar"],
    ["in_assessment", lax, "Läsfrämjande helger"],
    ["approved", lax, "Läxhjälp i Södra stadsdelen"],
    ["declined", green, "Trädgårdsbuss för seniorer"],
    ["withdrawn", green, "Vinterodling i växthus"],
    ["draft", lax, "Idé: språkcafé för föräldrar"],
  ];
  for (const [status, cast, title] of plan) await caseInStatus(status, cast, title);
  // Agreements: one waiting for Lina's and Hans's signatures, one signed and in force.
  await agreementInStatus(lax, "Läxhjälp i Västra stadsdelen", false);
  await agreementInStatus(lax, "Läxhjälp i Östra stadsdelen", true);
  return plan.length + 2;
}

/**
 * Grannby's demo cases: Föreningen Gröna Gården, registered at Exempelkommun, proposes to
 * Grannby too (organisations are national: decision 029), so Anna works with both bodies from
 * one start page. Skipped when Grannby has cases.
 */
export async function seedNeighbourCases(body: { _id: Types.ObjectId }) {
  const { ProposalModel } = await import("#models/proposal");
  if (await ProposalModel.exists({ publicBodyId: body._id })) return 0;
  const { caseInStatus } = await import("./factories.server");
  const person = (email: string) => UserModel.findOne({ email }).lean() as Promise<SessionUser | null>;
  const [greta, gustav, anna] = await Promise.all(
    ["samordnare@grannby.example", "handlaggare@grannby.example", "anna@gronagarden.example"].map(person),
  );
  const grona = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean();
  const social = (await upsertDepartments(body._id, [])).find((d) => d.slug === "social");
  if (!greta || !gustav || !anna || !grona || !social) return 0;
  const cast = {
    publicBodyId: body._id,
    organisation: grona,
    member: anna,
    coordinator: greta,
    officer: gustav,
    departmentId: social._id,
  };
  await caseInStatus("in_dialogue", cast, "Odlingslotter för nyanlända i Grannby");
  return 1;
}
