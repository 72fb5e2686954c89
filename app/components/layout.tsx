import type { ReactNode } from "react";
import { Form, useLocation } from "@remix-run/react";
import { AppLink, AppNavLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { useRootData } from "./root-data";

export function SiteHeader() {
  const { t } = useTranslation();
  const root = useRootData();
  const location = useLocation();
  const user = root?.user;
  const here = location.pathname + location.search;
  return (
    <>
      <a href="#innehall" className="skip-link">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <AppLink to={user ? "/mina-sidor" : "/"} className="brand">
            <span className="brand__name">{t("app.name")}</span>
            {root?.publicBody ? <span className="brand__body">{root.publicBody.name}</span> : null}
          </AppLink>
          <Form method="post" action="/sprak" className="lang-switch" reloadDocument>
            <input type="hidden" name="lang" value={root?.lang === "en" ? "sv" : "en"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={root?.lang === "en" ? "sv" : "en"}>
              {t("nav.language")}
            </button>
          </Form>
        </div>
        {/* Two renderings of one menu: inline on wide screens, folded behind a native disclosure
            button on narrow ones (works without JavaScript; the hidden one is display: none). */}
        <nav aria-label={t("nav.main")} className="site-nav site-nav--wide">
          <NavItems />
        </nav>
        <details className="site-nav site-nav--narrow">
          <summary className="site-nav__toggle">{t("nav.menu")}</summary>
          <nav aria-label={t("nav.main")}>
            <NavItems />
          </nav>
        </details>
        {user ? <p className="signed-in">{t("nav.signedInAs", { name: user.name })}</p> : null}
      </header>
    </>
  );
}

/** The links this person can use, and nothing else. */
function NavItems() {
  const { t } = useTranslation();
  const root = useRootData();
  const user = root?.user;
  const logout = (
    <Form method="post" action="/logga-ut">
      <button type="submit" className="link-button">
        {t("nav.logout")}
      </button>
    </Form>
  );
  // The front door has no body's pages to link to (decision 028).
  const home = (
    <li>
      <AppNavLink to="/" end>
        {t("nav.home")}
      </AppNavLink>
    </li>
  );
  const register = (
    <li>
      <AppNavLink to="/register">{t("nav.agreementRegister")}</AppNavLink>
    </li>
  );
  if (root?.frontDoor) {
    return (
      <ul>
        {home}
        {register}
        <li>
          <AppNavLink to="/statistik">{t("nav.statistics")}</AppNavLink>
        </li>
        {/* Only the installation's administrators sign in here (decision 031). */}
        {user?.installationAdmin ? (
          <>
            <li className="site-nav__push">
              <AppNavLink to="/drift">{t("nav.console")}</AppNavLink>
            </li>
            <li>{logout}</li>
          </>
        ) : null}
      </ul>
    );
  }
  if (!user) {
    return (
      <ul>
        {home}
        {register}
        <li>
          <AppNavLink to="/om-iop">{t("nav.aboutIop")}</AppNavLink>
        </li>
        <li className="site-nav__push">
          <AppNavLink to="/logga-in">{t("nav.login")}</AppNavLink>
        </li>
        <li>
          <AppNavLink to="/registrera">{t("nav.register")}</AppNavLink>
        </li>
        {root?.dev ? (
          <li>
            <AppNavLink to="/dev/mail">{t("nav.devMail")}</AppNavLink>
          </li>
        ) : null}
      </ul>
    );
  }
  return (
    <ul>
      <li>
        <AppNavLink to="/mina-sidor">{t("nav.myPages")}</AppNavLink>
      </li>
      {user.hasOrganisations ? (
        <li>
          <AppNavLink to="/forslag">{t("nav.proposals")}</AppNavLink>
        </li>
      ) : null}
      {user.inbox ? (
        <li>
          <AppNavLink to="/handlaggning">{t("nav.handling")}</AppNavLink>
        </li>
      ) : null}
      {user.staff ? (
        <li>
          <AppNavLink to="/oversikt">{t("nav.overview")}</AppNavLink>
        </li>
      ) : null}
      <li>
        <AppNavLink to="/organisation">
          {user.staff ? t("nav.organisationRegister") : t("nav.organisations")}
        </AppNavLink>
      </li>
      {user.admin ? (
        <li>
          <AppNavLink to="/admin">{t("nav.admin")}</AppNavLink>
        </li>
      ) : null}
      {user.installationAdmin ? (
        <li>
          <AppNavLink to="/drift">{t("nav.console")}</AppNavLink>
        </li>
      ) : null}
      {register}
      <li>
        <AppNavLink to="/om-iop">{t("nav.aboutIop")}</AppNavLink>
      </li>
      <li className="site-nav__push">
        <AppNavLink to="/konto">{t("nav.account")}</AppNavLink>
      </li>
      <li>{logout}</li>
      {root?.dev ? (
        <li>
          <AppNavLink to="/dev/mail">{t("nav.devMail")}</AppNavLink>
        </li>
      ) : null}
    </ul>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  const root = useRootData();
  const body = root?.publicBody;
  // The front door is nobody's office, and a body's pages are at the body's address.
  if (root?.frontDoor) {
    return (
      <footer className="site-footer">
        <div className="site-footer__inner">
          <section aria-labelledby="footer-about">
            <h2 id="footer-about">{t("app.name")}</h2>
            <p>{t("frontDoor.about")}</p>
          </section>
        </div>
      </footer>
    );
  }
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">{t("footer.contactHeading")}</h2>
          {body ? (
            <address>
              <strong>{body.officeName}</strong>
              <br />
              {body.name}
              <br />
              {body.officeAddress ? (
                <>
                  {body.officeAddress}
                  <br />
                </>
              ) : null}
              <a href={`mailto:${body.officeEmail}`}>{body.officeEmail}</a>
              {body.officePhone ? (
                <>
                  <br />
                  <a href={`tel:${body.officePhone.replace(/[^+\d]/g, "")}`}>{body.officePhone}</a>
                </>
              ) : null}
            </address>
          ) : null}
        </section>
        <section aria-labelledby="footer-about">
          <h2 id="footer-about">{t("app.name")}</h2>
          <p>{body ? t("footer.about", { publicBody: body.name }) : t("footer.aboutGeneric")}</p>
          <ul className="plain-list">
            <li>
              <AppLink to="/om-iop">{t("footer.aboutIop")}</AppLink>
            </li>
            <li>
              <AppLink to="/register">{t("register.title")}</AppLink>
            </li>
            <li>
              <AppLink to="/tillganglighet">{t("footer.accessibility")}</AppLink>
            </li>
            <li>
              <AppLink to="/integritet">{t("privacy.link")}</AppLink>
            </li>
          </ul>
        </section>
      </div>
    </footer>
  );
}

export function Toast() {
  const { t } = useTranslation();
  const toast = useRootData()?.toast;
  if (!toast) return null;
  return (
    <div className="toast" role="status">
      {String(t(toast))}
    </div>
  );
}

export function PageHeading({ children, lead }: { children: React.ReactNode; lead?: React.ReactNode }) {
  return (
    <div className="page-heading">
      <h1>{children}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}

/**
 * A secondary form folded away until needed (native <details>, so it works without
 * JavaScript); it opens by itself when its last submission came back with errors.
 */
export function CollapsiblePanel({
  title,
  open,
  children,
}: {
  title: string;
  open: boolean;
  children: React.ReactNode;
}) {
  return (
    <details className="panel" open={open}>
      <summary className="panel__summary">{title}</summary>
      {children}
    </details>
  );
}

/** The page frame: skip link target, header, main with the toast, footer. */
export function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="innehall" tabIndex={-1} className="page">
        <Toast />
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
