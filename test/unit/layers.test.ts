// The layers of source/ are enforced by eslint.config.js: these lint one-line files that import
// across a boundary (and some that may) to show that each rule fires where it should, and only there.
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const IMPORT = "no-restricted-imports";
const DYNAMIC = "no-restricted-syntax";

// The probes are not on disk, so the type-checked rules (which need the files in the project) are
// off here; the boundary rules read only the import statements.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath: file });
  const rules = (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
  return rules.filter(
    (rule) => rule === IMPORT || rule === DYNAMIC || !rule.startsWith("@typescript-eslint/"),
  );
}

describe("layer boundaries", () => {
  it.each([
    ["source/ui/probe.tsx", 'import "@aws-sdk/client-ecs";', IMPORT],
    ["source/ui/probe.tsx", 'export type { EcsGateway } from "../aws/ecs-gateway.js";', IMPORT],
    ["source/ui/describe/probe.tsx", 'import "../../aws/ecs-gateway.js";', IMPORT],
    ["source/ui/probe.tsx", 'import "../sim/index.js";', IMPORT],
    ["source/state/probe.ts", 'import "../ui/theme.js";', IMPORT],
    ["source/features/logs/probe.ts", 'import "../../ui/theme.js";', IMPORT],
    ["source/kinds/probe.ts", 'export { theme } from "../ui/theme.js";', IMPORT],
    ["source/core/probe.ts", 'import "../ui/theme.js";', IMPORT],
    ["source/sim/ecs/probe.ts", 'import "../../ui/theme.js";', IMPORT],
    ["source/aws/probe.ts", 'import "../kinds/format.js";', IMPORT],
    ["source/aws/probe.ts", 'import "../state/row-filter.js";', IMPORT],
    ["source/core/probe.ts", 'import "../aws/chunk.js";', IMPORT],
    ["source/core/probe.ts", 'import "@aws-sdk/client-ecs";', IMPORT],
    ["source/kinds/probe.ts", 'import "../state/row-filter.js";', IMPORT],
    ["source/kinds/probe.ts", 'import "../features/logs/log-buffer.js";', IMPORT],
    ["source/kinds/probe.ts", 'import "../input/table-keys.js";', IMPORT],
    ["source/state/probe.ts", 'import "../input/table-keys.js";', IMPORT],
    ["source/features/exec/probe.ts", 'import "../../sim/index.js";', IMPORT],
    ["source/app/probe.ts", 'import "../sim/index.js";', IMPORT],
    ["source/kinds/probe.ts", 'await import("../sim/index.js");', DYNAMIC],
    ["source/app/tui.tsx", 'await import("../sim/index.js");', DYNAMIC],
    ["source/settings/settings.ts", 'import "../sim/index.js";', IMPORT],
    ["source/settings/probe.ts", 'import "../ui/theme.js";', IMPORT],
    // app/ is the top layer: nothing below it imports it.
    ["source/state/probe.ts", 'import type { Options } from "../app/options.js";', IMPORT],
    ["source/features/exec/probe.ts", 'import "../../app/open-account.js";', IMPORT],
    ["source/ui/probe.tsx", 'import "../app/tui.js";', IMPORT],
    ["source/sim/session-plugin/probe.ts", 'import "../../app/options.js";', IMPORT],
  ])("%s may not %s", async (file, code, rule) => {
    expect(await rulesBroken(file, code)).toEqual([rule]);
  });

  it.each([
    ["source/ui/probe.tsx", 'import "../state/row-filter.js";'],
    ["source/ui/probe.tsx", 'import "../features/logs/log-buffer.js";'],
    ["source/ui/describe/probe.tsx", 'import "../../kinds/format.js";'],
    ["source/ui/describe/probe.tsx", 'import "../table.js";'],
    ["source/app/probe.tsx", 'import "../ui/app.js";'],
    ["source/aws/probe.ts", 'import "../core/arn.js";'],
    ["source/aws/probe.ts", 'import "@aws-sdk/client-ecs";'],
    ["source/kinds/probe.ts", 'import "../aws/ecs-gateway.js";'],
    ["source/state/probe.ts", 'import "../features/logs/log-buffer.js";'],
    ["source/sim/ecs/probe.ts", 'import "../index.js";'],
    ["source/app/cli.ts", 'await import("../sim/index.js");'],
    ["source/app/open-account.ts", 'await import("../sim/index.js");'],
    ["test/unit/probe.test.ts", 'import "../../source/sim/index.js";\nimport "../../source/ui/theme.js";'],
  ])("%s may %s", async (file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});
