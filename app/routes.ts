import { flatRoutes } from "@remix-run/fs-routes";
import { layout, type RouteConfig } from "@remix-run/route-config";

// Every page sits inside one layout route (app/shell.tsx) whose error boundary renders the
// error pages. The root loader runs above that boundary, so error pages keep the user,
// their navigation and the public body's name (docs/architecture.md).
export default flatRoutes().then((routes) => [layout("shell.tsx", routes)]) satisfies RouteConfig;
