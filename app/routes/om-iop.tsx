import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { TextPage } from "~/components/text-page";
import { parsePageText } from "~/content/page-texts";
import { requestContext } from "~/http/request.server";
import { pageMeta } from "~/http/meta";
import { pageText } from "~/domain/public-body/page-texts.server";
import { htmlOnly } from "~/components/page-handle";

export const meta = pageMeta("about.title", "about.description");
export const handle = htmlOnly;

/** How IOP works here, the local agreement (administrators edit both), the office and the open data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody, lang } = await requestContext(request);
  const text = await pageText(publicBody._id, "aboutIop", lang);
  return {
    body: text.body,
    office: {
      name: `${publicBody.officeName}, ${publicBody.name}`,
      email: publicBody.officeEmail,
      phone: publicBody.officePhone,
      address: publicBody.officeAddress,
    },
  };
}

export default function AboutIop() {
  const { body, office } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <TextPage sections={parsePageText(body)} />
      <section aria-labelledby="open-data-heading" className="prose">
        <h2 id="open-data-heading">{t("about.openData")}</h2>
        <ul>
          <li>
            <AppLink to="/register">{t("register.title")}</AppLink>
          </li>
          <li>
            <a href="/oppna-data/avtal.csv">{t("about.csv")}</a>
          </li>
          <li>
            <a href="/oppna-data/avtal.json">{t("about.json")}</a>
          </li>
          <li>
            <a href="/oppna-data/katalog.jsonld">{t("about.catalog")}</a>
          </li>
        </ul>
        <p>{t("about.licence")}</p>
      </section>
      <section aria-labelledby="contact-heading" className="panel">
        <h2 id="contact-heading">{t("about.contact")}</h2>
        <p>
          <strong>{office.name}</strong>
          <br />
          <a href={`mailto:${office.email}`}>{office.email}</a>
          {office.phone ? (
            <>
              <br />
              <a href={`tel:${office.phone.replace(/[^+\d]/g, "")}`}>{office.phone}</a>
            </>
          ) : null}
          {office.address ? (
            <>
              <br />
              {office.address}
            </>
          ) : null}
        </p>
      </section>
    </>
  );
}
