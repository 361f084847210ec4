import { diagnose } from '../diagnosis/diagnose.ts';
import type { DiagnosedRow } from './group.ts';

// The rows of docs/runbook/sync_error_sample.sql, json_data as PostgreSQL stores it.
type SampleRow = [id: number, jsonData: string, createdAt: string, source: number, fn: string];

const disk = (file: string) =>
  `"could not extend file \\"base/16398/${file}\\": No space left on device"`;
const timeout = (ms: number) => `"timeout of ${ms}ms exceeded"`;
const status429 = '"Request failed with status code 429"';
// The Server Health rows have no dates in the runbook; the SQL sets them a minute apart.
const minuteOf = (id: number) => {
  const minute = id === 59500 ? 14 : id - 58768;
  return `2024-03-28 09:${String(minute).padStart(2, '0')}:00.000`;
};

const runbookRows: SampleRow[] = [
  [1, timeout(3000), '2024-03-27 16:05:29.542', 1, 'linde-mix-get-positions'],
  [2, timeout(4000), '2024-03-27 15:35:29.551', 1, 'linde-mix-get-events'],
  [3, status429, '2024-03-27 15:13:34.595', 1, 'linde-mix-get-events'],
  [4, status429, '2024-03-27 15:13:32.578', 1, 'linde-mix-get-active-events'],
  [5, timeout(4000), '2024-03-27 15:12:56.331', 1, 'linde-mix-get-events'],
  [6, disk('1160232.23'), '2024-03-25 15:46:28.655', 1, 'linde-mix-get-events'],
  [7, disk('1160232.23'), '2024-03-25 15:46:21.547', 1, 'linde-mix-get-positions'],
  [8, disk('1800037.4'), '2024-03-25 15:46:00.916', 2, 'linde-guardian-positions'],
  [9, disk('1160232.23'), '2024-03-25 15:45:28.649', 1, 'linde-mix-get-events'],
  [10, disk('1160232.23'), '2024-03-25 15:45:00.866', 2, 'linde-guardian-positions'],
  [11, disk('1160232.23'), '2024-03-25 15:44:28.617', 1, 'linde-mix-get-positions'],
  [12, disk('1160232.23'), '2024-03-25 15:44:00.900', 2, 'linde-guardian-positions'],
  [13, disk('1160232.23'), '2024-03-25 15:43:30.533', 1, 'linde-mix-get-events'],
  [14, disk('1160232.23'), '2024-03-25 15:43:28.688', 1, 'linde-mix-get-positions'],
  [15, disk('1160232.23'), '2024-03-25 15:43:21.606', 1, 'linde-mix-get-active-events'],
  [16, disk('1160232.23'), '2024-03-25 15:42:28.647', 1, 'linde-mix-get-positions'],
  [17, disk('1160232.23'), '2024-03-25 15:41:28.658', 1, 'linde-mix-get-positions'],
  [18, disk('1160232.23'), '2024-03-25 15:40:30.552', 1, 'linde-mix-get-events'],
  [19, disk('1160232.23'), '2024-03-25 15:40:28.758', 1, 'linde-mix-get-positions'],
  [20, disk('1160235.5'), '2024-03-25 15:40:21.756', 1, 'linde-mix-get-active-events'],
  [21, timeout(4000), '2024-03-25 14:30:22.494', 1, 'linde-mix-get-events'],
  [22, timeout(3000), '2024-03-25 13:40:28.516', 1, 'linde-mix-get-positions'],
  [23, timeout(3000), '2024-03-25 12:05:31.517', 1, 'linde-mix-get-positions'],
  [24, timeout(4000), '2024-03-25 09:43:31.488', 1, 'linde-mix-get-events'],
];

const serverHealthRows: SampleRow[] = [
  [58768, timeout(4000), minuteOf(58768), 1, 'linde-mix-get-events'],
  [58769, timeout(4000), minuteOf(58769), 1, 'linde-mix-get-events'],
  [58770, timeout(4000), minuteOf(58770), 1, 'linde-mix-get-events'],
  [58771, timeout(4000), minuteOf(58771), 1, 'linde-mix-get-events'],
  [58772, timeout(4000), minuteOf(58772), 1, 'linde-mix-get-events'],
  [58773, timeout(3000), minuteOf(58773), 1, 'linde-mix-get-positions'],
  [58774, timeout(4000), minuteOf(58774), 1, 'linde-mix-get-events'],
  [58775, timeout(4000), minuteOf(58775), 1, 'linde-mix-get-events'],
  [58776, timeout(4000), minuteOf(58776), 1, 'linde-mix-get-events'],
  [58777, timeout(4000), minuteOf(58777), 1, 'linde-mix-get-events'],
  [58778, timeout(4000), minuteOf(58778), 1, 'linde-mix-get-events'],
  [58779, timeout(4000), minuteOf(58779), 1, 'linde-mix-get-events'],
  [58780, timeout(4000), minuteOf(58780), 1, 'linde-mix-get-active-events'],
  [58781, timeout(4000), minuteOf(58781), 1, 'linde-mix-get-events'],
  [59500, timeout(4000), minuteOf(59500), 1, 'linde-mix-get-events'],
];

function diagnosed([id, jsonData, createdAt, source, fn]: SampleRow): DiagnosedRow {
  const { category, card } = diagnose(jsonData, { dataSourceId: source, functionName: fn });
  return {
    id: String(id),
    createdAt: new Date(`${createdAt.replace(' ', 'T')}Z`),
    category,
    card,
    functionName: fn,
    dataSourceId: source,
  };
}

/** Rows 1–24 of the sample, diagnosed, newest first as the runbook lists them. */
export const sampleRows: DiagnosedRow[] = runbookRows.map(diagnosed);

/** Ids 58768–58781 and 59500: the timeouts the Server Health view shows. */
export const serverHealthSample: DiagnosedRow[] = serverHealthRows.map(diagnosed);

/** The rows whose ids fall in [from, to]. */
export const rowsBetween = (rows: DiagnosedRow[], from: number, to: number) =>
  rows.filter((row) => Number(row.id) >= from && Number(row.id) <= to);
