/**
 * Explained matching: for one request, every active mediator of the pool who speaks the language is either ranked
 * (with a score and the points behind it) or excluded (with every reason). The coordinator sees both lists, so no
 * ranking is a black box. Mediators who don't speak the language are not listed at all.
 *
 * Two set-based statements for the candidates only, never one query per mediator: the first finds who speaks the
 * language with what decides eligibility (weekly availability on that weekday, absences that day, assignments around
 * the appointment plus travel buffer, offers for this request); the second, for the eligible only, what orders them
 * (assigned minutes since 90 days ago, recent declines). The rules themselves are plain TypeScript below.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { utcToZonedLocal } from '../../platform/time/zoned-time.js';
import { coversSlot, formatRanges, localSlot, type LocalSlot } from './availability.js';
import type { PoolContext } from './context.js';
import type { Gender, LanguageLevel, OfferStatus, QualificationKind, requests, Setting } from './schema.js';

export type RequestRow = typeof requests.$inferSelect;
/** One line of an explanation: a catalog key with its parameters, and the points it adds (ranked) if any. */
export type Reason = { key: string; params?: Record<string, string | number>; points?: number };
export type MatchedMediator = { id: string; firstName: string; lastName: string; gender: Gender; city: string };
export type RankedMediator = { mediator: MatchedMediator; score: number; reasons: Reason[]; distanceKm: number | null; recentMinutes: number };
export type ExcludedMediator = { mediator: MatchedMediator; reasons: Reason[] };
export type Ranking = { ranked: RankedMediator[]; excluded: ExcludedMediator[] };

const NS = 'sprachpool-matching';
const key = (k: string) => `${NS}.${k}`;

/** The points of each score component (exported so tests and the help text agree with the code). */
export const SCORE = {
  level: { native: 30, C2: 25, C1: 20, B2: 12, B1: 6, A2: 2, A1: 0 } satisfies Record<LanguageLevel, number>,
  dialectExact: 15,
  /** On-site: this many points at 0 km, falling linearly to 0 at `distanceSpanKm`. */
  distanceMax: 20,
  distanceSpanKm: 40,
  genderMet: 10,
  genderNotMet: -30,
  /** Fair distribution: minus one point per full 30 assigned minutes since 90 days ago (booked ones included), at most this many. */
  recentMinutesPerPoint: 30,
  recentMax: 40,
  /** Per offer declined or left to expire in the last 30 days, at most `declineMax`. */
  decline: -8,
  declineMax: -32,
  qualification: 10,
} as const;

export const RECENT_DAYS = 90;
export const DECLINE_DAYS = 30;

/** The qualification kind that fits a setting best (a bonus in the ranking; required ones come from the settings). */
export const SETTING_QUALIFICATION: Record<Setting, QualificationKind | null> = {
  school: 'school',
  day_care: 'school',
  counselling: 'psychosocial',
  health: 'health',
  authority: 'authority',
  psychosocial: 'psychosocial',
  court: 'sworn_interpreter',
  police: 'sworn_interpreter',
  other: null,
};

const DAY_MS = 86_400_000;

/** Great-circle distance in km between two points (haversine). */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Point = { lat: number | null; lon: number | null };
const distance = (a: Point, b: Point): number | null =>
  a.lat === null || a.lon === null || b.lat === null || b.lon === null ? null : Math.round(haversineKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) * 10) / 10;

/** A candidate as the statement returns it (a JSON array, in this order). */
type CandidateTuple = [
  id: string,
  firstName: string,
  lastName: string,
  gender: Gender,
  city: string,
  modes: string[],
  lat: number | null,
  lon: number | null,
  maxTravelKm: number,
  qualificationKinds: QualificationKind[],
  confidentialitySignedOn: string | null,
  confidentialityExpiresOn: string | null,
  policeClearanceIssuedOn: string | null,
  policeClearanceExpiresOn: string | null,
  /** One row per dialect the mediator speaks the language in. */
  dialect: string,
  level: LanguageLevel,
];
type Booking = { startsAt: Date; endsAt: Date; place: string; lat: number | null; lon: number | null };

/**
 * The first statement's one row. Lists come aggregated to JSON: one value to parse instead of thousands of typed
 * cells (on PGlite that decoding, not the query, was most of the time).
 */
type CandidatesRow = {
  candidates: CandidateTuple[] | null;
  weekly: [string, number, number][] | null;
  away: [string, string, string][] | null;
  booked: [string, string, string, string, number | null, number | null][] | null;
  offers: [string, OfferStatus][] | null;
};
type HistoryRow = { recent: [string, number][] | null; declines: [string, number][] | null };

function groupBy<R extends [string, ...unknown[]], T>(list: R[] | null | undefined, map: (row: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of list ?? []) {
    const item = map(r);
    const found = out.get(r[0]);
    if (found) found.push(item);
    else out.set(r[0], [item]);
  }
  return out;
}

