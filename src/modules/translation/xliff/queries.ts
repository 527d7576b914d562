import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { accounts } from '../../../platform/schema.js';
import { xliffImports } from '../../guide/schema.js';

export type XliffImportRow = typeof xliffImports.$inferSelect;
export type XliffReportRow = XliffImportRow['report'][number];
export type XliffImportListItem = Omit<XliffImportRow, 'report'> & { createdByName: string | null };

export async function insertXliffImport(db: Db, values: typeof xliffImports.$inferInsert): Promise<XliffImportRow> {
  const [row] = await db.insert(xliffImports).values(values).returning();
  if (!row) throw new Error('insert xliff_imports returned nothing');
  return row;
}

/** Imports of a region, newest first, without their reports. */
export async function listXliffImportsOfRegion(db: Db, regionId: string, limit = 50): Promise<XliffImportListItem[]> {
  return db
    .select({
      id: xliffImports.id,
      regionId: xliffImports.regionId,
      filename: xliffImports.filename,
      version: xliffImports.version,
      targetLanguage: xliffImports.targetLanguage,
      applied: xliffImports.applied,
      refused: xliffImports.refused,
      createdBy: xliffImports.createdBy,
      createdAt: xliffImports.createdAt,
      createdByName: accounts.name,
    })
    .from(xliffImports)
    .leftJoin(accounts, eq(accounts.id, xliffImports.createdBy))
    .where(eq(xliffImports.regionId, regionId))
    .orderBy(desc(xliffImports.createdAt))
    .limit(limit);
}

export async function findXliffImport(db: Db, regionId: string, id: string): Promise<(XliffImportRow & { createdByName: string | null }) | undefined> {
  const [row] = await db
    .select({ row: xliffImports, createdByName: accounts.name })
    .from(xliffImports)
    .leftJoin(accounts, eq(accounts.id, xliffImports.createdBy))
    .where(and(eq(xliffImports.regionId, regionId), eq(xliffImports.id, id)));
  return row ? { ...row.row, createdByName: row.createdByName } : undefined;
}
