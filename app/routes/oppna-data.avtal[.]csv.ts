import type { LoaderFunctionArgs } from "@remix-run/node";
import { cachedFile } from "~/http/cache.server";
import { requestContext } from "~/http/request.server";
import { agreementsCsv } from "~/domain/transparency/open-data.server";

/** The register as CSV (UTF-8, header row; fields in docs/transparency.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody } = await requestContext(request);
  const { body, modified, etag } = await agreementsCsv(publicBody);
  return cachedFile(request, body, "text/csv; charset=utf-8", modified, etag);
}