/**
 * What decides eligibility, in one statement: the active mediators of the region who speak the language (with their
 * rows for it), and for just those — `mediator_id = ANY(…)`, an index probe each — their weekly entries for the
 * weekday, absences that day, assignments around the appointment (travel buffer included), and their offers for this
 * request.
 */
async function loadCandidates(db: Db, ctx: PoolContext, request: RequestRow, slot: LocalSlot) {
  const [row] = rowsOf<CandidatesRow>(await db.execute(candidatesStatement(ctx, request, slot)));
  return {
    candidates: row?.candidates ?? [],
    weekly: groupBy(row?.weekly, ([, startMinute, endMinute]) => ({ startMinute, endMinute })),
    away: groupBy(row?.away, ([, fromDate, toDate]) => ({ fromDate, toDate })),
    booked: groupBy(row?.booked, ([, startsAt, endsAt, place, lat, lon]): Booking => ({ startsAt: new Date(startsAt), endsAt: new Date(endsAt), place, lat, lon })),
    offers: new Map(row?.offers ?? []),
  };
}

/** The first statement (exported so bench/sprachpool.ts can print its plan). */
export function candidatesStatement(ctx: PoolContext, request: RequestRow, slot: LocalSlot): SQL {
  const buffer = request.mode === 'on_site' ? ctx.settings.travelBufferMinutes * 60_000 : 0;
  const from = new Date(request.startsAt.getTime() - buffer).toISOString();
  const to = new Date(request.endsAt.getTime() + buffer).toISOString();
  // A scalar array (the cast keeps ANY from reading the subquery as a set), so each lookup is an index probe per id.
  const ids = sql`(SELECT a FROM ids)::uuid[]`;
  return sql`
    WITH cand AS MATERIALIZED (
      SELECT m.id, m.first_name, m.last_name, m.gender, m.city, m.modes, m.lat, m.lon, m.max_travel_km, m.qualification_kinds,
        m.confidentiality_signed_on, m.confidentiality_expires_on, m.police_clearance_issued_on, m.police_clearance_expires_on, l.dialect, l.level
      FROM sp_mediator_languages l JOIN sp_mediators m ON m.id = l.mediator_id
      WHERE l.region_id = ${ctx.region.id} AND l.language = ${request.language} AND m.region_id = ${ctx.region.id} AND m.status = 'active'
    ),
    ids AS MATERIALIZED (SELECT coalesce(array_agg(DISTINCT id), '{}') AS a FROM cand)
    SELECT
      (SELECT json_agg(json_build_array(id, first_name, last_name, gender, city, modes, lat, lon, max_travel_km, qualification_kinds,
          confidentiality_signed_on, confidentiality_expires_on, police_clearance_issued_on, police_clearance_expires_on, dialect, level)) FROM cand) AS candidates,
      (SELECT json_agg(json_build_array(mediator_id, start_minute, end_minute)) FROM sp_availability
        WHERE mediator_id = ANY(${ids}) AND weekday = ${slot.weekday}) AS weekly,
      (SELECT json_agg(json_build_array(mediator_id, from_date, to_date)) FROM sp_absences
        WHERE mediator_id = ANY(${ids}) AND from_date <= ${slot.date}::date AND to_date >= ${slot.date}::date) AS away,
      -- Appointments last at most ten hours (sp_requests_duration_check), so a day before the window bounds the
      -- index range without missing one.
      (SELECT json_agg(json_build_array(a.mediator_id, a.starts_at, a.ends_at, coalesce(nullif(r.place_name, ''), g.name), r.lat, r.lon))
        FROM sp_assignments a JOIN sp_requests r ON r.id = a.request_id JOIN sp_agencies g ON g.id = r.agency_id
        WHERE a.mediator_id = ANY(${ids}) AND a.status IN ('active', 'done') AND a.request_id <> ${request.id}
          AND a.starts_at < ${to}::timestamptz AND a.starts_at > ${from}::timestamptz - interval '1 day' AND a.ends_at > ${from}::timestamptz) AS booked,
      (SELECT json_agg(json_build_array(mediator_id, status)) FROM sp_offers WHERE request_id = ${request.id}) AS offers
  `;
}

/**
 * What orders the eligible ones (only they need it): minutes of assignments since RECENT_DAYS ago (booked ones
 * included), and offers declined or left to expire in the last DECLINE_DAYS (other requests than this one).
 */
