// What a kind's logs action asks the log follower (features/logs/) to follow.

export type FollowScope =
  | { kind: "service"; cluster: string; service: string }
  | { kind: "task"; cluster: string; taskArn: string }
  | { kind: "container"; cluster: string; taskArn: string; container: string };
