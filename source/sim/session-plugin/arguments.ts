// The plugin's command line, read the way session-manager-plugin reads it: argv[1] is the session
// JSON or the name of the environment variable holding it (which is then unset), argv[5] the
// StartSession parameters, argv[6] the endpoint.

export const SESSION_RESPONSE_PREFIX = "AWS_SSM_START_SESSION_RESPONSE";

export interface PluginArguments {
  sessionId: string;
  tokenValue: string;
  streamUrl: string;
  region: string;
  profile: string;
  target: string;
  documentName?: string;
  parameters: Record<string, string[]>;
  endpoint: string;
}

export type Parsed = { ok: true; value: PluginArguments } | { ok: false; message: string };

export function parseArguments(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  if (argv.length < 5) {
    return {
      ok: false,
      message: `expected the session, region, StartSession, profile and parameters, got ${argv.length} arguments`,
    };
  }
  const [
    sessionArgument = "",
    region = "",
    operation = "",
    profile = "",
    parametersJson = "",
    endpoint = "",
  ] = argv;
  if (operation !== "StartSession") return { ok: false, message: `unknown operation ${operation}` };
  let sessionJson = sessionArgument;
  if (sessionArgument.startsWith(SESSION_RESPONSE_PREFIX)) {
    sessionJson = env[sessionArgument] ?? "";
    delete env[sessionArgument];
    if (sessionJson === "") return { ok: false, message: `${sessionArgument} is not set` };
  }
  const session = parseObject(sessionJson);
  const parameters = parseObject(parametersJson);
  if (!session || !parameters)
    return { ok: false, message: "the session or the parameters are not JSON objects" };
  const field = (source: Record<string, unknown>, name: string): unknown =>
    // Go's JSON decoder matches field names case-insensitively; ECS spells them sessionId, SSM SessionId.
    Object.entries(source).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const documentName = field(parameters, "DocumentName");
  return {
    ok: true,
    value: {
      sessionId: text(field(session, "SessionId")),
      tokenValue: text(field(session, "TokenValue")),
      streamUrl: text(field(session, "StreamUrl")),
      region,
      profile,
      target: text(field(parameters, "Target")),
      ...(typeof documentName === "string" ? { documentName } : {}),
      parameters: stringLists(field(parameters, "Parameters")),
      endpoint,
    },
  };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringLists(value: unknown): Record<string, string[]> {
  if (typeof value !== "object" || value === null) return {};
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(value)) {
    if (Array.isArray(list)) out[key] = list.map(String);
  }
  return out;
}
