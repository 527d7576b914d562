// Copies the embedded PGlite database in DATA_DIR into an empty PostgreSQL database (operator journey: start the
// demo on a laptop, later move the county to a server). Structure comes from the catalog, so tables added by later
// modules are copied without changes here; values travel as their text form and are cast to the target column type,
// which keeps arrays, jsonb, timestamps (to the microsecond), bigint and uuid exactly as they were.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { z } from 'zod';
import { openPglite, openPostgres, type Database } from '../../db/client.js';
import { runMigrations } from '../../db/migrate.js';
import { hasPgliteData, pgdataDir } from './backup.js';

/** Raised when the copy is refused or fails; the message is meant for the operator. Nothing was written then. */
export class CopyError extends Error {}

export type CopyResult = {
  tables: { table: string; rows: number }[];
  sequences: { sequence: string; value: number | string }[];
};

/** Rows per INSERT (fewer for very wide tables: PostgreSQL takes at most 65535 parameters per statement). */
const BATCH_ROWS = 500;
const MAX_PARAMS = 60_000;

/** host:port/database of a PostgreSQL URL — never the user's password. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname || '/'}`;
  } catch {
    return 'the given PostgreSQL server';
  }
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const qualified = (name: string): string => `public.${quoteIdent(name)}`;

// ---------------------------------------------------------------------------------------------------------------
// Catalog (the same queries run on PGlite and on PostgreSQL)

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const tableRow = z.object({ table: z.string() });
const columnRow = z.object({ table: z.string(), column: z.string(), type: z.string(), generated: z.boolean(), identity: z.boolean() });
const keyRow = z.object({ table: z.string(), ref_table: z.string().nullable(), cols: z.array(z.string()), ref_cols: z.array(z.string()).nullable(), kind: z.enum(['p', 'f']) });
const sequenceRow = z.object({ sequence: z.string(), table: z.string().nullable(), column: z.string().nullable() });

type Column = z.infer<typeof columnRow>;
type ForeignKey = { table: string; refTable: string; cols: string[]; refCols: string[] };
type Catalog = {
  tables: string[];
  columns: Map<string, Column[]>;
  primaryKeys: Map<string, string[]>;
  foreignKeys: ForeignKey[];
  sequences: z.infer<typeof sequenceRow>[];
};

/** Ordinary tables of schema public, not those an extension owns. */
const TABLES_SQL = `
  SELECT c.relname::text AS "table"
  FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  ORDER BY c.relname`;

const COLUMNS_SQL = `
  SELECT c.relname::text AS "table", a.attname::text AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
         a.attgenerated <> '' AS "generated", a.attidentity <> '' AS "identity"
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY c.relname, a.attnum`;

/** Primary keys and foreign keys within public, with column names in key order. */
const KEYS_SQL = `
  SELECT src.relname::text AS "table", ref.relname::text AS "ref_table", con.contype::text AS "kind",
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS "cols",
         CASE WHEN con.contype = 'f' THEN
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[]
         END AS "ref_cols"
  FROM pg_constraint con
  JOIN pg_class src ON src.oid = con.conrelid
  LEFT JOIN pg_class ref ON ref.oid = con.confrelid
  WHERE con.contype IN ('p', 'f') AND src.relnamespace = 'public'::regnamespace
    AND (con.contype = 'p' OR ref.relnamespace = 'public'::regnamespace)
  ORDER BY src.relname, con.conname`;

/** Sequences of public, with the column that owns them (serial / bigserial / identity), if any. */
const SEQUENCES_SQL = `
  SELECT s.relname::text AS "sequence", t.relname::text AS "table", a.attname::text AS "column"
  FROM pg_class s
  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
  LEFT JOIN pg_class t ON t.oid = d.refobjid
  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
  WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace
  ORDER BY s.relname`;

