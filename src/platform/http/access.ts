/**
 * One row of the access matrix: a route, and for each persona the status it must answer.
 * Each module lists its routes in `src/modules/<name>/access.ts`; test/access-matrix.test.ts runs them all.
 * Personas missing from `expect` take `otherwise`.
 */
export type AccessRow<W = unknown> = {
  method: 'GET' | 'POST';
  /** Path, or a function of the test world (region slugs and ids). */
  url: string | ((world: W) => string);
  /** For POST rows: form fields (the test adds a valid CSRF token). Use inputs that fail validation when a 2xx/3xx would change data. */
  form?: Record<string, string>;
  expect: Partial<Record<string, number>>;
  otherwise: number;
  note?: string;
};
