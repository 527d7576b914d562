import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary } from '../../../web/components/forms.js';
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { nextMonth, previousMonth, type Billing, type InstitutionInvoice, type InvoiceLine } from '../billing.js';
import { formatAppointment, formatMoney, formatMonth, formatNumber } from '../billing-format.js';
import { languageWithDialect } from '../languages.js';
import { PoolLayout, poolBase } from './layout.js';
import { TimesheetStatusTag } from './hours-parts.js';

type T = ReturnType<typeof usePage>['t'];

/** What a line is: the appointment in the pool's words, or a late cancellation. */
function lineItem(t: T, lang: string, l: InvoiceLine): string {
  const language = languageWithDialect(t, lang, l.language, l.dialect);
  return `${l.ref} · ${language} · ${t(`sprachpool.mode_${l.mode}`)}`;
}

function InvoiceTable(props: { region: RegionRow; invoice: InstitutionInvoice }) {
  const { t, lang } = usePage();
  const { invoice } = props;
  const money = (c: number) => formatMoney(c, lang);
  const caption = t('sprachpool-billing.invoice_caption', { name: invoice.agency.name });
  return (
    <TableWrap label={caption}>
      <table class="sp-table sp-money-table">
        <caption class="visually-hidden">{caption}</caption>
        <TableHead
          columns={[
            t('sprachpool-billing.col_when'),
            t('sprachpool-billing.col_item'),
            t('sprachpool-billing.col_billed_minutes'),
            t('sprachpool-billing.col_hours_amount'),
            t('sprachpool-billing.col_travel_amount'),
            t('sprachpool-billing.col_flat_fee'),
            t('sprachpool-billing.col_total'),
          ]}
        />
        <tbody>
          {invoice.billable.map((l) => (
            <tr key={`${l.kind}-${l.requestId}`}>
              <th scope="row">{formatAppointment(l.startsAt, l.endsAt, props.region.timezone, lang)}</th>
              <td>
                <bdi>{lineItem(t, lang, l)}</bdi>
                {l.kind === 'late_cancellation' ? (
                  <>
                    {' '}
                    <TimesheetStatusTag status="late_cancellation" />
                  </>
                ) : l.status === 'resolved' ? (
                  <>
                    {' '}
                    <TimesheetStatusTag status="resolved" />
                  </>
                ) : null}
              </td>
              <td class="sp-num">{l.kind === 'late_cancellation' ? '—' : t('sprachpool.minutes', { minutes: l.billedMinutes })}</td>
              <td class="sp-num">{money(l.hoursCents)}</td>
              <td class="sp-num">{money(l.travelCents)}</td>
              <td class="sp-num">{money(l.kind === 'late_cancellation' ? l.lateFeeCents : l.flatFeeCents)}</td>
              <td class="sp-num">{money(l.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              {t('sprachpool-billing.invoice_total')}
            </th>
            <td class="sp-num">
              <strong>{money(invoice.totalCents)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

function PendingTable(props: { region: RegionRow; invoice: InstitutionInvoice }) {
  const { t, lang } = usePage();
  const caption = t('sprachpool-billing.pending_caption', { name: props.invoice.agency.name });
  return (
    <TableWrap label={caption}>
      <table class="sp-table">
        <caption>{t('sprachpool-billing.pending_heading', { count: props.invoice.pending.length })}</caption>
        <TableHead columns={[t('sprachpool-billing.col_when'), t('sprachpool-billing.col_item'), t('sprachpool-billing.col_mediator'), t('sprachpool-billing.col_status')]} />
        <tbody>
          {props.invoice.pending.map((l) => (
            <tr key={l.requestId}>
              <th scope="row">{formatAppointment(l.startsAt, l.endsAt, props.region.timezone, lang)}</th>
              <td>
                <bdi>{lineItem(t, lang, l)}</bdi>
              </td>
              <td>{l.mediatorName}</td>
              <td>
                <TimesheetStatusTag status={l.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function PayoutTable(props: { billing: Billing }) {
  const { t, lang } = usePage();
  const money = (c: number) => formatMoney(c, lang);
  const caption = t('sprachpool-billing.payouts_heading');
  return (
    <TableWrap label={caption}>
      <table class="sp-table sp-money-table">
        <caption class="visually-hidden">{caption}</caption>
        <TableHead
          columns={[
            t('sprachpool-billing.col_mediator'),
            t('sprachpool-billing.col_payout_kind'),
            t('sprachpool-billing.col_assignments'),
            t('sprachpool-billing.col_billed_minutes'),
            t('sprachpool-billing.col_travel_amount'),
            t('sprachpool-billing.col_fee'),
            t('sprachpool-billing.col_total'),
            t('sprachpool-billing.col_pending'),
          ]}
        />
        <tbody>
          {props.billing.payouts.map((p) => (
            <tr key={p.mediator.id}>
              <th scope="row">
                {p.mediator.lastName}, {p.mediator.firstName}
              </th>
              <td>{t(p.mediator.paid ? 'sprachpool-billing.payout_paid' : 'sprachpool-billing.payout_volunteer')}</td>
              <td class="sp-num">{formatNumber(p.assignments, lang)}</td>
              <td class="sp-num">{t('sprachpool.minutes', { minutes: p.billedMinutes })}</td>
              <td class="sp-num">{money(p.travelCents)}</td>
              <td class="sp-num">{money(p.feeCents)}</td>
              <td class="sp-num">{money(p.totalCents)}</td>
              <td class="sp-num">{p.pending > 0 ? formatNumber(p.pending, lang) : '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              {t('sprachpool-billing.payouts_total')}
            </th>
            <td class="sp-num">
              <strong>{money(props.billing.totals.payoutCents)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

/** The month picker: a GET form (works without JavaScript) with links to the months before and after. */
export function MonthPicker(props: { region: RegionRow; month: string; value: string; errors: FieldErrors }) {
  const { t, lang } = usePage();
  const base = `${poolBase(props.region.id)}/billing`;
  const error = props.errors.month;
  return (
    <form method="get" action={base} class="filters sp-month-picker" aria-label={t('sprachpool-billing.month_picker')}>
      <div class={`field${error ? ' field--error' : ''}`}>
        <label for="f-month">{t('sprachpool-billing.field_month')}</label>
        <p class="hint" id="h-month">
          {t('sprachpool-billing.hint_month')}
        </p>
        {error ? (
          <p class="field-error" id="e-month">
            <span class="visually-hidden">{t('common.error_prefix')} </span>
            {t(error.key, error.params)}
          </p>
        ) : null}
        <input id="f-month" type="month" name="month" value={props.value} aria-describedby={error ? 'h-month e-month' : 'h-month'} aria-invalid={error ? 'true' : undefined} dir="ltr" />
      </div>
      <div class="filters__actions">
        <button type="submit" class="button button--primary">
          {t('sprachpool-billing.month_show')}
        </button>
      </div>
      <p class="sp-month-nav">
        <a href={`${base}?month=${previousMonth(props.month)}`} rel="prev">
          {t('sprachpool-billing.month_previous', { month: formatMonth(previousMonth(props.month), lang) })}
        </a>{' '}
        <a href={`${base}?month=${nextMonth(props.month)}`} rel="next">
          {t('sprachpool-billing.month_next', { month: formatMonth(nextMonth(props.month), lang) })}
        </a>
      </p>
    </form>
  );
}

/** /admin/regions/:id/sprachpool/billing?month=YYYY-MM — invoices per institution, payouts per mediator, CSV exports. */
export function BillingPage(props: { region: RegionRow; month: string; billing: Billing | null; value: string; errors: FieldErrors }) {
  const { t, lang } = usePage();
  const { region, billing } = props;
  const base = `${poolBase(region.id)}/billing`;
  const title = t('sprachpool-billing.billing_title');
  const money = (c: number) => formatMoney(c, lang);
  return (
    <PoolLayout region={region} title={title} section="billing">
      <h1>{title}</h1>
      <ErrorSummary errors={props.errors} />
      <MonthPicker region={region} month={props.month} value={props.value} errors={props.errors} />
      {billing ? (
        <>
          <h2>{t('sprachpool-billing.billing_month', { month: formatMonth(props.month, lang) })}</h2>
          <dl class="stats sp-stats">
            <div class="stat">
              <dt>{t('sprachpool-billing.total_invoices')}</dt>
              <dd>{money(billing.totals.invoiceCents)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.total_payouts')}</dt>
              <dd>{money(billing.totals.payoutCents)}</dd>
            </div>
            <div class="stat">
              <dt>{t('sprachpool-billing.total_billable')}</dt>
              <dd>{formatNumber(billing.totals.billableLines, lang)}</dd>
            </div>
            <div class={`stat${billing.totals.pendingLines ? ' stat--warning' : ''}`}>
              <dt>{t('sprachpool-billing.total_pending')}</dt>
              <dd>{billing.totals.pendingLines ? <a href={`${poolBase(region.id)}/hours`}>{formatNumber(billing.totals.pendingLines, lang)}</a> : '0'}</dd>
            </div>
          </dl>
          <ul class="inline-list sp-downloads">
            <li>
              <a href={`${base}/invoices.csv?month=${props.month}`} download>
                {t('sprachpool-billing.download_invoices')}
              </a>
            </li>
            <li>
              <a href={`${base}/payouts.csv?month=${props.month}`} download>
                {t('sprachpool-billing.download_payouts')}
              </a>
            </li>
          </ul>
          <details class="sp-rules">
            <summary>{t('sprachpool-billing.rules_summary')}</summary>
            <dl class="summary-list">
              <dt>{t('sprachpool-billing.settings_field_hourlyRateCents')}</dt>
              <dd>{money(billing.rates.hourlyRateCents)}</dd>
              <dt>{t('sprachpool-billing.settings_field_minimumMinutes')}</dt>
              <dd>{t('sprachpool.minutes', { minutes: billing.rates.minimumMinutes })}</dd>
              <dt>{t('sprachpool-billing.settings_field_perKmCents')}</dt>
              <dd>{money(billing.rates.perKmCents)}</dd>
              <dt>{t('sprachpool-billing.settings_field_flatFeeCents')}</dt>
              <dd>{money(billing.rates.flatFeeCents)}</dd>
              <dt>{t('sprachpool-billing.settings_field_lateCancellationFeeCents')}</dt>
              <dd>{money(billing.rates.lateCancellationFeeCents)}</dd>
              <dt>{t('sprachpool-billing.settings_field_mediatorHourlyCents')}</dt>
              <dd>{money(billing.rates.mediatorHourlyCents)}</dd>
            </dl>
            <p>{t('sprachpool-billing.rules_text')}</p>
            <p>
              <a href={`${poolBase(region.id)}/settings`}>{t('sprachpool-billing.rules_change')}</a>
            </p>
          </details>

          <h2>{t('sprachpool-billing.invoices_heading')}</h2>
          {billing.invoices.length ? (
            billing.invoices.map((inv, i) => (
              <section key={inv.agency.id} class="sp-invoice" aria-labelledby={`sp-invoice-${i}`}>
                <h3 id={`sp-invoice-${i}`}>{inv.agency.name}</h3>
                {inv.agency.billingReference ? <p class="meta">{t('sprachpool-billing.billing_reference', { reference: inv.agency.billingReference })}</p> : null}
                {inv.billable.length ? <InvoiceTable region={region} invoice={inv} /> : <p>{t('sprachpool-billing.invoice_nothing_billable')}</p>}
                {inv.pending.length ? <PendingTable region={region} invoice={inv} /> : null}
              </section>
            ))
          ) : (
            <p>{t('sprachpool-billing.invoices_none')}</p>
          )}

          <h2>{t('sprachpool-billing.payouts_heading')}</h2>
          {billing.payouts.length ? <PayoutTable billing={billing} /> : <p>{t('sprachpool-billing.payouts_none')}</p>}
        </>
      ) : null}
    </PoolLayout>
  );
}
