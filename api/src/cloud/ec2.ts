/** The two EC2 instances of the runbook (§3): the ECS host and the pm2 cron. */
export interface Ec2Instance {
  id: string;
  name: string;
  type: string;
  zone: string;
  state: string;
  statusChecks: string;
}

export interface Ec2Port {
  listInstances(): Promise<Ec2Instance[]>;
}
