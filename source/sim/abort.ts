// Abort handling shaped like the SDK's Node handler: an Error named AbortError, with the signal's
// reason as cause, and support for both the platform AbortSignal and the SDK's deprecated shape.
import type { AbortSignal as SdkAbortSignal } from "@smithy/types";

export type AnyAbortSignal = AbortSignal | SdkAbortSignal;

export function abortError(signal: AnyAbortSignal): Error {
  const reason: unknown = "reason" in signal ? signal.reason : undefined;
  const error = new Error(
    // Any reason a caller gave, as the SDK's own handler words it.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- String() of any value is the point
    reason !== undefined && !(reason instanceof Error) ? String(reason) : "Request aborted",
  );
  error.name = "AbortError";
  if (reason instanceof Error) error.cause = reason;
  return error;
}

export function throwIfAborted(signal: AnyAbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Resolves after `ms`, or rejects with an AbortError as soon as the signal fires. */
export function delay(ms: number, signal: AnyAbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  return new Promise<void>((resolve, reject) => {
    let detach = (): void => {};
    const timer = setTimeout(() => {
      detach();
      resolve();
    }, ms);
    if (signal === undefined) return;
    const onAbort = (): void => {
      clearTimeout(timer);
      detach();
      reject(abortError(signal));
    };
    if ("addEventListener" in signal && typeof signal.addEventListener === "function") {
      const platform = signal;
      platform.addEventListener("abort", onAbort, { once: true });
      detach = () => platform.removeEventListener("abort", onAbort);
    } else {
      const legacy = signal;
      const previous = legacy.onabort;
      legacy.onabort = onAbort;
      detach = () => {
        legacy.onabort = previous;
      };
    }
  });
}

/** Calls `listener` once when the signal fires; returns a function that stops listening. */
export function onAbort(signal: AnyAbortSignal, listener: () => void): () => void {
  if ("addEventListener" in signal && typeof signal.addEventListener === "function") {
    const platform = signal;
    platform.addEventListener("abort", listener, { once: true });
    return () => platform.removeEventListener("abort", listener);
  }
  const legacy = signal;
  const previous = legacy.onabort;
  legacy.onabort = listener;
  return () => {
    legacy.onabort = previous;
  };
}
