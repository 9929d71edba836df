// ListClusters and DescribeClusters.
import type { Cluster, DescribeClustersResponse, Failure, ListClustersResponse } from "@aws-sdk/client-ecs";
import { optionalInteger, optionalString, stringList } from "../input.js";
import { pageRequest, paginate } from "../pagination.js";
import { invalidParameter, type JsonObject } from "../protocol.js";
import { clusterArn, resourceRef } from "./arns.js";
import { includeSet } from "./ops-common.js";
import { renderCluster } from "./render-cluster.js";
import type { World } from "./world.js";

export function listClusters(world: World, input: JsonObject): ListClustersResponse {
  const scope = "ListClusters";
  const page = pageRequest(optionalInteger(input, "maxResults"), optionalString(input, "nextToken"), scope, {
    defaultSize: 100,
    max: 100,
  });
  const result = paginate(
    world.clusters,
    (cluster) => cluster.seq,
    (cluster) => cluster.listed,
    page,
    scope,
  );
  return { clusterArns: result.items.map((cluster) => cluster.arn), nextToken: result.nextToken };
}

export function describeClusters(world: World, input: JsonObject): DescribeClustersResponse {
  const requested = stringList(input, "clusters");
  if (requested.length > 100) throw invalidParameter("clusters can have at most 100 items.");
  const include = includeSet(input);
  const clusters: Cluster[] = [];
  const failures: Failure[] = [];
  for (const value of requested.length > 0 ? requested : ["default"]) {
    const cluster = world.findCluster(value);
    if (cluster !== undefined) {
      clusters.push(renderCluster(cluster, include));
      continue;
    }
    const ref = resourceRef(world, value, "cluster");
    failures.push({
      arn: value.startsWith("arn:") ? value : clusterArn(world, ref?.name ?? value),
      reason: "MISSING",
    });
  }
  return { clusters, failures };
}
