import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { MAX_FILE_BYTES, sniffFile, type UploadedFile } from "../domain/records/documents.server";
import { checkFieldNames, readForm, refuseRequest, requireFormBody } from "./forms.server";

/**
 * Reads a form that may carry one file. Files over the limit are stopped while streaming
 * (nothing is stored) and reported as `tooLarge` instead of a 500.
 */
export async function readUploadForm(request: Request): Promise<{ formData: FormData; tooLarge: boolean }> {
  if (requireFormBody(request) === "urlencoded") return { formData: await readForm(request), tooLarge: false };
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES + 1 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: true };
    throw refuseRequest(400);
  }
  return { formData: checkFieldNames(formData), tooLarge: false };
}

/** The form's `file`, checked by size and content; or the locale key of what is wrong. */
export async function uploadedFile(formData: FormData, tooLarge: boolean): Promise<UploadedFile | { error: string }> {
  if (tooLarge) return { error: "errors.file.tooLarge" };
  const file = formData.get("file");
  if (!(file instanceof Blob)) return { error: "errors.file.missing" };
  if (file.size === 0) return { error: "errors.file.empty" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await sniffFile(bytes);
  if (typeof type === "string") return { error: `errors.file.${type}` };
  return { bytes, type, name: file instanceof File ? file.name : "dokument" };
}

/** An optional file: none chosen (an empty file input) is not an error. */
export async function optionalUploadedFile(formData: FormData, tooLarge: boolean) {
  const file = formData.get("file");
  if (!tooLarge && (!(file instanceof Blob) || (file.size === 0 && !(file instanceof File && file.name)))) return null;
  return uploadedFile(formData, tooLarge);
}
