// Builds the ECS client the way the AWS CLI resolves things: --profile / AWS_PROFILE, --region /
// AWS_REGION / AWS_DEFAULT_REGION / the profile's region, --endpoint-url / AWS_ENDPOINT_URL_ECS /
// AWS_ENDPOINT_URL, and the SDK's default credential chain (env, SSO, credential_process, assume role).
import { ECSClient, type ECSClientConfig } from "@aws-sdk/client-ecs";

export interface ConnectionOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  /** The simulated account's handler in --demo mode; static credentials go with it. */
  requestHandler?: ECSClientConfig["requestHandler"];
  env?: NodeJS.ProcessEnv;
}

export interface Connection {
  ecs: ECSClient;
  region: string;
  profile: string | undefined;
}

export class ConnectionError extends Error {}

export async function connect(options: ConnectionOptions): Promise<Connection> {
  const env = options.env ?? process.env;
  const profile = options.profile ?? (env.AWS_PROFILE || undefined);
  const config: ECSClientConfig = {
    profile,
    region: options.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined),
    // Pollers retry throttling with client-side rate adaptation; the budget keeps us under the buckets anyway.
    retryMode: "adaptive",
    maxAttempts: 5,
  };
  if (options.endpointUrl) config.endpoint = options.endpointUrl;
  if (options.requestHandler) {
    config.requestHandler = options.requestHandler;
    config.credentials = { accessKeyId: "DEMO", secretAccessKey: "demo" };
    config.region ??= "us-east-1";
  }
  const ecs = new ECSClient(config);
  let region: string;
  try {
    region = await ecs.config.region();
  } catch {
    throw new ConnectionError(
      "no AWS region: pass --region, set AWS_REGION, or set region in your AWS profile (or try --demo)",
    );
  }
  return { ecs, region, profile };
}
