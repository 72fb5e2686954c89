import { hostKind } from "../domain/public-body/public-body.server";
import { agreementsFile, nationalAgreementsFile } from "../domain/transparency/open-data.server";
import { cachedFile } from "./cache.server";
import { requestContext } from "./request.server";

const TYPES = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

/**
 * The register as open data: the body's agreements at its host, every body's at the front
 * door (decision 028). Cached by ETag and Last-Modified, readable from any origin.
 */
export async function openDataFile(request: Request, format: "csv" | "json") {
  const file =
    (await hostKind()) === "frontDoor"
      ? await nationalAgreementsFile(format)
      : await agreementsFile((await requestContext(request)).publicBody, format);
  return cachedFile(request, file.body, TYPES[format], file.modified, file.etag);
}
