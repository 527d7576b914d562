/**
 * Small helpers for raw SQL (`db.execute`): the rows of a result (the same shape from pg and PGlite), and array
 * literals for `= ANY(…::uuid[])` / `&& …::text[]` parameters.
 */

/** The rows of a `db.execute` result. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A PostgreSQL array literal of uuids (every id was checked by the caller). */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/** A PostgreSQL array literal of short codes such as language tags (checked by the caller; quotes and backslashes dropped). */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;
}
