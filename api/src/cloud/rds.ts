/** RDS as Turno reads and changes it: the runbook's primary and replica (runbook §1, 4.1). */
export interface DatabaseInstance {
  id: string;
  role: 'primary' | 'replica';
  status: string;
  instanceClass: string;
  allocatedStorageGiB: number;
  cpuPercent: number | null;
  connections: number | null;
}

export interface RdsPort {
  listDatabases(): Promise<DatabaseInstance[]>;
}
