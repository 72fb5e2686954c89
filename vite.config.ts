import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  // Vite's own file serving is kept to the client's sources (server/dev-guard.ts checks the rest).
  server: {
    port: 3000,
    host: "127.0.0.1",
    fs: {
      strict: true,
      allow: ["app", "models/constants.ts", "node_modules"],
      deny: [".data/**", ".env*", "*.sqlite*"],
    },
  },
  // @node-rs/argon2 is native: Vite must not try to pre-bundle it for the browser (TRAPS.md).
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  build: { target: "es2022" },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
        unstable_optimizeDeps: true,
      },
    }),
    tsconfigPaths(),
  ],
});
