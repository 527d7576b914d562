/**
 * Spreadsheet downloads (audit log, translation coverage): cells made safe against formula injection, UTF-8 with
 * BOM and CRLF line ends so spreadsheet programs open them correctly, sent as a private attachment.
 */
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/**
 * A cell as spreadsheets will not execute it: text starting with = + - @ (or a tab / carriage return, which some
 * programs strip first) gets a leading apostrophe (OWASP "CSV injection").
 */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows as CSV, every cell through csvSafe (UTF-8 with BOM so spreadsheet programs detect the encoding). */
export function toCsv(rows: string[][]): string {
  return stringify(
    rows.map((r) => r.map(csvSafe)),
    { bom: true, record_delimiter: 'windows' },
  );
}

/** Sends CSV as a download named `<name>-<YYYY-MM-DD>.csv`, never cached. */
export function sendCsv(reply: FastifyReply, name: string, csv: string): FastifyReply {
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${day}.csv"`)
    .header('cache-control', 'private, no-store')
    .send(csv);
}
