/** The two EC2 instances of the runbook (§3): the ECS host and the pm2 cron. */
export interface Ec2Instance {
  id: string;
  /** The Name tag; the id when the instance has none. */
  name: string;
  type: string;
  zone: string;
  /** pending, running, stopping, stopped, shutting-down, terminated. */
  state: string;
  /** Passed checks over checks run, "2/2" when system and instance checks pass; "—" if none. */
  statusChecks: string;
}

export interface Ec2Port {
  /** The configured instances, in the configured order. */
  listInstances(): Promise<Ec2Instance[]>;
}
