// The operations of a simulated service as the request handler calls them: each first brings the
// world up to the simulated clock's now, so that every answer sees the same moment in time.
import type { World } from "./ecs/world.js";
import type { JsonObject } from "./protocol.js";
import type { Operation } from "./request-handler.js";

export type WorldOperation = (world: World, input: JsonObject) => unknown;

export function worldOperations(
  world: World,
  now: () => number,
  all: Readonly<Record<string, WorldOperation>>,
): Record<string, Operation> {
  return Object.fromEntries(
    Object.entries(all).map(([name, operation]): [string, Operation] => [
      name,
      (input) => {
        world.advance(now());
        return operation(world, input);
      },
    ]),
  );
}
