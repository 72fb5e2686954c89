// Small real files for upload tests, recognised by their magic bytes.
export const pdfBytes = () =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );

/** A Linux ELF executable header: what a renamed program looks like to a content check. */
export const elfBytes = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);

/** A Windows executable (MZ header). */
export const exeBytes = () => Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);

export function uploadForm(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file)
    fd.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return fd;
}
