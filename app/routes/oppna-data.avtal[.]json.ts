import type { LoaderFunctionArgs } from "@remix-run/node";
import { cachedFile } from "~/http/cache.server";
import { requestContext } from "~/http/request.server";
import { agreementsJson } from "~/domain/transparency/open-data.server";

/** The register as JSON: an array of records (fields in docs/transparency.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody } = await requestContext(request);
  const { body, modified, etag } = await agreementsJson(publicBody);
  return cachedFile(request, body, "application/json; charset=utf-8", modified, etag);
}
