// Mutations go out exactly once, whichever gateway sends them (ECS, Application Auto Scaling, SSM).
import type { MetadataBearer, MiddlewareStack } from "@smithy/types";

/**
 * Makes a command go out once: its own pass-through replaces the client's retry middleware for
 * this command only. A retried mutation after a timeout could apply twice, and a throttled one
 * should reach the user, who can decide to try again.
 */
export function singleAttempt<Input extends object, Output extends MetadataBearer>(command: {
  middlewareStack: MiddlewareStack<Input, Output>;
}): void {
  command.middlewareStack.add((next) => next, {
    name: "retryMiddleware",
    tags: ["RETRY"],
    step: "finalizeRequest",
    priority: "high",
    override: true,
  });
}
