import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TextPage } from "~/components/text-page";
import { parsePageText } from "~/content/page-texts";
import { requestContext } from "~/http/request.server";
import { pageMeta } from "~/http/meta";
import { pageText } from "~/domain/public-body/page-texts.server";
import { htmlOnly } from "~/components/page-handle";

export const meta = pageMeta("privacy.title", "privacy.description");
export const handle = htmlOnly;

/** The privacy notice (controller, purposes, legal basis, retention, rights, DPO). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody, lang } = await requestContext(request);
  return pageText(publicBody._id, "privacy", lang);
}

export default function Privacy() {
  return <TextPage sections={parsePageText(useLoaderData<typeof loader>().body)} />;
}
