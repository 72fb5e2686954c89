import { createRequire } from "node:module";
import path from "node:path";
import { cruise, type IConfiguration, type IViolation } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

// The domain's modules depend on each other in one direction (decision 027): the rules in
// .dependency-cruiser.cjs, which `npm run lint` runs too, hold for the code and catch a breach.
const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(["app"], {
    baseDir,
    validate: true,
    ruleSet: config,
    ...config.options,
    tsConfig: { fileName: path.resolve("tsconfig.json") },
  });
  if (typeof result.output === "string") throw new Error(result.output);
  return result.output.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe("module layers", () => {
  it("the app's modules import only downwards and form no cycle", async () => {
    expect(await violations(process.cwd())).toEqual([]);
  }, 60_000);

  it("an upward import and the cycle it makes are refused", async () => {
    const found = await violations(path.resolve("tests/fixtures/layers"));
    expect(found).toEqual([
      "layer-kernel: app/domain/kernel/clock.ts → app/domain/cases/cases.ts",
      "no-circular: app/domain/cases/cases.ts → app/domain/kernel/clock.ts",
      "no-circular-at-runtime: app/domain/cases/cases.ts → app/domain/kernel/clock.ts",
    ]);
  }, 60_000);
});
