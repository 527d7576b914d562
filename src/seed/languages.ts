import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { languages } from '../platform/schema.js';
import { KNOWN_LANGUAGES, UI_LANGUAGES } from '../platform/i18n/languages.js';

/** Makes sure every known language exists (idempotent; runs on every start). */
export async function ensureLanguages(db: Db): Promise<void> {
  await db
    .insert(languages)
    .values(
      KNOWN_LANGUAGES.map((l) => ({
        code: l.code,
        nativeName: l.nativeName,
        englishName: l.englishName,
        direction: l.direction,
        hasUiCatalog: (UI_LANGUAGES as readonly string[]).includes(l.code),
      })),
    )
    .onConflictDoUpdate({ target: languages.code, set: { hasUiCatalog: sql`excluded.has_ui_catalog` } });
}