async function loadHistory(db: Db, request: RequestRow, ids: string[], now: Date): Promise<{ recent: Map<string, number>; declines: Map<string, number> }> {
  if (!ids.length) return { recent: new Map(), declines: new Map() };
  const recentSince = new Date(now.getTime() - RECENT_DAYS * DAY_MS).toISOString();
  const declineSince = new Date(now.getTime() - DECLINE_DAYS * DAY_MS).toISOString();
  const result = await db.execute(sql`
    WITH ids AS MATERIALIZED (SELECT ${sql.param(ids)}::uuid[] AS a)
    SELECT
      (SELECT json_agg(json_build_array(mediator_id, minutes)) FROM (
        SELECT mediator_id, round(sum(extract(epoch FROM ends_at - starts_at)) / 60)::int AS minutes FROM sp_assignments
        WHERE mediator_id = ANY((SELECT a FROM ids)::uuid[]) AND status IN ('active', 'done') AND starts_at >= ${recentSince}::timestamptz AND request_id <> ${request.id}
        GROUP BY mediator_id) x) AS recent,
      (SELECT json_agg(json_build_array(mediator_id, n)) FROM (
        SELECT mediator_id, count(*)::int AS n FROM sp_offers
        WHERE mediator_id = ANY((SELECT a FROM ids)::uuid[]) AND status IN ('declined', 'expired') AND created_at >= ${declineSince}::timestamptz AND request_id <> ${request.id}
        GROUP BY mediator_id) x) AS declines
  `);
  const [row] = rowsOf<HistoryRow>(result);
  return { recent: new Map(row?.recent ?? []), declines: new Map(row?.declines ?? []) };
}

/** Valid on the appointment's date: missing (neither date), expired before today, or running out before the day. */
function documentReason(kind: 'confidentiality' | 'police', present: boolean, expiresOn: string | null, day: string, today: string): Reason | null {
  if (!present) return { key: key(`excluded_${kind}_missing`) };
  if (expiresOn === null || expiresOn >= day) return null;
  return { key: key(expiresOn < today ? `excluded_${kind}_expired` : `excluded_${kind}_expires`), params: { date: expiresOn } };
}

type Eligible = { mediator: MatchedMediator; gender: Gender; qualificationKinds: QualificationKind[]; level: LanguageLevel; exactDialect: boolean; km: number | null; info: Reason[] };

/**
 * Ranks the active mediators of the pool who speak the request's language: eligible ones by score (each point
 * explained), the others with every reason they are not eligible. `now` is the reference for "recent".
 */
