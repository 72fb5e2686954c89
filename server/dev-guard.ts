import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RequestHandler } from "express";

/**
 * In development Vite serves any file under the project root (database files in `.data/`,
 * `server/`, `?raw` source of server modules). The browser needs only the client modules in
 * `app/`, packages from `node_modules/` and Vite's own paths; everything else that names a
 * file on disk answers 404 before Vite sees it.
 */
export function devFileGuard(root = process.cwd()): RequestHandler {
  const base = resolve(root);
  return (req, res, next) => {
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (isAllowed(path, req.originalUrl, base)) return next();
    res.status(404).type("text/plain; charset=utf-8").send("Sidan finns inte.");
  };
}

export function isAllowed(path: string, url: string, base: string) {
  if (path.includes("/..")) return false;
  const inPackages = path.includes("/node_modules/");
  if (path.startsWith("/node_modules/")) return true; // packages, and Vite's pre-bundled .vite/deps
  if (/(^|\/)\./.test(path)) return false; // .data, .git, .env
  if (path.startsWith("/@fs/")) return inPackages && !path.includes(".server.");
  if (/[?&]raw\b/.test(url) && !inPackages) return false;
  if (path.includes(".server.")) return false;
  if (path.startsWith("/app/") || path.startsWith("/@")) return true;
  if (path === "/models/constants.ts") return true; // choice lists shared with the forms
  // Any other path that is a file or folder of the project is not for the browser.
  const onDisk = join(base, path);
  return !onDisk.startsWith(base) || !existsSync(onDisk) || path === "/";
}
