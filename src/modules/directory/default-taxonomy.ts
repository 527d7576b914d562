/**
 * The default category tree for integration work, given to every region the first time its directory is used;
 * regions edit it like any other data. Codes are stable: demo data, guide embeds (`services:category=…`) and imports
 * refer to them. Names are German (the usual source language) with translations into the languages newcomers in
 * Germany read most, in the words of German integration work (names of offices stay recognisable, e.g. "Jobcenter").
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../../platform/schema.js';
import { dirTaxonomies, dirTaxonomyTerms, dirTranslations } from './schema.js';

/** The languages every default term has a name in. */
export const DEFAULT_TERM_LANGUAGES = ['de', 'de-x-ls', 'en', 'ar', 'uk', 'fa', 'tr', 'ru'] as const;
export type DefaultTermLanguage = (typeof DEFAULT_TERM_LANGUAGES)[number];

export type DefaultTerm = { code: string; names: Record<DefaultTermLanguage, string>; icon?: string; children?: DefaultTerm[] };

export const DEFAULT_TAXONOMY_NAME = 'Wegweiser Integration';

export const DEFAULT_TERMS: DefaultTerm[] = [
  {
    code: 'counselling',
    names: { de: 'Beratung', 'de-x-ls': 'Beratung', en: 'Counselling', ar: 'الاستشارات', uk: 'Консультації', fa: 'مشاوره', tr: 'Danışmanlık', ru: 'Консультации' },
    icon: 'counselling',
    children: [
      {
        code: 'migration-counselling',
        names: {
          de: 'Migrationsberatung für Erwachsene',
          'de-x-ls': 'Migrations-Beratung für Erwachsene',
          en: 'Migration counselling for adults',
          ar: 'استشارات الهجرة للبالغين',
          uk: 'Міграційна консультація для дорослих',
          fa: 'مشاوره مهاجرت برای بزرگسالان',
          tr: 'Yetişkinler için göç danışmanlığı',
          ru: 'Миграционная консультация для взрослых',
        },
      },
      {
        code: 'youth-migration-service',
        names: {
          de: 'Jugendmigrationsdienst',
          'de-x-ls': 'Migrations-Beratung für junge Menschen',
          en: 'Youth migration service',
          ar: 'خدمة هجرة الشباب',
          uk: 'Молодіжна міграційна служба',
          fa: 'خدمات مهاجرت جوانان',
          tr: 'Gençlik Göç Servisi',
          ru: 'Молодёжная миграционная служба',
        },
      },
      {
        code: 'refugee-counselling',
        names: { de: 'Flüchtlingsberatung', 'de-x-ls': 'Beratung für Geflüchtete', en: 'Refugee counselling', ar: 'استشارات اللاجئين', uk: 'Консультації для біженців', fa: 'مشاوره پناهندگان', tr: 'Mülteci danışmanlığı', ru: 'Консультации для беженцев' },
      },
      {
        code: 'women-counselling',
        names: { de: 'Frauenberatung', 'de-x-ls': 'Beratung für Frauen', en: "Women's counselling", ar: 'استشارات للنساء', uk: 'Консультації для жінок', fa: 'مشاوره زنان', tr: 'Kadınlar için danışmanlık', ru: 'Консультации для женщин' },
      },
      {
        code: 'legal-advice',
        names: { de: 'Rechtsberatung', 'de-x-ls': 'Beratung bei Rechts-Fragen', en: 'Legal advice', ar: 'استشارات قانونية', uk: 'Юридична консультація', fa: 'مشاوره حقوقی', tr: 'Hukuki danışmanlık', ru: 'Юридическая консультация' },
      },
      {
        code: 'recognition-counselling',
        names: {
          de: 'Anerkennungsberatung',
          'de-x-ls': 'Anerkennung von Zeugnissen aus dem Ausland',
          en: 'Recognition of qualifications',
          ar: 'الاعتراف بالشهادات الأجنبية',
          uk: 'Визнання іноземних кваліфікацій',
          fa: 'به رسمیت شناختن مدارک خارجی',
          tr: 'Yabancı diplomaların denkliği',
          ru: 'Признание иностранных дипломов',
        },
      },
      {
        code: 'debt-counselling',
        names: { de: 'Schuldnerberatung', 'de-x-ls': 'Beratung bei Schulden', en: 'Debt counselling', ar: 'استشارات الديون', uk: 'Консультації з питань боргів', fa: 'مشاوره بدهی', tr: 'Borç danışmanlığı', ru: 'Консультации по долгам' },
      },
    ],
  },
  {
    code: 'authorities',
    names: { de: 'Ämter und Behörden', 'de-x-ls': 'Ämter', en: 'Authorities', ar: 'الدوائر الحكومية', uk: 'Установи та відомства', fa: 'ادارات دولتی', tr: 'Resmi daireler', ru: 'Ведомства и учреждения' },
    icon: 'residence',
    children: [
      {
        code: 'immigration-office',
        names: { de: 'Ausländerbehörde', 'de-x-ls': 'Ausländer-Behörde', en: 'Immigration office', ar: 'دائرة الأجانب', uk: 'Відомство у справах іноземців', fa: 'اداره اتباع خارجی', tr: 'Yabancılar Dairesi', ru: 'Ведомство по делам иностранцев' },
      },
      {
        code: 'jobcenter',
        names: {
          de: 'Jobcenter und Agentur für Arbeit',
          'de-x-ls': 'Jobcenter und Agentur für Arbeit',
          en: 'Jobcenter and employment agency',
          ar: 'Jobcenter (مركز العمل) ووكالة العمل',
          uk: 'Jobcenter (центр зайнятості) та Агентство з праці',
          fa: 'Jobcenter (مرکز کاریابی) و آژانس کار',
          tr: 'Jobcenter ve İş Ajansı',
          ru: 'Jobcenter (центр занятости) и Агентство по труду',
        },
      },
      {
        code: 'registration-office',
        names: { de: 'Bürgerbüro', 'de-x-ls': 'Bürger-Büro', en: "Citizens' office", ar: 'مكتب المواطنين', uk: 'Бюро громадян', fa: 'دفتر شهروندان', tr: 'Vatandaş Bürosu', ru: 'Бюро граждан' },
      },
      {
        code: 'integration-office',
        names: { de: 'Integrationsbüro', 'de-x-ls': 'Integrations-Büro', en: 'Integration office', ar: 'مكتب الاندماج', uk: 'Бюро інтеграції', fa: 'دفتر ادغام', tr: 'Entegrasyon Bürosu', ru: 'Бюро интеграции' },
      },
    ],
  },
  {
    code: 'language',
    names: { de: 'Sprache', 'de-x-ls': 'Sprache', en: 'Language', ar: 'اللغة', uk: 'Мова', fa: 'زبان', tr: 'Dil', ru: 'Язык' },
    icon: 'language',
    children: [
      {
        code: 'integration-course',
        names: { de: 'Integrationskurs', 'de-x-ls': 'Integrations-Kurs', en: 'Integration course', ar: 'دورة الاندماج', uk: 'Інтеграційний курс', fa: 'دوره ادغام', tr: 'Uyum kursu', ru: 'Интеграционный курс' },
      },
      {
        code: 'language-course',
        names: {
          de: 'Sprachkurs und Sprachcafé',
          'de-x-ls': 'Sprach-Kurs und Sprach-Café',
          en: 'Language course and language café',
          ar: 'دورات اللغة ومقهى اللغة',
          uk: 'Мовні курси та мовне кафе',
          fa: 'کلاس زبان و کافه زبان',
          tr: 'Dil kursu ve dil kafesi',
          ru: 'Языковые курсы и языковое кафе',
        },
      },
      {
        code: 'language-mediation',
        names: { de: 'Sprachmittlung', 'de-x-ls': 'Sprach-Mittler: Hilfe beim Übersetzen', en: 'Language mediation', ar: 'الوساطة اللغوية', uk: 'Мовне посередництво', fa: 'میانجی‌گری زبانی', tr: 'Dil aracılığı', ru: 'Языковое посредничество' },
      },
    ],
  },
  {
    code: 'work',
    names: { de: 'Arbeit und Ausbildung', 'de-x-ls': 'Arbeit und Ausbildung', en: 'Work and training', ar: 'العمل والتدريب المهني', uk: 'Робота та професійне навчання', fa: 'کار و آموزش حرفه‌ای', tr: 'İş ve meslek eğitimi', ru: 'Работа и профессиональное обучение' },
    icon: 'work',
    children: [
      {
        code: 'job-counselling',
        names: { de: 'Berufsberatung', 'de-x-ls': 'Beratung zum Beruf', en: 'Career counselling', ar: 'الإرشاد المهني', uk: 'Консультації з вибору професії', fa: 'مشاوره شغلی', tr: 'Meslek danışmanlığı', ru: 'Консультации по выбору профессии' },
      },
      {
        code: 'apprenticeship',
        names: {
          de: 'Ausbildung',
          'de-x-ls': 'Ausbildung',
          en: 'Apprenticeship',
          ar: 'التدريب المهني (Ausbildung)',
          uk: 'Професійне навчання (Ausbildung)',
          fa: 'آموزش حرفه‌ای (Ausbildung)',
          tr: 'Meslek eğitimi (Ausbildung)',
          ru: 'Профессиональное обучение (Ausbildung)',
        },
      },
    ],
  },
  {
    code: 'health',
    names: { de: 'Gesundheit', 'de-x-ls': 'Gesundheit', en: 'Health', ar: 'الصحة', uk: 'Здоров’я', fa: 'سلامت', tr: 'Sağlık', ru: 'Здоровье' },
    icon: 'health',
    children: [
      { code: 'doctors', names: { de: 'Ärztinnen und Ärzte', 'de-x-ls': 'Ärztinnen und Ärzte', en: 'Doctors', ar: 'الأطباء', uk: 'Лікарі', fa: 'پزشکان', tr: 'Doktorlar', ru: 'Врачи' } },
      {
        code: 'psychosocial',
        names: { de: 'Psychosoziale Hilfe', 'de-x-ls': 'Hilfe für die Seele', en: 'Psychosocial help', ar: 'الدعم النفسي والاجتماعي', uk: 'Психосоціальна допомога', fa: 'حمایت روانی-اجتماعی', tr: 'Psikososyal destek', ru: 'Психосоциальная помощь' },
      },
      {
        code: 'health-office',
        names: { de: 'Gesundheitsamt', 'de-x-ls': 'Gesundheits-Amt', en: 'Public health office', ar: 'دائرة الصحة', uk: 'Відомство охорони здоров’я', fa: 'اداره بهداشت', tr: 'Sağlık Dairesi', ru: 'Ведомство здравоохранения' },
      },
    ],
  },
  {
    code: 'family',
    names: { de: 'Familie und Kinder', 'de-x-ls': 'Familie und Kinder', en: 'Family and children', ar: 'الأسرة والأطفال', uk: 'Сім’я та діти', fa: 'خانواده و کودکان', tr: 'Aile ve çocuklar', ru: 'Семья и дети' },
    icon: 'family',
    children: [
      {
        code: 'child-care',
        names: { de: 'Kinderbetreuung', 'de-x-ls': 'Betreuung für Kinder', en: 'Child care', ar: 'رعاية الأطفال', uk: 'Догляд за дітьми', fa: 'نگهداری از کودکان', tr: 'Çocuk bakımı', ru: 'Присмотр за детьми' },
      },
      { code: 'schools', names: { de: 'Schule', 'de-x-ls': 'Schule', en: 'School', ar: 'المدرسة', uk: 'Школа', fa: 'مدرسه', tr: 'Okul', ru: 'Школа' } },
      {
        code: 'family-counselling',
        names: { de: 'Familienberatung', 'de-x-ls': 'Beratung für Familien', en: 'Family counselling', ar: 'استشارات أسرية', uk: 'Консультації для сімей', fa: 'مشاوره خانواده', tr: 'Aile danışmanlığı', ru: 'Консультации для семей' },
      },
    ],
  },
  { code: 'housing', names: { de: 'Wohnen', 'de-x-ls': 'Wohnen', en: 'Housing', ar: 'السكن', uk: 'Житло', fa: 'مسکن', tr: 'Konut', ru: 'Жильё' }, icon: 'housing' },
  {
    code: 'leisure',
    names: { de: 'Freizeit und Begegnung', 'de-x-ls': 'Freizeit und Treffen', en: 'Leisure and meeting people', ar: 'أوقات الفراغ واللقاءات', uk: 'Дозвілля та зустрічі', fa: 'اوقات فراغت و دیدار', tr: 'Boş zaman ve buluşma', ru: 'Досуг и встречи' },
    icon: 'community',
    children: [
      { code: 'sports-clubs', names: { de: 'Sportvereine', 'de-x-ls': 'Sport-Vereine', en: 'Sports clubs', ar: 'الأندية الرياضية', uk: 'Спортивні клуби', fa: 'باشگاه‌های ورزشی', tr: 'Spor kulüpleri', ru: 'Спортивные клубы' } },
      { code: 'meeting-places', names: { de: 'Begegnungsorte', 'de-x-ls': 'Orte zum Treffen', en: 'Meeting places', ar: 'أماكن اللقاء', uk: 'Місця зустрічей', fa: 'مکان‌های دیدار', tr: 'Buluşma yerleri', ru: 'Места встреч' } },
      {
        code: 'migrant-organisations',
        names: { de: 'Migrantenorganisationen', 'de-x-ls': 'Vereine von Migranten', en: 'Migrant organisations', ar: 'جمعيات المهاجرين', uk: 'Організації мігрантів', fa: 'انجمن‌های مهاجران', tr: 'Göçmen dernekleri', ru: 'Организации мигрантов' },
      },
    ],
  },
  {
    code: 'volunteering',
    names: {
      de: 'Ehrenamt und Patenschaften',
      'de-x-ls': 'Ehren-Amt und Paten',
      en: 'Volunteering and mentoring',
      ar: 'العمل التطوعي وبرامج المرافقة',
      uk: 'Волонтерство та наставництво',
      fa: 'کار داوطلبانه و برنامه‌های همراهی',
      tr: 'Gönüllülük ve mentorluk',
      ru: 'Волонтёрство и наставничество',
    },
    icon: 'help',
  },
  {
    code: 'emergency',
    names: { de: 'Notfall und Schutz', 'de-x-ls': 'Notfall und Schutz', en: 'Emergency and protection', ar: 'الطوارئ والحماية', uk: 'Екстрена допомога та захист', fa: 'موارد اضطراری و حمایت', tr: 'Acil durum ve koruma', ru: 'Экстренная помощь и защита' },
    icon: 'emergency',
  },
];

