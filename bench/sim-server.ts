// The simulated account behind a local HTTP endpoint, in its own process: the log budgets are
// measured on deckhand as it runs against AWS (real HTTP, responses parsed, no simulator sharing its
// event loop or heap), with `--endpoint-url` pointed here. Prints `port N epoch T` once listening,
// T being the time the account was built at (its clock stood still at T while it was built).
// Knobs: the DECKHAND_SIM_* variables of source/sim/README.md.
import { HttpRequest } from "@smithy/core/protocols";
import { createServer, type IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { createSimulatedAccount, simOptionsFromEnv } from "../source/sim/index.js";

const epoch = Date.now();
// The clock stands still at `epoch` while the world is built (building it takes a while and reads the
// clock more than once), so the bench's reference account, built the same way, is the same world.
let building = true;
const sim = createSimulatedAccount({
  ...simOptionsFromEnv(process.env),
  now: () => (building ? epoch : Date.now()),
});
building = false;

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer((request, response) => {
  const aborted = new AbortController();
  response.on("close", () => aborted.abort());
  void (async () => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers[name] = value;
    }
    const answer = await sim.requestHandler.handle(
      new HttpRequest({ method: request.method, path: request.url, headers, body: await bodyOf(request) }),
      { abortSignal: aborted.signal },
    );
    const { statusCode, headers: answerHeaders } = answer.response;
    const body: unknown = answer.response.body;
    response.writeHead(statusCode, answerHeaders);
    if (body instanceof Readable) body.on("error", () => response.destroy()).pipe(response);
    else response.end(body as string | Uint8Array);
  })().catch((error: unknown) => {
    if (!response.headersSent) response.writeHead(500);
    response.end(String(error));
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (typeof address === "object" && address) console.log(`port ${address.port} epoch ${epoch}`);
});
