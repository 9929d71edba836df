// Local ports for port forwards. The plugin binds the port itself, so these only check that it can:
// a port that is free now is suggested, and a taken one is refused with a reason before any
// session is started.
import { createServer } from "node:net";

export type PortCheck = { ok: true; port: number } | { ok: false; message: string };

const HOST = "127.0.0.1";

/** The preferred port when it is free on 127.0.0.1, else a free ephemeral one. */
export async function suggestLocalPort(preferred?: number): Promise<number> {
  if (preferred !== undefined && isPortNumber(preferred)) {
    const taken = await tryListen(preferred);
    if (taken === undefined) return preferred;
  }
  return freeEphemeralPort();
}

/** Syntax only: a whole number in 1-65535. */
export function parsePort(text: string): PortCheck {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: "port must be a number, 1-65535" };
  const port = Number(trimmed);
  if (!isPortNumber(port)) return { ok: false, message: "port must be 1-65535" };
  return { ok: true, port };
}

/** A local port the user typed: well formed and free to bind on this machine. */
export async function validatePort(text: string): Promise<PortCheck> {
  const parsed = parsePort(text);
  if (!parsed.ok) return parsed;
  const taken = await tryListen(parsed.port);
  if (taken === undefined) return parsed;
  if (taken === "EADDRINUSE") {
    return { ok: false, message: `port ${parsed.port} is already in use on this machine` };
  }
  if (taken === "EACCES") {
    return {
      ok: false,
      message: `port ${parsed.port} needs administrator rights on this machine; pick one above 1023`,
    };
  }
  return { ok: false, message: `port ${parsed.port} cannot be used on this machine (${taken})` };
}

function isPortNumber(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * Probes in flight, by port. Two checks of one port at once (the prompt checks as the user types
 * and again on enter) share a probe: otherwise the second finds the port bound by the first.
 */
const probes = new Map<number, Promise<string | undefined>>();

/** undefined when the port could be bound (and was released again), else the error code. */
function tryListen(port: number): Promise<string | undefined> {
  const running = probes.get(port);
  if (running) return running;
  const probe = new Promise<string | undefined>((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ port, host: HOST, exclusive: true }, () => {
      server.close(() => resolve(undefined));
    });
  }).finally(() => probes.delete(port));
  probes.set(port, probe);
  return probe;
}

function freeEphemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
