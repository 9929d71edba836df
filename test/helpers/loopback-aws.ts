// A loopback HTTP server that answers every JSON 1.1 call with `{}` and notes where each went:
// its X-Amz-Target and the region its SigV4 signature is for. For tests of endpoint settings.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenCall {
  target: string;
  region: string | undefined;
}

export async function listenAws(): Promise<{ url: string; seen: SeenCall[]; close(): Promise<void> }> {
  const seen: SeenCall[] = [];
  const server: Server = createServer((request, response) => {
    const scope = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(request.headers.authorization));
    seen.push({ target: String(request.headers["x-amz-target"]), region: scope?.[1] });
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
