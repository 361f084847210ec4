/**
 * The infra probes' names, which key their rows in turno.probe_runs. A file of their own, so an
 * action can make a probe due without loading the probe and the clients it reads with.
 */
export const rdsProbeName = 'rds';
export const pm2ProbeName = 'pm2';
export const cronDiskProbeName = 'cron-disk';
