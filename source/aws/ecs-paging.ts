// How EcsGateway reads: every List call paged to the end and every Describe call batched at the
// API's limit, each call under the RequestBudget so that the account's token buckets are respected.
// A throttled call tells the budget, which slows that operation down.
import type { Failure } from "@aws-sdk/client-ecs";
import { chunk } from "./chunk.js";
import { classifyError, fail, ok, type Result } from "./failure.js";
import type { RequestBudget } from "./request-budget.js";

/** maxResults of every List call: the most ECS returns. */
export const PAGE_SIZE = 100;

/** Follows nextToken to the last page, one budgeted call at a time. */
export async function listAll(
  budget: RequestBudget,
  operation: string,
  page: (nextToken: string | undefined) => Promise<{ arns: string[]; nextToken?: string }>,
): Promise<Result<string[]>> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const token = nextToken;
      const out = await budget.run(operation, () => page(token));
      arns.push(...out.arns);
      nextToken = out.nextToken;
    } while (nextToken);
    return ok(arns);
  } catch (error) {
    return readFailure(budget, operation, error);
  }
}

/** Describes `arns` in batches of `limit`, concurrently under the budget; onBatch sees each as it lands. */
export async function describeAll<T>(
  budget: RequestBudget,
  arns: string[],
  limit: number,
  operation: string,
  describe: (batch: string[]) => Promise<{ items: T[]; failures?: Failure[] }>,
  onBatch?: (items: T[]) => void,
): Promise<Result<T[]>> {
  if (arns.length === 0) return ok([]);
  try {
    const batches = await Promise.all(
      chunk(arns, limit).map(async (batch) => {
        const out = await budget.run(operation, () => describe(batch));
        onBatch?.(out.items);
        return out.items;
      }),
    );
    return ok(batches.flat());
  } catch (error) {
    return readFailure(budget, operation, error);
  }
}

/** The failure of a read; a throttled one also slows the budget down for that operation. */
export function readFailure<T>(budget: RequestBudget, operation: string, error: unknown): Result<T> {
  const failure = classifyError(operation, error);
  if (failure.kind === "throttled") budget.throttled(operation);
  return fail(failure);
}
