import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parsePort, suggestLocalPort, validatePort } from "../../../../source/features/exec/port-forwards.js";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function listen(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once("error", reject);
    server.listen({ port, host: "127.0.0.1" }, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const port = await listen();
  servers.pop()?.close();
  await new Promise((r) => setTimeout(r, 10));
  return port;
}

describe("parsePort", () => {
  it("accepts 1-65535 and says why anything else is refused", () => {
    expect(parsePort(" 8080 ")).toEqual({ ok: true, port: 8080 });
    expect(parsePort("1")).toEqual({ ok: true, port: 1 });
    expect(parsePort("65535")).toEqual({ ok: true, port: 65535 });
    expect(parsePort("0")).toEqual({ ok: false, message: "port must be 1-65535" });
    expect(parsePort("65536")).toEqual({ ok: false, message: "port must be 1-65535" });
    expect(parsePort("")).toEqual({ ok: false, message: "port must be a number, 1-65535" });
    expect(parsePort("80a")).toEqual({ ok: false, message: "port must be a number, 1-65535" });
    expect(parsePort("-1")).toEqual({ ok: false, message: "port must be a number, 1-65535" });
    expect(parsePort("8.5")).toEqual({ ok: false, message: "port must be a number, 1-65535" });
  });
});

describe("validatePort", () => {
  it("accepts a free port", async () => {
    const port = await freePort();
    expect(await validatePort(String(port))).toEqual({ ok: true, port });
  });

  it("two checks of one free port at once both find it free", async () => {
    // The prompt checks as the user types and again on enter: the checks must not see each other.
    const port = await freePort();
    const checks = await Promise.all([validatePort(String(port)), validatePort(String(port))]);
    expect(checks).toEqual([
      { ok: true, port },
      { ok: true, port },
    ]);
  });

  it("refuses a port something on this machine already listens on", async () => {
    const port = await listen();
    expect(await validatePort(String(port))).toEqual({
      ok: false,
      message: `port ${port} is already in use on this machine`,
    });
  });

  it("refuses malformed text before touching the network", async () => {
    expect(await validatePort("http")).toEqual({ ok: false, message: "port must be a number, 1-65535" });
    expect(await validatePort("70000")).toEqual({ ok: false, message: "port must be 1-65535" });
  });
});

describe("suggestLocalPort", () => {
  it("suggests the preferred port when it is free", async () => {
    const port = await freePort();
    expect(await suggestLocalPort(port)).toBe(port);
  });

  it("suggests another free port when the preferred one is taken", async () => {
    const taken = await listen();
    const suggested = await suggestLocalPort(taken);
    expect(suggested).not.toBe(taken);
    expect(await validatePort(String(suggested))).toEqual({ ok: true, port: suggested });
  });

  it("suggests a free ephemeral port with no preference or a nonsense one", async () => {
    for (const preferred of [undefined, 0, 70000]) {
      const suggested = await suggestLocalPort(preferred);
      expect(suggested).toBeGreaterThan(0);
      expect(suggested).toBeLessThanOrEqual(65535);
    }
  });
});
