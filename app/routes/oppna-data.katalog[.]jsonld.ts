import type { LoaderFunctionArgs } from "@remix-run/node";
import { cachedFile } from "~/http/cache.server";
import { requestContext } from "~/http/request.server";
import { hostKind } from "~/domain/public-body/public-body.server";
import { catalog, nationalCatalog } from "~/domain/transparency/open-data.server";

/**
 * The DCAT-AP-SE description of the open data, for Sweden's data portal to harvest: a body's
 * dataset at its address; at the front door the national one and every body's (decision 028).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { body, modified } =
    (await hostKind()) === "frontDoor"
      ? await nationalCatalog()
      : await catalog((await requestContext(request)).publicBody);
  return cachedFile(request, body, "application/ld+json; charset=utf-8", modified);
}
