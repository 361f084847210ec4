/** Whose pm2 daemon the cron host's scripts talk to, and with which pm2 (CRON_PM2_* settings). */
export interface Pm2Target {
  user: string;
  /** The daemon's PM2_HOME. */
  home: string;
  /** An absolute path; null: looked up on the user's login PATH (where nvm puts it). */
  pm2Bin: string | null;
}

/** The runbook's inventory: pm2 runs as ssm-user on flotas-cron-arc. */
export const inventoryPm2Target: Pm2Target = {
  user: 'ssm-user', home: '/home/ssm-user/.pm2', pm2Bin: null,
};

/**
 * What a user and a path may hold to be written into a script between single quotes: the API
 * checks CRON_PM2_* with these, and the CDK configuration checks `cronPm2` with them too.
 */
export const pm2TargetRules = {
  user: /^[a-z_][a-z0-9_-]{0,31}$/,
  path: /^\/[A-Za-z0-9._/-]+$/,
} as const;