export async function rankMediators(db: Db, ctx: PoolContext, request: RequestRow, now: Date = new Date()): Promise<Ranking> {
  const timeZone = ctx.region.timezone;
  const slot = localSlot(request.startsAt, request.endsAt, timeZone);
  const today = utcToZonedLocal(now, timeZone).slice(0, 10);
  const facts = await loadCandidates(db, ctx, request, slot);
  const onSite = request.mode === 'on_site';
  const required = ctx.settings.requiredQualifications[request.setting] ?? null;
  const eligible: Eligible[] = [];
  const excluded: ExcludedMediator[] = [];

  // One tuple per language row: the mediator's first, with the dialects and levels of all.
  const spokenBy = groupBy(facts.candidates, (c) => ({ dialect: c[14], level: c[15] }));
  for (const [id, firstName, lastName, gender, city, modes, lat, lon, maxTravelKm, qualificationKinds, signedOn, confidentialityExpiresOn, issuedOn, policeExpiresOn] of facts.candidates) {
    const spokenRows = spokenBy.get(id);
    if (!spokenRows) continue;
    spokenBy.delete(id);
    const mediator: MatchedMediator = { id, firstName, lastName, gender, city };
    const out: Reason[] = [];
    const info: Reason[] = [];

    // Language and dialect: the exact dialect first, then "no particular dialect", else not eligible.
    const byLevel = [...spokenRows].sort((a, b) => SCORE.level[b.level] - SCORE.level[a.level]);
    const exact = request.dialect ? byLevel.find((s) => s.dialect === request.dialect) : undefined;
    const spoken = exact ?? (request.dialect ? byLevel.find((s) => s.dialect === '') : byLevel[0]);
    if (!spoken) out.push({ key: key('excluded_dialect'), params: { dialect: request.dialect, dialects: byLevel.map((s) => s.dialect).join(',') } });

    if (!modes.includes(request.mode)) out.push({ key: key('excluded_mode'), params: { mode: request.mode } });
    const confidentiality = documentReason('confidentiality', signedOn !== null || confidentialityExpiresOn !== null, confidentialityExpiresOn, slot.date, today);
    if (confidentiality) out.push(confidentiality);
    const police = documentReason('police', issuedOn !== null || policeExpiresOn !== null, policeExpiresOn, slot.date, today);
    if (police) out.push(police);
    if (required && !qualificationKinds.includes(required)) out.push({ key: key('excluded_qualification'), params: { qualification: required, setting: request.setting } });

    const weekly = facts.weekly.get(id) ?? [];
    if (!weekly.length) out.push({ key: key('excluded_no_availability'), params: { weekday: slot.weekday } });
    else if (!coversSlot(weekly, slot.startMinute, slot.endMinute)) out.push({ key: key('excluded_outside_hours'), params: { weekday: slot.weekday, available: formatRanges(weekly) } });
    for (const a of facts.away.get(id) ?? []) out.push({ key: key('excluded_absent'), params: { from: a.fromDate, to: a.toDate } });

    for (const b of facts.booked.get(id) ?? []) {
      const params = { time: `${utcToZonedLocal(b.startsAt, timeZone).slice(11, 16)}–${utcToZonedLocal(b.endsAt, timeZone).slice(11, 16)}`, place: b.place };
      const overlaps = b.startsAt < request.endsAt && b.endsAt > request.startsAt;
      const near = onSite ? distance(b, request) : null;
      if (!overlaps) out.push({ key: key('excluded_booked_buffer'), params: { ...params, minutes: ctx.settings.travelBufferMinutes } });
      else if (near !== null) out.push({ key: key('excluded_booked_near'), params: { ...params, km: near } });
      else out.push({ key: key('excluded_booked'), params });
    }

    const km = onSite ? distance({ lat, lon }, request) : null;
    if (km !== null && km > maxTravelKm) out.push({ key: key('excluded_too_far'), params: { km, max: maxTravelKm } });

    const offerStatus = facts.offers.get(id);
    if (offerStatus === 'declined') out.push({ key: key('excluded_declined') });
    else if (offerStatus === 'open') info.push({ key: key('info_offer_open') });
    else if (offerStatus) info.push({ key: key('info_offer_status'), params: { status: offerStatus } });

    if (out.length || !spoken) excluded.push({ mediator, reasons: [...out, ...info] });
    else eligible.push({ mediator, gender, qualificationKinds, level: spoken.level, exactDialect: exact !== undefined, km, info });
  }

  const history = await loadHistory(
    db,
    request,
    eligible.map((e) => e.mediator.id),
    now,
  );
  const bonusKind = required ?? SETTING_QUALIFICATION[request.setting];
  const ranked = eligible.map((e): RankedMediator => {
    // Every component of the score is a reason with its points.
    const reasons: Reason[] = [{ key: key('score_level'), params: { level: e.level }, points: SCORE.level[e.level] }];
    if (e.exactDialect) reasons.push({ key: key('score_dialect_exact'), params: { dialect: request.dialect }, points: SCORE.dialectExact });
    else if (request.dialect) reasons.push({ key: key('score_dialect_general'), params: { dialect: request.dialect } });
    if (onSite) {
      if (e.km === null) reasons.push({ key: key('score_distance_unknown') });
      else reasons.push({ key: key('score_distance'), params: { km: e.km }, points: Math.round(SCORE.distanceMax * (1 - Math.min(e.km, SCORE.distanceSpanKm) / SCORE.distanceSpanKm)) });
    }
    if (request.genderPreference !== 'none') {
      const met = e.gender === request.genderPreference;
      reasons.push({ key: key(met ? 'score_gender_met' : 'score_gender_not_met'), params: { preference: request.genderPreference }, points: met ? SCORE.genderMet : SCORE.genderNotMet });
    }
    if (bonusKind && e.qualificationKinds.includes(bonusKind)) reasons.push({ key: key('score_qualification'), params: { qualification: bonusKind }, points: SCORE.qualification });
    const recentMinutes = Number(history.recent.get(e.mediator.id) ?? 0);
    reasons.push({ key: key('score_recent_hours'), params: { hours: Math.round(recentMinutes / 6) / 10 }, points: 0 - Math.min(SCORE.recentMax, Math.floor(recentMinutes / SCORE.recentMinutesPerPoint)) });
    const declined = Number(history.declines.get(e.mediator.id) ?? 0);
    if (declined) reasons.push({ key: key('score_recent_declines'), params: { count: declined }, points: Math.max(SCORE.declineMax, SCORE.decline * declined) });
    reasons.push(...e.info);
    const score = reasons.reduce((sum, r) => sum + (r.points ?? 0), 0);
    return { mediator: e.mediator, score, reasons, distanceKm: e.km, recentMinutes };
  });

  const byName = (a: MatchedMediator, b: MatchedMediator) => a.lastName.localeCompare(b.lastName, 'de') || a.firstName.localeCompare(b.firstName, 'de') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // Ties: fewer recent minutes first (fair distribution), then by name — the same order on every load.
  ranked.sort((a, b) => b.score - a.score || a.recentMinutes - b.recentMinutes || byName(a.mediator, b.mediator));
  // Closest to eligible first.
  excluded.sort((a, b) => a.reasons.length - b.reasons.length || byName(a.mediator, b.mediator));
  return { ranked, excluded };
}
