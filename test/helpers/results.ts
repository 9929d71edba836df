// A gateway's Result in a test: the value or the failure, or the test fails saying what came instead.
import type { AwsFailure, Result } from "../../source/aws/failure.js";

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

export function failureOf<T>(result: Result<T>): AwsFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.failure;
}
