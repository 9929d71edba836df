export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How long ECS keeps listing and describing a stopped task. */
export const STOPPED_TASK_RETENTION_MS = HOUR;