/** Every default term flattened, parents before children. */
export function flattenDefaultTerms(terms = DEFAULT_TERMS, parent: string | null = null): (DefaultTerm & { parentCode: string | null })[] {
  return terms.flatMap((t) => [{ ...t, parentCode: parent }, ...flattenDefaultTerms(t.children ?? [], t.code)]);
}

type TaxonomyRegion = { id: string; sourceLanguage: string; languages?: readonly string[] };
type TranslationInsert = typeof dirTranslations.$inferInsert;

function isDefaultTermLanguage(language: string): language is DefaultTermLanguage {
  return (DEFAULT_TERM_LANGUAGES as readonly string[]).includes(language);
}

/** A default term's name in the region's source language; German when we have no name in that language. */
function sourceName(term: DefaultTerm, sourceLanguage: string): string {
  return isDefaultTermLanguage(sourceLanguage) ? term.names[sourceLanguage] : term.names.de;
}

/**
 * The languages a region's default terms get translations in: the region's languages we have names in, never the
 * source language. English always, as it always was: a region that adds English later has English categories at once.
 */
export function defaultTermTranslationLanguages(region: { sourceLanguage: string; languages: readonly string[] }): DefaultTermLanguage[] {
  const sourceNamesIn = isDefaultTermLanguage(region.sourceLanguage) ? region.sourceLanguage : 'de';
  return DEFAULT_TERM_LANGUAGES.filter((l) => l !== region.sourceLanguage && l !== sourceNamesIn && (l === 'en' || region.languages.includes(l)));
}

