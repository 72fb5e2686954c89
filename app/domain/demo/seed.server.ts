import { DEMO_PASSWORD, upsertDepartments, upsertOrganisation, upsertPublicBody, upsertUser } from "./factories.server";

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
    staff: { ...staff, role: "officer", departmentIds: social ? [social._id] : [] },
  });
  await upsertUser({
    email: "politiker@exempelkommun.se",
    name: "Petra Politiker",
    password,
    staff: { ...staff, role: "politician" },
  });
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
    publicBodyId: body._id,
    name: "Föreningen Gröna Gården",
    orgNumber: "802400-1375",
    purpose: "Stadsodling och gemenskap för äldre och nyanlända i Exempelstad.",
    email: "info@gronagarden.example",
    createdBy: anna._id,
    members: [
      { userId: anna._id, role: "org_admin" },
      { userId: olle._id, role: "org_member" },
    ],
  });
  await upsertOrganisation({
    publicBodyId: body._id,
    name: "Stiftelsen Läxhjälpen Exempelstad",
    orgNumber: "802500-6266",
    legalForm: "foundation",
    purpose: "Kostnadsfri läxhjälp för barn och unga med hjälp av volontärer.",
    email: "kontakt@laxhjalpen.example",
    createdBy: lina._id,
    members: [{ userId: lina._id, role: "org_admin" }],
  });
  return body;
}
