import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { MAX_FILE_BYTES } from "./documents.server";

/**
 * Reads a form that may carry one file. Files over the limit are stopped while streaming
 * (nothing is stored) and reported as `tooLarge` instead of a 500.
 */
export async function readUploadForm(request: Request): Promise<{ formData: FormData; tooLarge: boolean }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return { formData: await request.formData(), tooLarge: false };
  try {
    const formData = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES + 1 }),
    );
    return { formData, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: true };
    throw error;
  }
}
