import * as z from 'zod';

/** A module of its own: the API checks roles on every request without building every schema. */
export const roleSchema = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof roleSchema>;
