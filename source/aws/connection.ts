// Builds the ECS and CloudWatch Logs clients the way the AWS CLI resolves things: --profile /
// AWS_PROFILE, --region / AWS_REGION / AWS_DEFAULT_REGION / the profile's region, --endpoint-url /
// AWS_ENDPOINT_URL_ECS / AWS_ENDPOINT_URL_CLOUDWATCH_LOGS / AWS_ENDPOINT_URL, and the SDK's default
// credential chain (env, SSO, credential_process, assume role). Application Auto Scaling follows
// the same rules (AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING), and so does SSM (AWS_ENDPOINT_URL_SSM),
// whose endpoint and the resolved credentials also go to session-manager-plugin, and Elastic Load
// Balancing v2 (AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2). ECR (AWS_ENDPOINT_URL_ECR) is made per
// region: an image's registry region is in its URI.
import { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { CloudWatchLogsClient, type CloudWatchLogsClientConfig } from "@aws-sdk/client-cloudwatch-logs";
import { ECSClient, type ECSClientConfig } from "@aws-sdk/client-ecs";
import type { ECRClient } from "@aws-sdk/client-ecr";
import type { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { SSMClient } from "@aws-sdk/client-ssm";
import { chunkedFilterLogEvents } from "./chunked-events-plugin.js";

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
  /** CloudWatch Logs in the connection's region. */
  logs: CloudWatchLogsClient;
  /** CloudWatch Logs in another region (an awslogs-region may differ from the cluster's). */
  logsIn: (region: string) => CloudWatchLogsClient;
  /** Application Auto Scaling in the connection's region. */
  autoscaling: ApplicationAutoScalingClient;
  /**
   * SSM in the connection's region (port forwarding: StartSession, TerminateSession). Its SDK
   * package is loaded on the first call: it is large (100 ms and 14 MB to load) and most sessions
   * never forward a port.
   */
  ssm: Pick<SSMClient, "send" | "destroy">;
  /**
   * Elastic Load Balancing v2 in the connection's region (a service's target groups and target
   * health). Loaded on the first call, like SSM: only the targets view needs it.
   */
  elbv2: Pick<ElasticLoadBalancingV2Client, "send">;
  /**
   * The SSM endpoint session-manager-plugin gets as its last argument (for ResumeSession and
   * TerminateSession): the one the SSM client uses, or https://ssm.<region>.amazonaws.com.
   */
  ssmEndpoint: string;
  /**
   * ECR in a region (the image view: an image's registry region is in its URI). Its SDK package
   * is loaded on the first call, like SSM's: most sessions never look at an image.
   */
  ecrIn: (region: string) => Pick<ECRClient, "send">;
  /**
   * The ECS client's credentials, resolved (SSO, assume role, credential_process included), for
   * session-manager-plugin's environment: it cannot read SSO profiles itself. Rejects with the
   * SDK's error when there are none.
   */
  credentials(): Promise<ResolvedCredentials>;
  region: string;
  profile: string | undefined;
}

export interface ResolvedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
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
  const logsConfig = (logsRegion: string): CloudWatchLogsClientConfig => ({
    profile,
    region: logsRegion,
    retryMode: "adaptive",
    maxAttempts: 5,
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(options.requestHandler
      ? { requestHandler: options.requestHandler, credentials: config.credentials }
      : {}),
    // StartLiveTail carries the host prefix "stream-"; the SDK would prepend it to a custom host
    // (stream-127.0.0.1) and the request would go nowhere (docs/aws.md, "Live Tail").
    disableHostPrefix: hasLogsEndpointOverride(options, env),
  });
  const clients = new Map<string, CloudWatchLogsClient>();
  const logsIn = (logsRegion: string): CloudWatchLogsClient => {
    let client = clients.get(logsRegion);
    if (!client) {
      client = new CloudWatchLogsClient(logsConfig(logsRegion));
      client.middlewareStack.use(chunkedFilterLogEvents);
      clients.set(logsRegion, client);
    }
    return client;
  };
  // Application Auto Scaling and SSM: the connection's profile, region, endpoint and simulator.
  const otherClientConfig = {
    profile,
    region,
    retryMode: "adaptive",
    maxAttempts: 5,
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(options.requestHandler
      ? { requestHandler: options.requestHandler, credentials: config.credentials }
      : {}),
  };
  let autoscaling: ApplicationAutoScalingClient | undefined;
  let ssm: Promise<SSMClient> | undefined;
  const ssmClient = () =>
    (ssm ??= import("@aws-sdk/client-ssm").then(({ SSMClient }) => new SSMClient(otherClientConfig)));
  const ecrClients = new Map<string, Promise<ECRClient>>();
  const ecrIn = (ecrRegion: string): Pick<ECRClient, "send"> => ({
    send: ((...args: Parameters<ECRClient["send"]>) => {
      let client = ecrClients.get(ecrRegion);
      if (!client) {
        client = import("@aws-sdk/client-ecr").then(
          ({ ECRClient }) => new ECRClient({ ...otherClientConfig, region: ecrRegion }),
        );
        ecrClients.set(ecrRegion, client);
      }
      return client.then((made) => made.send(...args));
    }) as ECRClient["send"],
  });
  let elbv2: Promise<ElasticLoadBalancingV2Client> | undefined;
  const elbv2Client = () =>
    (elbv2 ??= import("@aws-sdk/client-elastic-load-balancing-v2").then(
      ({ ElasticLoadBalancingV2Client }) => new ElasticLoadBalancingV2Client(otherClientConfig),
    ));
  return {
    ecs,
    ecrIn,
    // Made on first use: most sessions never open the log pane, and start-up time matters.
    get logs() {
      return logsIn(region);
    },
    logsIn,
    // Made on first use too: only scaling actions need it.
    get autoscaling() {
      autoscaling ??= new ApplicationAutoScalingClient(otherClientConfig);
      return autoscaling;
    },
    ssm: {
      send: ((...args: Parameters<SSMClient["send"]>) =>
        ssmClient().then((client) => client.send(...args))) as SSMClient["send"],
      destroy: () => void ssm?.then((client) => client.destroy()),
    },
    elbv2: {
      send: ((...args: Parameters<ElasticLoadBalancingV2Client["send"]>) =>
        elbv2Client().then((client) => client.send(...args))) as ElasticLoadBalancingV2Client["send"],
    },
    ssmEndpoint: ssmEndpoint(options, env, region),
    credentials: async () => {
      const { accessKeyId, secretAccessKey, sessionToken } = await ecs.config.credentials();
      return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
    },
    region,
    profile,
  };
}

/** Where the SDK sends SSM calls: --endpoint-url, then AWS_ENDPOINT_URL_SSM, then AWS_ENDPOINT_URL. */
export function ssmEndpoint(
  options: Pick<ConnectionOptions, "endpointUrl">,
  env: NodeJS.ProcessEnv,
  region: string,
): string {
  if (options.endpointUrl) return options.endpointUrl;
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS !== "true") {
    const configured = env.AWS_ENDPOINT_URL_SSM || env.AWS_ENDPOINT_URL;
    if (configured) return configured;
  }
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://ssm.${region}.${suffix}`;
}

/** An endpoint the SDK will use instead of logs.<region>.amazonaws.com, or the simulator. */
function hasLogsEndpointOverride(options: ConnectionOptions, env: NodeJS.ProcessEnv): boolean {
  if (options.requestHandler || options.endpointUrl) return true;
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return false;
  return Boolean(env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS || env.AWS_ENDPOINT_URL);
}
