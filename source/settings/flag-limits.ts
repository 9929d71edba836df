// What the flags that the config file can also set accept, and their defaults: the config file is
// checked against them here, and app/options.ts checks the flags against the same limits.

export const DEFAULT_REFRESH_SECONDS = 5;
export const MIN_REFRESH_SECONDS = 1;
export const DEFAULT_LOG_BUFFER_LINES = 100_000;
export const MIN_LOG_BUFFER_LINES = 1_000;
/** us-east-1, eu-central-2, us-gov-west-1, cn-north-1… (a JSON Schema pattern too). */
export const REGION_PATTERN = "^[a-z]{2,4}(-[a-z]+)+-\\d+$";

/** Values the config file gives for flags that were not passed (see flagDefaults in settings.ts). */
export interface FlagDefaults {
  refreshSeconds?: number;
  logBufferLines?: number;
  profile?: string;
  region?: string;
}