async function readCatalog(query: Query): Promise<Catalog> {
  const tables = z.array(tableRow).parse(await query(TABLES_SQL)).map((r) => r.table);
  const columns = new Map<string, Column[]>();
  for (const col of z.array(columnRow).parse(await query(COLUMNS_SQL))) {
    const list = columns.get(col.table) ?? [];
    list.push(col);
    columns.set(col.table, list);
  }
  const primaryKeys = new Map<string, string[]>();
  const foreignKeys: ForeignKey[] = [];
  for (const key of z.array(keyRow).parse(await query(KEYS_SQL))) {
    if (key.kind === 'p') primaryKeys.set(key.table, key.cols);
    else if (key.ref_table && key.ref_cols) foreignKeys.push({ table: key.table, refTable: key.ref_table, cols: key.cols, refCols: key.ref_cols });
  }
  const sequences = z.array(sequenceRow).parse(await query(SEQUENCES_SQL));
  return { tables, columns, primaryKeys, foreignKeys, sequences };
}

/**
 * Tables in an order where every table comes after the tables its foreign keys point to. Self-references are left
 * to the row order (see orderSelfReferencing); a cycle between tables cannot be copied row by row and is refused.
 */
export function tableOrder(tables: string[], foreignKeys: { table: string; refTable: string }[]): string[] {
  const known = new Set(tables);
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) if (fk.table !== fk.refTable && known.has(fk.table) && known.has(fk.refTable)) deps.get(fk.table)?.add(fk.refTable);
  const ordered: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: string, path: string[]): void => {
    if (done.has(table)) return;
    if (visiting.has(table)) throw new CopyError(`The tables ${[...path, table].join(' → ')} reference each other in a cycle; copy-to-postgres cannot order them.`);
    visiting.add(table);
    for (const dep of [...(deps.get(table) ?? [])].sort()) visit(dep, [...path, table]);
    visiting.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, []);
  return ordered;
}

/**
 * Orders the rows of a table that references itself (regions.parent_id) so that every referenced row is inserted
 * before the rows pointing at it. Rows are arrays of text values in `columns` order.
 */
export function orderSelfReferencing(rows: (string | null)[][], columns: string[], selfKeys: { cols: string[]; refCols: string[] }[]): (string | null)[][] {
  const index = (name: string): number => {
    const i = columns.indexOf(name);
    if (i < 0) throw new CopyError(`column ${name} missing`);
    return i;
  };
  const keyOf = (row: (string | null)[], idx: number[]): string | null => {
    const parts = idx.map((i) => row[i] ?? null);
    return parts.some((p) => p === null) ? null : JSON.stringify(parts); // MATCH SIMPLE: a null column means no reference
  };
  const keys = selfKeys.map((k) => ({ cols: k.cols.map(index), refCols: k.refCols.map(index) }));
  // Which row holds a given referenced key, per foreign key.
  const owners = keys.map((k) => {
    const map = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row, k.refCols);
      if (key !== null) map.set(key, i);
    });
    return map;
  });
  const state = new Uint8Array(rows.length); // 0 new, 1 in progress, 2 placed
  const out: (string | null)[][] = [];
  const place = (start: number): void => {
    // Iterative depth-first walk (deep region trees must not overflow the stack).
    const stack: { row: number; next: number }[] = [{ row: start, next: 0 }];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const row = rows[top.row] ?? [];
      let pushed = false;
      while (top.next < keys.length) {
        const k = keys[top.next];
        const owner = k ? owners[top.next]?.get(keyOf(row, k.cols) ?? '') : undefined;
        top.next++;
        if (owner === undefined || owner === top.row || state[owner] === 2) continue;
        if (state[owner] === 1) throw new CopyError('Rows of a self-referencing table form a cycle; copy-to-postgres cannot order them.');
        state[owner] = 1;
        stack.push({ row: owner, next: 0 });
        pushed = true;
        break;
      }
      if (pushed) continue;
      state[top.row] = 2;
      out.push(row);
      stack.pop();
    }
  };
  for (let i = 0; i < rows.length; i++) if (state[i] === 0) place(i);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The copy

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function connectTarget(url: string): Promise<Database> {
  try {
    return await openPostgres(url, 2);
  } catch (err) {
    throw new CopyError(`Cannot connect to PostgreSQL at ${describePostgresUrl(url)}: ${errorText(err)}`);
  }
}

function pgQuery(client: pg.PoolClient): Query {
  return async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows;
}

function pgliteQuery(tx: PGlite | Transaction): Query {
  return async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows;
}

