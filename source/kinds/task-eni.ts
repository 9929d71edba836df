// A task's elastic network interface (awsvpc network mode): ECS reports it as an attachment of
// type ElasticNetworkInterface whose details name the interface ID, private IP, subnet, MAC
// address and private DNS name. Bridge and host tasks have none.
import type { Attachment, Task } from "@aws-sdk/client-ecs";

export const ENI_ATTACHMENT = "ElasticNetworkInterface";

export type EniDetail =
  "networkInterfaceId" | "privateIPv4Address" | "subnetId" | "macAddress" | "privateDnsName";

/** The task's ENI attachments (one for a task; ECS allows more for some trunked setups). */
export function eniAttachments(task: Task): Attachment[] {
  return (task.attachments ?? []).filter((attachment) => attachment.type === ENI_ATTACHMENT);
}

export function attachmentDetail(attachment: Attachment, name: EniDetail): string | undefined {
  return attachment.details?.find((entry) => entry.name === name)?.value;
}

/** A detail of the task's first ENI, if it has one. */
export function eniDetail(task: Task, name: EniDetail): string | undefined {
  const eni = eniAttachments(task)[0];
  return eni && attachmentDetail(eni, name);
}
