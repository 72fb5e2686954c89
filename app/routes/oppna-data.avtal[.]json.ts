import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataFile } from "~/http/open-data.server";

/** The register as JSON: an array of records (fields in docs/transparency.md). */
export const loader = ({ request }: LoaderFunctionArgs) => openDataFile(request, "json");
