import type { LoaderFunctionArgs } from "@remix-run/node";
import { cachedFile } from "~/http/cache.server";
import { requestContext } from "~/http/request.server";
import { catalog } from "~/domain/transparency/open-data.server";

/** The DCAT-AP-SE description of the open data, for Sweden's data portal to harvest. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody } = await requestContext(request);
  const { body, modified } = await catalog(publicBody);
  return cachedFile(request, body, "application/ld+json; charset=utf-8", modified);
}
