// The `aws` CLI command equivalent to a call, quoted for a POSIX shell so it can be pasted as is.
import type { AwsCall, AwsScope, PlannedCall } from "./types.js";

// No leading "=": zsh expands "=cmd" to the command's path.
const SAFE_WORD = /^[A-Za-z0-9_\-.,:/@%+][A-Za-z0-9_\-.,:/@%+=]*$/;

export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function cliCommand(call: AwsCall, scope: AwsScope): string {
  const words = ["aws", ...cliWords(call), "--region", scope.region];
  if (scope.profile) words.push("--profile", scope.profile);
  return words.map(shellQuote).join(" ");
}

export function planCalls(scope: AwsScope, calls: AwsCall[]): PlannedCall[] {
  return calls.map((call) => ({ ...call, cli: cliCommand(call, scope) }));
}

function cliWords(call: AwsCall): string[] {
  switch (call.operation) {
    case "UpdateService": {
      const p = call.parameters;
      const words = ["ecs", "update-service", "--cluster", p.cluster, "--service", p.service];
      if (p.desiredCount !== undefined) words.push("--desired-count", String(p.desiredCount));
      if (p.taskDefinition !== undefined) words.push("--task-definition", p.taskDefinition);
      if (p.enableExecuteCommand !== undefined) {
        words.push(p.enableExecuteCommand ? "--enable-execute-command" : "--disable-execute-command");
      }
      if (p.forceNewDeployment) words.push("--force-new-deployment");
      return words;
    }
    case "StopTask": {
      const p = call.parameters;
      return ["ecs", "stop-task", "--cluster", p.cluster, "--task", p.task, "--reason", p.reason];
    }
    case "StopServiceDeployment": {
      const p = call.parameters;
      return [
        "ecs",
        "stop-service-deployment",
        "--service-deployment-arn",
        p.serviceDeploymentArn,
        "--stop-type",
        p.stopType,
      ];
    }
    case "RegisterScalableTarget": {
      const p = call.parameters;
      return [
        "application-autoscaling",
        "register-scalable-target",
        "--service-namespace",
        p.ServiceNamespace,
        "--resource-id",
        p.ResourceId,
        "--scalable-dimension",
        p.ScalableDimension,
        "--min-capacity",
        String(p.MinCapacity),
        "--max-capacity",
        String(p.MaxCapacity),
      ];
    }
  }
}
