// A view's LoadContext for tests: a first load (nothing previous, nothing on screen, not forced)
// at `now`, with whatever the test sets in `extra` (previous rows, ECR or ELB gateways, forced…).
import type { EcsGateway } from "../../source/aws/ecs-gateway.js";
import type { LoadContext, Scope } from "../../source/kinds/types.js";

export function loadContext<Row>(
  gateway: EcsGateway,
  scope: Scope,
  extra: Partial<LoadContext<Row>> = {},
): LoadContext<Row> {
  return {
    gateway,
    scope,
    now: Date.now(),
    previous: undefined,
    visibleKeys: () => new Set(),
    forced: false,
    memo: {},
    publish: () => {},
    ...extra,
  };
}
