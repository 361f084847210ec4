/** The two EC2 instances of the runbook (§3): the ECS host and the pm2 cron. */
export interface Ec2Instance {
  id: string;
  /** The Name tag; the id when the instance has none. */
  name: string;
  type: string;
  zone: string;
  /** pending, running, stopping, stopped, shutting-down, terminated. */
  state: string;
  /**
   * Passed over checks with a result: "3/3" when the system, instance and attached EBS checks
   * pass ("2/2" on an instance without the EBS check); "initializing" or "insufficient-data"
   * while a check has no result yet and none failed; "—" when none run.
   */
  statusChecks: string;
}

export interface Ec2Port {
  /** The configured instances, in the configured order. */
  listInstances(): Promise<Ec2Instance[]>;
}
