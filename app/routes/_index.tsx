import { AppLink } from "~/components/app-link";
import { CallToAction } from "~/components/call-to-action";
import { useTranslation } from "react-i18next";
import { htmlOnly } from "~/components/page-handle";
import { useRootData } from "~/components/root-data";
import { pageMeta } from "~/http/meta";

export const meta = pageMeta("home.title");
export const handle = htmlOnly;

export default function Index() {
  const root = useRootData();
  return root?.frontDoor ? <FrontDoor bodies={root.frontDoor.bodies} /> : <PublicBodyHome />;
}

/** The national front door (decision 028): what Samverka is, and every body that uses it. */
function FrontDoor({
  bodies,
}: {
  bodies: {
    name: string;
    kind: "municipality" | "region";
    url: string;
    county: { name: string } | null;
    paused: boolean;
  }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t("frontDoor.title")}</h1>
        <p className="lead">{t("frontDoor.lead")}</p>
      </section>
      <section aria-labelledby="bodies-heading">
        <h2 id="bodies-heading">{t("frontDoor.bodiesTitle")}</h2>
        {bodies.length ? (
          <ul className="body-list">
            {bodies.map((b) => (
              <li key={b.url}>
                {/* Another host: a plain link, not the router's. */}
                {/* A paused body's pages say it is closed for now (decision 031). */}
                {b.paused ? b.name : <a href={b.url}>{b.name}</a>}{" "}
                <span className="muted">
                  {t(`frontDoor.kind.${b.kind}`)}
                  {b.county ? `, ${b.county.name}` : ""}
                  {b.paused ? ` – ${t("frontDoor.paused")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("frontDoor.none")}</p>
        )}
        <p>
          <AppLink to="/register">{t("frontDoor.register")}</AppLink>
        </p>
      </section>
    </>
  );
}

function PublicBodyHome() {
  const { t } = useTranslation();
  const root = useRootData();
  const publicBody = root?.publicBody?.name ?? "";
  const steps = t("home.steps", { returnObjects: true }) as string[];
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead", { publicBody })}</p>
      </section>
      <div className="cards">
        <CallToAction id="for-orgs" className="card" title={t("home.orgTitle")} body={t("home.orgBody")}>
          {root?.user ? (
            <AppLink className="button" to="/organisation">
              {t("home.orgContinue")}
            </AppLink>
          ) : (
            <>
              <AppLink className="button" to="/registrera">
                {t("home.orgStart")}
              </AppLink>{" "}
              {/* Those who already have an account sign in here too, not only staff. */}
              <AppLink className="button button--secondary" to="/logga-in">
                {t("home.orgLogin")}
              </AppLink>
            </>
          )}
        </CallToAction>
        <CallToAction id="for-staff" className="card" title={t("home.staffTitle")} body={t("home.staffBody")}>
          <AppLink className="button button--secondary" to="/logga-in">
            {t("home.staffStart")}
          </AppLink>
        </CallToAction>
        <CallToAction id="for-all" className="card" title={t("home.publicTitle")} body={t("home.publicBody")}>
          <AppLink className="button button--secondary" to="/om-iop">
            {t("home.publicStart")}
          </AppLink>
        </CallToAction>
      </div>
      <div className="columns">
        <section aria-labelledby="what-iop">
          <h2 id="what-iop">{t("home.whatTitle")}</h2>
          <p>{t("home.what")}</p>
          <h2>{t("home.oneWayTitle")}</h2>
          <p>{t("home.oneWay")}</p>
        </section>
        <section aria-labelledby="steps">
          <h2 id="steps">{t("home.stepsTitle")}</h2>
          <ol className="steps">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
