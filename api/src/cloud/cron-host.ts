/** The pm2 cron on flotas-cron-arc (runbook §3), reached through SSM Run Command on AWS. */
export interface Pm2Process {
  id: number;
  name: string;
  status: string;
  memoryMb: number;
}

export interface CronHostPort {
  listPm2Processes(): Promise<Pm2Process[]>;
}
