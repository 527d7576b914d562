/**
 * The default category tree for integration work (German source names, English translations), given to every
 * region the first time its directory is used; regions edit it like any other data. Codes are stable: demo data,
 * guide embeds (`services:category=…`) and imports refer to them.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dirTaxonomies, dirTaxonomyTerms, dirTranslations } from './schema.js';

export type DefaultTerm = { code: string; de: string; en: string; icon?: string; children?: DefaultTerm[] };

export const DEFAULT_TAXONOMY_NAME = 'Wegweiser Integration';

export const DEFAULT_TERMS: DefaultTerm[] = [
  {
    code: 'counselling',
    de: 'Beratung',
    en: 'Counselling',
    icon: 'counselling',
    children: [
      { code: 'migration-counselling', de: 'Migrationsberatung für Erwachsene', en: 'Migration counselling for adults' },
      { code: 'youth-migration-service', de: 'Jugendmigrationsdienst', en: 'Youth migration service' },
      { code: 'refugee-counselling', de: 'Flüchtlingsberatung', en: 'Refugee counselling' },
      { code: 'women-counselling', de: 'Frauenberatung', en: "Women's counselling" },
      { code: 'legal-advice', de: 'Rechtsberatung', en: 'Legal advice' },
      { code: 'recognition-counselling', de: 'Anerkennungsberatung', en: 'Recognition of qualifications' },
      { code: 'debt-counselling', de: 'Schuldnerberatung', en: 'Debt counselling' },
    ],
  },
  {
    code: 'authorities',
    de: 'Ämter und Behörden',
    en: 'Authorities',
    icon: 'residence',
    children: [
      { code: 'immigration-office', de: 'Ausländerbehörde', en: 'Immigration office' },
      { code: 'jobcenter', de: 'Jobcenter und Agentur für Arbeit', en: 'Jobcenter and employment agency' },
      { code: 'registration-office', de: 'Bürgerbüro', en: "Citizens' office" },
      { code: 'integration-office', de: 'Integrationsbüro', en: 'Integration office' },
    ],
  },
  {
    code: 'language',
    de: 'Sprache',
    en: 'Language',
    icon: 'language',
    children: [
      { code: 'integration-course', de: 'Integrationskurs', en: 'Integration course' },
      { code: 'language-course', de: 'Sprachkurs und Sprachcafé', en: 'Language course and language café' },
      { code: 'language-mediation', de: 'Sprachmittlung', en: 'Language mediation' },
    ],
  },
  {
    code: 'work',
    de: 'Arbeit und Ausbildung',
    en: 'Work and training',
    icon: 'work',
    children: [
      { code: 'job-counselling', de: 'Berufsberatung', en: 'Career counselling' },
      { code: 'apprenticeship', de: 'Ausbildung', en: 'Apprenticeship' },
    ],
  },
  {
    code: 'health',
    de: 'Gesundheit',
    en: 'Health',
    icon: 'health',
    children: [
      { code: 'doctors', de: 'Ärztinnen und Ärzte', en: 'Doctors' },
      { code: 'psychosocial', de: 'Psychosoziale Hilfe', en: 'Psychosocial help' },
      { code: 'health-office', de: 'Gesundheitsamt', en: 'Public health office' },
    ],
  },
  {
    code: 'family',
    de: 'Familie und Kinder',
    en: 'Family and children',
    icon: 'family',
    children: [
      { code: 'child-care', de: 'Kinderbetreuung', en: 'Child care' },
      { code: 'schools', de: 'Schule', en: 'School' },
      { code: 'family-counselling', de: 'Familienberatung', en: 'Family counselling' },
    ],
  },
  { code: 'housing', de: 'Wohnen', en: 'Housing', icon: 'housing' },
  {
    code: 'leisure',
    de: 'Freizeit und Begegnung',
    en: 'Leisure and meeting people',
    icon: 'community',
    children: [
      { code: 'sports-clubs', de: 'Sportvereine', en: 'Sports clubs' },
      { code: 'meeting-places', de: 'Begegnungsorte', en: 'Meeting places' },
      { code: 'migrant-organisations', de: 'Migrantenorganisationen', en: 'Migrant organisations' },
    ],
  },
  { code: 'volunteering', de: 'Ehrenamt und Patenschaften', en: 'Volunteering and mentoring', icon: 'help' },
  { code: 'emergency', de: 'Notfall und Schutz', en: 'Emergency and protection', icon: 'emergency' },
];

/** Every default term flattened, parents before children. */
export function flattenDefaultTerms(terms = DEFAULT_TERMS, parent: string | null = null): (DefaultTerm & { parentCode: string | null })[] {
  return terms.flatMap((t) => [{ ...t, parentCode: parent }, ...flattenDefaultTerms(t.children ?? [], t.code)]);
}

/**
 * Creates the default taxonomy of a region when it has none yet (idempotent); English names as translations when
 * the region's source language is German. Returns the taxonomy's id.
 */
export async function ensureDefaultTaxonomy(tx: Db, region: { id: string; sourceLanguage: string }): Promise<string> {
  const [existing] = await tx.select({ id: dirTaxonomies.id }).from(dirTaxonomies).where(and(eq(dirTaxonomies.regionId, region.id), eq(dirTaxonomies.name, DEFAULT_TAXONOMY_NAME)));
  if (existing) return existing.id;
  const [taxonomy] = await tx
    .insert(dirTaxonomies)
    .values({ regionId: region.id, name: DEFAULT_TAXONOMY_NAME, description: 'Kategorien für Integrationsangebote / categories for integration services', version: '1' })
    .returning({ id: dirTaxonomies.id });
  if (!taxonomy) throw new Error('taxonomy insert returned nothing');
  const ids = new Map<string, string>();
  for (const [position, term] of flattenDefaultTerms().entries()) {
    const english = region.sourceLanguage === 'en';
    const [row] = await tx
      .insert(dirTaxonomyTerms)
      .values({
        regionId: region.id,
        taxonomyId: taxonomy.id,
        parentId: term.parentCode ? (ids.get(term.parentCode) ?? null) : null,
        code: term.code,
        name: english ? term.en : term.de,
        icon: term.icon ?? null,
        position,
      })
      .returning({ id: dirTaxonomyTerms.id });
    if (!row) throw new Error('term insert returned nothing');
    ids.set(term.code, row.id);
    if (!english) await tx.insert(dirTranslations).values({ regionId: region.id, kind: 'taxonomy_term', entityId: row.id, language: 'en', fields: { name: term.en }, sourceRevision: 1 });
  }
  return taxonomy.id;
}
