import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataFile } from "~/http/open-data.server";

/** The register as CSV (UTF-8, header row; fields in docs/transparency.md). */
export const loader = ({ request }: LoaderFunctionArgs) => openDataFile(request, "csv");