function translationRow(regionId: string, entityId: string, term: DefaultTerm, language: DefaultTermLanguage, majorRevision: number): TranslationInsert {
  // Written by people (us), in step with the term's text: up to date, not machine output.
  return { regionId, kind: 'taxonomy_term', entityId, language, fields: { name: term.names[language] }, sourceRevision: majorRevision, machineProvider: null };
}

async function insertTranslations(tx: Db, rows: TranslationInsert[]): Promise<void> {
  if (!rows.length) return;
  // Never overwrite: a translation that exists is the region's (edited or not).
  await tx
    .insert(dirTranslations)
    .values(rows)
    .onConflictDoNothing({ target: [dirTranslations.kind, dirTranslations.entityId, dirTranslations.language] });
}

/**
 * Adds the translations a region lacks to the default terms it still has as we wrote them (same code, source name
 * and no description of its own). A term the region renamed or described keeps exactly the translations it has.
 */
async function addMissingTranslations(tx: Db, region: TaxonomyRegion, taxonomyId: string, languages: DefaultTermLanguage[]): Promise<void> {
  if (!languages.length) return;
  const defaults = new Map(flattenDefaultTerms().map((t) => [t.code, t]));
  const terms = await tx
    .select({ id: dirTaxonomyTerms.id, code: dirTaxonomyTerms.code, name: dirTaxonomyTerms.name, description: dirTaxonomyTerms.description, majorRevision: dirTaxonomyTerms.majorRevision })
    .from(dirTaxonomyTerms)
    .where(and(eq(dirTaxonomyTerms.regionId, region.id), eq(dirTaxonomyTerms.taxonomyId, taxonomyId)));
  const rows: TranslationInsert[] = [];
  for (const term of terms) {
    const known = defaults.get(term.code);
    if (!known || term.name !== sourceName(known, region.sourceLanguage) || term.description !== '') continue;
    for (const language of languages) rows.push(translationRow(region.id, term.id, known, language, term.majorRevision));
  }
  await insertTranslations(tx, rows);
}