/**
 * Copies every table of schema public from the PGlite database in `dataDir` to the PostgreSQL database at
 * `targetUrl`, in one transaction. Refuses (CopyError) unless the target's tables are all empty. Both databases are
 * migrated first. Sequences are set after their column's highest value (or the source's position, if higher).
 */
export async function copyToPostgres(dataDir: string, targetUrl: string, opts: { onTable?: (table: string, rows: number) => void } = {}): Promise<CopyResult> {
  if (!hasPgliteData(dataDir)) throw new CopyError(`No embedded database found in ${pgdataDir(dataDir)} — nothing to copy.`);
  const source = await openPglite(dataDir); // takes DATA_DIR's lock: refuses (DatabaseInUseError) while a server runs on it
  try {
    await runMigrations(source);
    const pglite = source.pglite;
    if (!pglite) throw new CopyError('PGlite database expected');
    const target = await connectTarget(targetUrl);
    try {
      try {
        await runMigrations(target);
      } catch (err) {
        throw new CopyError(`Migrating the PostgreSQL database at ${describePostgresUrl(targetUrl)} failed: ${errorText(err)}`);
      }
      const pool = target.pool;
      if (!pool) throw new CopyError('PostgreSQL pool expected');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        try {
          // Read-only snapshot of the source for the whole copy (nobody else writes: we hold DATA_DIR's lock).
          const result = await pglite.transaction(async (tx) => {
            await tx.exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3`);
            return copyInTransaction(pgliteQuery(tx), tx, client, opts);
          });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (err instanceof CopyError) throw err;
          throw new CopyError(`Copy failed and was rolled back; nothing was written to ${describePostgresUrl(targetUrl)}: ${errorText(err)}`);
        }
      } finally {
        client.release();
      }
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function copyInTransaction(
  readSource: Query,
  sourceTx: Transaction,
  client: pg.PoolClient,
  opts: { onTable?: (table: string, rows: number) => void },
): Promise<CopyResult> {
  const writeTarget = pgQuery(client);
  // A server already using the target holds locks on its tables: give up after a while instead of waiting forever.
  await client.query(`SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL lock_timeout = '15s'`);
  const [from, to] = [await readCatalog(readSource), await readCatalog(writeTarget)];

  // Same structure on both sides (both were just migrated by this build; a mismatch means different versions).
  const targetTables = new Set(to.tables);
  const missing = from.tables.filter((t) => !targetTables.has(t));
  if (missing.length) throw new CopyError(`The PostgreSQL database has no table ${missing.join(', ')}; is it used by another program or a newer wegweiser version?`);
  const plans = new Map<string, { columns: Column[]; identity: boolean }>();
  for (const table of from.tables) {
    const targetColumns = new Map((to.columns.get(table) ?? []).map((c) => [c.column, c]));
    const columns: Column[] = [];
    for (const col of from.columns.get(table) ?? []) {
      if (col.generated) continue;
      const t = targetColumns.get(col.column);
      if (!t) throw new CopyError(`The PostgreSQL table ${table} has no column ${col.column}; the two databases come from different wegweiser versions.`);
      if (!t.generated) columns.push(t);
    }
    plans.set(table, { columns, identity: columns.some((c) => c.identity) });
  }

  // Refuse unless every application table of the target is empty; hold them locked until COMMIT so it stays so.
  if (to.tables.length) await client.query(`LOCK TABLE ${to.tables.map(qualified).join(', ')} IN EXCLUSIVE MODE`);
  const filled: string[] = [];
  for (const table of to.tables) {
    const [row] = await writeTarget(`SELECT EXISTS (SELECT 1 FROM ${qualified(table)}) AS "filled"`);
    if (row?.filled === true) filled.push(table);
  }
  if (filled.length)
    throw new CopyError(
      `The PostgreSQL database is not empty (rows in: ${filled.join(', ')}); copy-to-postgres only copies into an empty database and wrote nothing. ` +
        'Create a new database (createdb …) and do not start wegweiser on it before the copy.',
    );

  const tables: CopyResult['tables'] = [];
  for (const table of tableOrder(from.tables, from.foreignKeys)) {
    const plan = plans.get(table);
    if (!plan) continue;
    const names = plan.columns.map((c) => c.column);
    const selfKeys = from.foreignKeys.filter((fk) => fk.table === table && fk.refTable === table);
    const pk = from.primaryKeys.get(table) ?? [];
    const select = `SELECT ${names.map((n) => `${quoteIdent(n)}::text`).join(', ') || 'NULL'} FROM ${qualified(table)}${pk.length ? ` ORDER BY ${pk.map(quoteIdent).join(', ')}` : ''}`;
    const insert = makeInsert(table, plan.columns, plan.identity);
    const batch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMS / Math.max(1, names.length))));
    let copied = 0;
    if (selfKeys.length) {
      const all = (await sourceTx.query<(string | null)[]>(select, [], { rowMode: 'array' })).rows;
      const ordered = orderSelfReferencing(all, names, selfKeys);
      for (let i = 0; i < ordered.length; i += batch) copied += await insert(client, ordered.slice(i, i + batch));
    } else {
      // A cursor keeps memory flat for big tables (audit_events).
      await sourceTx.query(`DECLARE copy_rows NO SCROLL CURSOR FOR ${select}`);
      for (;;) {
        const rows = (await sourceTx.query<(string | null)[]>(`FETCH FORWARD ${batch} FROM copy_rows`, [], { rowMode: 'array' })).rows;
        if (!rows.length) break;
        copied += await insert(client, rows);
      }
      await sourceTx.query('CLOSE copy_rows');
    }
    const [count] = await writeTarget(`SELECT count(*)::text AS "n" FROM ${qualified(table)}`);
    if (String(count?.n) !== String(copied)) throw new CopyError(`${table}: ${copied} rows copied, but the target counts ${String(count?.n)}.`);
    tables.push({ table, rows: copied });
    opts.onTable?.(table, copied);
  }

  // Sequences last (setval is not transactional; a failure before COMMIT leaves at most a higher counter behind).
  const sequences: CopyResult['sequences'] = [];
  const targetSequences = new Map(to.sequences.map((s) => [s.sequence, s]));
  for (const seq of from.sequences) {
    const t = targetSequences.get(seq.sequence);
    if (!t) throw new CopyError(`The PostgreSQL database has no sequence ${seq.sequence}.`);
    const [state] = await readSource(`SELECT last_value::text AS "value", is_called AS "called" FROM ${qualified(seq.sequence)}`);
    const sourceValue = state?.called === true ? String(state.value) : null;
    let maxValue: string | null = null;
    if (t.table && t.column) {
      const [row] = await writeTarget(`SELECT max(${quoteIdent(t.column)})::text AS "max" FROM ${qualified(t.table)}`);
      maxValue = typeof row?.max === 'string' ? row.max : null;
    }
    const candidates = [sourceValue, maxValue].filter((v): v is string => v !== null).map((v) => BigInt(v));
    if (!candidates.length) continue; // never used: stays at its start
    const value = candidates.reduce((a, b) => (b > a ? b : a));
    await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [qualified(seq.sequence), value.toString()]);
    sequences.push({ sequence: seq.sequence, value: value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString() });
  }
  return { tables, sequences };
}

/** A batch INSERT with one parameter per value, cast to the target column's type. */
function makeInsert(table: string, columns: Column[], identity: boolean): (client: pg.PoolClient, rows: (string | null)[][]) => Promise<number> {
  const head = `INSERT INTO ${qualified(table)} (${columns.map((c) => quoteIdent(c.column)).join(', ')})${identity ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES `;
  return async (client, rows) => {
    if (!rows.length) return 0;
    if (!columns.length) {
      // A table without insertable columns: one DEFAULT row per source row.
      for (let i = 0; i < rows.length; i++) await client.query(`INSERT INTO ${qualified(table)} DEFAULT VALUES`);
      return rows.length;
    }
    const params: (string | null)[] = [];
    const tuples = rows.map((row) => {
      const cells = columns.map((c, i) => {
        params.push(row[i] ?? null);
        return `$${params.length}::${c.type}`;
      });
      return `(${cells.join(', ')})`;
    });
    const result = await client.query(head + tuples.join(', '), params);
    return result.rowCount ?? rows.length;
  };
}
