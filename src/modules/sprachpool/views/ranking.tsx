/**
 * The explained ranking of one request (matching.ts), for the coordinator: eligible mediators in order with their
 * score and the points behind it, a checkbox `mediatorIds` per row (inside the caller's offer form), then everyone
 * who speaks the language but is not eligible, with every reason. Plain tables, no script.
 */
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { Translate } from '../../../platform/i18n/catalog.js';
import type { ExcludedMediator, RankedMediator, Ranking, Reason } from '../matching.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date "YYYY-MM-DD" in the reader's language (the day itself, no time zone shift). */
function formatDay(lang: string, date: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** Reason parameters as people read them: enum values through the pool catalog, dates in the reader's language. */
function readableParams(t: Translate, lang: string, params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const v = String(value);
    switch (name) {
      case 'level':
      case 'mode':
      case 'qualification':
      case 'setting':
      case 'dialect':
      case 'weekday':
        out[name] = t(`sprachpool.${name}_${v}`);
        break;
      case 'preference':
        out[name] = t(`sprachpool.gender_pref_${v}`);
        break;
      case 'status':
        out[name] = t(`sprachpool.offer_status_${v}`);
        break;
      case 'dialects':
        out[name] = v
          .split(',')
          .map((d) => (d ? t(`sprachpool.dialect_${d}`) : t('sprachpool.no_dialect')))
          .join(', ');
        break;
      case 'date':
      case 'from':
      case 'to':
        out[name] = ISO_DATE.test(v) ? formatDay(lang, v) : v;
        break;
      case 'time':
      case 'available':
        // "16:30–18:00" stays in this order inside right-to-left text (left-to-right isolate).
        out[name] = `\u2066${v}\u2069`;
        break;
      case 'place':
        // A place name in another script keeps its own direction (first-strong isolate).
        out[name] = `\u2068${v}\u2069`;
        break;
      default:
        out[name] = value;
    }
  }
  return out;
}

/** The text of one reason in the reader's language. */
export function reasonText(t: Translate, lang: string, reason: Reason): string {
  return t(reason.key, reason.params ? readableParams(t, lang, reason.params) : undefined);
}

const signed = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '±0');

function Reasons(props: { reasons: Reason[] }) {
  const { t, lang } = usePage();
  return (
    <ul class="sp-reasons">
      {props.reasons.map((r, i) => (
        <li key={i} class={r.points === undefined ? 'sp-reason sp-reason--info' : r.points > 0 ? 'sp-reason sp-reason--plus' : r.points < 0 ? 'sp-reason sp-reason--minus' : 'sp-reason'}>
          {r.points === undefined ? null : (
            <>
              <span class="sp-points" dir="ltr" aria-hidden="true">
                {signed(r.points)}
              </span>{' '}
            </>
          )}
          <span>{reasonText(t, lang, r)}</span>
          {r.points === undefined ? null : <span class="visually-hidden"> ({t('sprachpool-matching.points_sr', { points: r.points })})</span>}
        </li>
      ))}
    </ul>
  );
}

const fullName = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;

function RankedRow(props: { row: RankedMediator; rank: number; selectable: boolean; offered: boolean; checked: boolean }) {
  const { t, lang } = usePage();
  const { row } = props;
  const m = row.mediator;
  const id = `sp-pick-${m.id}`;
  const name = fullName(m);
  return (
    <tr class={props.offered ? 'sp-ranked--offered' : undefined}>
      <td class="sp-rank">{props.rank}</td>
      {props.selectable ? (
        <td class="sp-pick">
          {props.offered ? (
            <span class="sp-offered">{t('sprachpool-matching.already_offered')}</span>
          ) : (
            <>
              <input type="checkbox" id={id} name="mediatorIds" value={m.id} checked={props.checked} />
              <label for={id} class="visually-hidden">
                {t('sprachpool-matching.select_label', { name })}
              </label>
            </>
          )}
        </td>
      ) : null}
      <th scope="row">
        <bdi>{name}</bdi>
        {m.city ? (
          <>
            <br />
            <span class="meta">
              <bdi>{m.city}</bdi>
            </span>
          </>
        ) : null}
      </th>
      <td class="sp-score">
        <strong>{row.score}</strong>
      </td>
      <td>
        {row.distanceKm === null ? (
          <>
            <span aria-hidden="true">—</span>
            <span class="visually-hidden">{t('sprachpool-matching.distance_none')}</span>
          </>
        ) : (
          t('sprachpool.km', { km: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(row.distanceKm) })
        )}
      </td>
      <td>{t('sprachpool-matching.hours', { hours: Math.round(row.recentMinutes / 6) / 10 })}</td>
      <td>
        <Reasons reasons={row.reasons} />
      </td>
    </tr>
  );
}

function ExcludedRow(props: { row: ExcludedMediator }) {
  const m = props.row.mediator;
  return (
    <tr>
      <th scope="row">
        <bdi>{fullName(m)}</bdi>
        {m.city ? (
          <>
            <br />
            <span class="meta">
              <bdi>{m.city}</bdi>
            </span>
          </>
        ) : null}
      </th>
      <td>
        <Reasons reasons={props.row.reasons} />
      </td>
    </tr>
  );
}

/**
 * The ranking of one request. With `selectable`, each eligible mediator not yet offered has a checkbox
 * `name="mediatorIds"` (the caller wraps this in its form; `checked` re-ticks a failed submit's choice); those in
 * `offered` are marked instead.
 */
export function RankingTable(props: { ranking: Ranking; selectable: boolean; offered: Set<string>; checked?: Set<string> }) {
  const { t } = usePage();
  const { ranked, excluded } = props.ranking;
  const rankedCaption = t('sprachpool-matching.heading_ranked', { count: ranked.length });
  const excludedCaption = t('sprachpool-matching.heading_excluded', { count: excluded.length });
  const columns = [t('sprachpool-matching.col_rank'), ...(props.selectable ? [t('sprachpool-matching.col_select')] : []), t('sprachpool-matching.col_name'), t('sprachpool-matching.col_score'), t('sprachpool-matching.col_distance'), t('sprachpool-matching.col_recent'), t('sprachpool-matching.col_reasons')];
  if (!ranked.length && !excluded.length) return <p class="sp-ranking-empty">{t('sprachpool-matching.no_speakers')}</p>;
  return (
    <div class="sp-ranking">
      <h3 id="sp-ranked-heading">{rankedCaption}</h3>
      <p class="hint">{t('sprachpool-matching.hint')}</p>
      {ranked.length ? (
        <TableWrap label={rankedCaption}>
          <table class="sp-ranking-table" aria-labelledby="sp-ranked-heading">
            <TableHead columns={columns} />
            <tbody>
              {ranked.map((row, i) => (
                <RankedRow key={row.mediator.id} row={row} rank={i + 1} selectable={props.selectable} offered={props.offered.has(row.mediator.id)} checked={props.checked?.has(row.mediator.id) ?? false} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('sprachpool-matching.none_ranked')}</p>
      )}
      <h3 id="sp-excluded-heading">{excludedCaption}</h3>
      {excluded.length ? (
        <TableWrap label={excludedCaption}>
          <table class="sp-ranking-table sp-excluded-table" aria-labelledby="sp-excluded-heading">
            <TableHead columns={[t('sprachpool-matching.col_name'), t('sprachpool-matching.col_why_not')]} />
            <tbody>
              {excluded.map((row) => (
                <ExcludedRow key={row.mediator.id} row={row} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('sprachpool-matching.none_excluded')}</p>
      )}
    </div>
  );
}
