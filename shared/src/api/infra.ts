import * as z from 'zod';
import { auditEntrySchema, databaseStatusSchema } from './schemas.ts';

/** Why "grow storage" is refused right now; each is an error code the PWA translates. */
export const growStorageRefusalSchema = z.enum([
  'database_not_available',
  'storage_optimizing',
  'storage_change_pending',
  'storage_changed_recently',
]);
export type GrowStorageRefusal = z.infer<typeof growStorageRefusalSchema>;

/** An RDS instance as the Infraestructura page shows it (`GET /api/databases`). */
export const databaseSchema = databaseStatusSchema.extend({
  replicaOf: z.string().nullable(),
  instanceClass: z.string(),
  engine: z.string(),
  zone: z.string().nullable(),
  /** Storage autoscaling's ceiling; null when autoscaling is off. */
  maxAllocatedStorageGiB: z.number().nullable(),
  storageType: z.string(),
  iops: z.number().nullable(),
  pendingModifiedValues: z.object({
    allocatedStorageGiB: z.number().optional(),
    iops: z.number().optional(),
    storageType: z.string().optional(),
    instanceClass: z.string().optional(),
  }),
  growStorage: z.object({
    allowed: z.boolean(),
    reason: growStorageRefusalSchema.nullable(),
    /** At least 10 % above the current allocation (RDS's minimum step), in whole GiB. */
    suggestedGiB: z.number().int(),
    /** When the 6-hour wait after the last change ends, if that is what holds it. */
    allowedFrom: z.string().nullable(),
  }),
});
export type Database = z.infer<typeof databaseSchema>;

/**
 * The most storage an RDS instance's volume holds, 64 TiB: the API refuses a larger target and
 * the PWA's grow sheet says so before it is sent.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.ModifyingExisting.html
 */
export const maxStorageGiB = 65_536;

/** `POST /api/databases/:id/grow-storage`: `confirm` must be the instance id, typed. */
export const growStorageRequest = z.object({
  targetGiB: z.number().int().positive().max(maxStorageGiB).optional(),
  confirm: z.string().max(63),
});
export type GrowStorageRequest = z.infer<typeof growStorageRequest>;

export const growStorageResponse = z.object({
  database: databaseSchema,
  audit: auditEntrySchema,
  /** True when an earlier request with the same Idempotency-Key already did the work. */
  replayed: z.boolean(),
});
export type GrowStorageResponse = z.infer<typeof growStorageResponse>;

/**
 * An EC2 instance (`GET /api/instances`): `statusChecks` is "3/3" when the system, instance and
 * attached EBS checks pass ("2/2" without the EBS check), "initializing" or "insufficient-data"
 * while a check has no result yet, "—" when none run.
 */
export const ec2InstanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  zone: z.string(),
  state: z.string(),
  statusChecks: z.string(),
});
export type Ec2InstanceView = z.infer<typeof ec2InstanceSchema>;
