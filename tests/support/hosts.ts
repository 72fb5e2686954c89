import { request as httpRequest } from "node:http";

// Requests to the test server under a host of the installation (decision 028): fetch does not
// let a Host header through, so these go through node:http.

export interface HostResponse {
  status: number;
  body: string;
  location?: string;
  cookie?: string;
  /** Every Set-Cookie header. */
  setCookies: string[];
}

/** A request to the server at `port` as if sent to `host`. */
export function sendTo(
  port: string,
  method: "GET" | "POST",
  path: string,
  host: string,
  options: { cookie?: string; form?: Record<string, string> } = {},
): Promise<HostResponse> {
  const form = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { Host: `${host}:${port}` };
  if (options.cookie) headers.Cookie = options.cookie;
  if (form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers.Origin = `http://${host}:${port}`;
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (chunk: string) => (body += chunk));
      const session = res.headers["set-cookie"]?.find((c) => c.startsWith("__session="));
      res.on("end", () => {
        // Text as UTF-8; a PDF's bytes stay as they are (latin1 keeps one char per byte).
        const binary = !/^text\/|json|csv/.test(String(res.headers["content-type"] ?? "text/"));
        const text = binary ? body : Buffer.from(body, "latin1").toString("utf8");
        resolve({
          status: res.statusCode ?? 0,
          body: text.replaceAll("<!-- -->", ""),
          ...(res.headers.location ? { location: res.headers.location } : {}),
          ...(session ? { cookie: session } : {}),
          setCookies: res.headers["set-cookie"] ?? [],
        });
      });
    });
    req.on("error", reject);
    req.end(form);
  });
}