/**
 * Creates the default taxonomy of a region when it has none yet, names in the region's source language (German when
 * we have none in it) and translations into its other languages (see defaultTermTranslationLanguages). Called again,
 * it adds only the translations that are missing on terms the region has not changed. Returns the taxonomy's id.
 */
export async function ensureDefaultTaxonomy(tx: Db, region: TaxonomyRegion): Promise<string> {
  const regionLanguages = region.languages ?? (await tx.select({ languages: regions.languages }).from(regions).where(eq(regions.id, region.id)))[0]?.languages ?? [];
  const languages = defaultTermTranslationLanguages({ sourceLanguage: region.sourceLanguage, languages: regionLanguages });
  const [existing] = await tx.select({ id: dirTaxonomies.id }).from(dirTaxonomies).where(and(eq(dirTaxonomies.regionId, region.id), eq(dirTaxonomies.name, DEFAULT_TAXONOMY_NAME)));
  if (existing) {
    await addMissingTranslations(tx, region, existing.id, languages);
    return existing.id;
  }
  const [taxonomy] = await tx
    .insert(dirTaxonomies)
    .values({ regionId: region.id, name: DEFAULT_TAXONOMY_NAME, description: 'Kategorien für Integrationsangebote / categories for integration services', version: '1' })
    .returning({ id: dirTaxonomies.id });
  if (!taxonomy) throw new Error('taxonomy insert returned nothing');
  const ids = new Map<string, string>();
  const translations: TranslationInsert[] = [];
  for (const [position, term] of flattenDefaultTerms().entries()) {
    const [row] = await tx
      .insert(dirTaxonomyTerms)
      .values({
        regionId: region.id,
        taxonomyId: taxonomy.id,
        parentId: term.parentCode ? (ids.get(term.parentCode) ?? null) : null,
        code: term.code,
        name: sourceName(term, region.sourceLanguage),
        icon: term.icon ?? null,
        position,
      })
      .returning({ id: dirTaxonomyTerms.id, majorRevision: dirTaxonomyTerms.majorRevision });
    if (!row) throw new Error('term insert returned nothing');
    ids.set(term.code, row.id);
    for (const language of languages) translations.push(translationRow(region.id, row.id, term, language, row.majorRevision));
  }
  await insertTranslations(tx, translations);
  return taxonomy.id;
}
