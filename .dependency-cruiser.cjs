// The domain's modules depend on each other in one direction only (docs/architecture.md,
// "Module layers"; decision 027). Each layer may import the layers below it, never one above
// it or a sibling in its own layer; no file takes part in a cycle. `npm run lint` runs this.
const LAYERS = [
  ["kernel"],
  ["lifecycle", "directory", "records"],
  ["notifications"],
  ["public-body"],
  ["identity"],
  ["access"],
  ["statistics"],
  ["cases"],
  ["organisations"],
  ["agreements"],
  ["casework"],
  ["start", "transparency", "demo", "runtime", "installation"],
];

const folder = (name) => `^app/domain/${name}/`;
const layerRules = LAYERS.flatMap((layer, i) =>
  layer.map((name) => {
    const allowed = [name, ...LAYERS.slice(0, i).flat()];
    return {
      name: `layer-${name}`,
      comment: `${name} may import only ${allowed.join(", ")} among the domain's modules.`,
      severity: "error",
      from: { path: folder(name) },
      to: { path: "^app/domain/([^/]+)/", pathNot: allowed.map(folder) },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle ties modules together so that none can change alone.",
      severity: "error",
      from: { path: "^app/domain/" },
      to: { circular: true },
    },
    {
      // Outside the domain a type-only cycle is allowed: components type the root loader's data
      // (root-data.ts), and a type import runs nothing.
      name: "no-circular-at-runtime",
      comment: "A cycle of imports that run ties modules together so that none can change alone.",
      severity: "error",
      from: { path: "^app/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "layer-unknown",
      comment: "Every domain module has a place in LAYERS (.dependency-cruiser.cjs).",
      severity: "error",
      from: { path: "^app/domain/", pathNot: LAYERS.flat().map(folder) },
      to: {},
    },
    {
      name: "domain-not-web",
      comment: "The domain does not import the web layer (app/http, routes, components).",
      severity: "error",
      from: { path: "^app/domain/" },
      to: { path: "^app/(http|routes|components)/" },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: "^app/(build|.*\\.d\\.ts$)" },
  },
};
