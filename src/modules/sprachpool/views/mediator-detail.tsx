/**
 * `/admin/regions/:id/sprachpool/mediators/:mediatorId`: everything about one mediator for the coordinators — the
 * data, status actions (activate, pause, retire, reject), the deletion request with "delete now", the documents
 * (coordinators only) and the edit form; and `/…/mediators/new` to enter a mediator directly.
 */
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../platform/errors.js';
import { Button, ErrorSummary, Form, type FormState } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { PlainText } from '../../../web/components/text.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { DOCUMENT_MAX_MB, reviewActionsFor, type MediatorDetail } from '../mediators.js';
import { MEDIATOR_DOCUMENT_KINDS } from '../schema.js';
import { PoolLayout } from './layout.js';
import { CoordinatorFields } from './mediator-fields.js';
import { mediatorHref, mediatorsHref } from './mediator-list.js';
import { DateField, DefaultSubmit, DocumentStateBadge, formatDay, LanguageList, MediatorStatusBadge, ModesText, WeeklyList } from './mediator-parts.js';

/** What went wrong with a status action or "delete now", shown above the actions. */
export type ActionProblem = { key: string; fields?: FieldErrors };

function formatSize(bytes: number, lang: string): string {
  const kb = bytes / 1024;
  const fmt = new Intl.NumberFormat([lang, 'de'], { maximumFractionDigits: kb < 1024 ? 0 : 1 });
  return kb < 1024 ? `${fmt.format(Math.max(1, kb))} KB` : `${fmt.format(kb / 1024)} MB`;
}

function Summary(props: { detail: MediatorDetail }) {
  const { t, lang } = usePage();
  const d = props.detail;
  const m = d.mediator;
  const row = (label: string, value: ComponentChildren) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <dl class="summary-list sp-summary">
      {row(t('sprachpool-mediators.field_email'), <a href={`mailto:${m.email}`} dir="ltr">{m.email}</a>)}
      {row(t('sprachpool-mediators.field_phone'), m.phone ? <span dir="ltr">{m.phone}</span> : <span class="meta">{t('sprachpool-mediators.none')}</span>)}
      {row(t('sprachpool-mediators.field_gender'), t(`sprachpool.gender_${m.gender}`))}
      {row(t('sprachpool-mediators.summary_german'), t(`sprachpool.level_${m.germanLevel}`))}
      {row(t('sprachpool-mediators.col_languages'), <LanguageList languages={d.languages} />)}
      {row(t('sprachpool-mediators.col_modes'), <ModesText modes={m.modes} />)}
      {row(
        t('sprachpool-mediators.col_area'),
        <>
          {[m.postalCode, m.city].filter(Boolean).join(' ')} · {t('sprachpool-mediators.travel_up_to', { km: m.maxTravelKm })}
          {m.lat === null ? <span class="meta"> · {t('sprachpool-mediators.no_coordinates')}</span> : null}
        </>,
      )}
      {row(t('sprachpool-mediators.weekly_legend'), <WeeklyList weekly={d.weekly} />)}
      {row(
        t('sprachpool-mediators.absences_title'),
        d.absences.length ? (
          <ul class="sp-absences-short">
            {d.absences.map((a) => (
              <li key={a.id}>{t('sprachpool-mediators.absence_range', { from: formatDay(a.fromDate, lang), to: formatDay(a.toDate, lang) })}</li>
            ))}
          </ul>
        ) : (
          <span class="meta">{t('sprachpool-mediators.none')}</span>
        ),
      )}
      {row(
        t('sprachpool-mediators.qualifications_legend'),
        m.qualifications.length ? (
          <ul class="sp-qualifications">
            {m.qualifications.map((q, i) => (
              <li key={i}>
                {t(`sprachpool.qualification_${q.kind}`)}
                {q.title ? `: ${q.title}` : ''}
                {q.date ? <span class="meta"> ({formatDay(q.date, lang)})</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <span class="meta">{t('sprachpool-mediators.none')}</span>
        ),
      )}
      {row(
        t('sprachpool-mediators.papers_title'),
        <>
          <DocumentStateBadge state={d.documentState} />
          <ul class="sp-papers-list">
            <li>
              {m.confidentialitySignedOn
                ? t('sprachpool-mediators.confidentiality_signed_on', { date: formatDay(m.confidentialitySignedOn, lang) })
                : t('sprachpool-mediators.confidentiality_missing')}
              {m.confidentialityExpiresOn ? ` · ${t('sprachpool-mediators.valid_until', { date: formatDay(m.confidentialityExpiresOn, lang) })}` : ''}
            </li>
            <li>
              {m.policeClearanceIssuedOn ? t('sprachpool-mediators.clearance_issued_on', { date: formatDay(m.policeClearanceIssuedOn, lang) }) : t('sprachpool-mediators.clearance_missing')}
              {m.policeClearanceExpiresOn ? ` · ${t('sprachpool-mediators.valid_until', { date: formatDay(m.policeClearanceExpiresOn, lang) })}` : ''}
            </li>
          </ul>
        </>,
      )}
      {row(t('sprachpool-mediators.summary_paid'), m.paid ? t('sprachpool-mediators.paid_hourly') : t('sprachpool-mediators.paid_volunteer'))}
      {row(t('sprachpool-mediators.applied_label'), formatDay(m.createdAt.toISOString().slice(0, 10), lang))}
      {m.approvedAt ? row(t('sprachpool-mediators.approved_label'), formatDay(m.approvedAt.toISOString().slice(0, 10), lang)) : null}
      {row(t('sprachpool-mediators.account_label'), m.accountId ? t('sprachpool-mediators.account_linked') : t('sprachpool-mediators.account_not_linked'))}
      {row(t('sprachpool-mediators.assignments_label'), String(d.assignments))}
      {m.motivation ? row(t('sprachpool-mediators.field_motivation'), <PlainText text={m.motivation} />) : null}
      {m.coordinatorNotes ? row(t('sprachpool-mediators.field_notes'), <PlainText text={m.coordinatorNotes} />) : null}
    </dl>
  );
}

function StatusActions(props: { detail: MediatorDetail }) {
  const { t } = usePage();
  const d = props.detail;
  const m = d.mediator;
  const href = `${mediatorHref(d.ctx.region.id, m.id)}/status`;
  const actions = reviewActionsFor(m.status);
  if (!actions.length) return <p class="meta">{t('sprachpool-mediators.no_status_actions')}</p>;
  return (
    <div class="sp-status-actions">
      {actions.map((action) => (
        <Form key={action} action={href} class={`sp-status-form sp-status-form--${action}`} confirm={action === 'reject' || action === 'retire' ? t(`sprachpool-mediators.confirm_${action}`) : undefined}>
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="revision" value={String(m.revision)} />
          {action === 'reject' ? (
            <div class="field">
              <label for="f-reason">
                {t('sprachpool-mediators.field_reject_reason')}
                <span class="optional"> {t('common.optional')}</span>
              </label>
              <p class="hint">{t('sprachpool-mediators.field_reject_reason_hint')}</p>
              <textarea id="f-reason" name="reason" rows={3} maxLength={2000} />
            </div>
          ) : null}
          {action === 'activate' && Object.keys(d.problems).length ? <p class="hint">{t('sprachpool-mediators.activate_needs_papers')}</p> : null}
          {action === 'activate' && !m.accountId ? <p class="hint">{t('sprachpool-mediators.activate_invites')}</p> : null}
          <Button variant={action === 'reject' || action === 'retire' ? 'danger' : action === 'activate' ? 'primary' : 'secondary'}>{t(`sprachpool-mediators.action_${action}`)}</Button>
        </Form>
      ))}
    </div>
  );
}

function Documents(props: { detail: MediatorDetail; form: FormState }) {
  const { t, lang, csrfToken } = usePage();
  const d = props.detail;
  const base = `${mediatorHref(d.ctx.region.id, d.mediator.id)}/documents`;
  const f = props.form;
  const fileError = f.errors.file;
  return (
    <section class="sp-documents" aria-labelledby="sp-documents-title">
      <h2 id="sp-documents-title">{t('sprachpool-mediators.documents_title')}</h2>
      <p class="hint">{t('sprachpool-mediators.documents_private')}</p>
      {d.documents.length ? (
        <TableWrap label={t('sprachpool-mediators.documents_title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sprachpool-mediators.col_document')}</th>
                <th scope="col">{t('sprachpool-mediators.col_kind')}</th>
                <th scope="col">{t('sprachpool-mediators.col_valid_until')}</th>
                <th scope="col">{t('sprachpool-mediators.col_uploaded')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('sprachpool-mediators.col_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.documents.map((doc) => (
                <tr key={doc.id} data-document-id={doc.id}>
                  <td>
                    <a href={`${base}/${doc.id}`} download={doc.fileName}>
                      <bdi>{doc.fileName}</bdi>
                    </a>{' '}
                    <span class="meta">({formatSize(doc.size, lang)})</span>
                  </td>
                  <td>{t(`sprachpool-mediators.doc_${doc.kind}`)}</td>
                  <td>{doc.expiresOn ? formatDay(doc.expiresOn, lang) : <span class="meta">{t('sprachpool-mediators.none')}</span>}</td>
                  <td>{formatDay(doc.createdAt.toISOString().slice(0, 10), lang)}</td>
                  <td>
                    <Form action={`${base}/${doc.id}/delete`} confirm={t('sprachpool-mediators.confirm_document_delete', { name: doc.fileName })}>
                      <Button variant="secondary">
                        {t('sprachpool-mediators.document_delete')}
                        <span class="visually-hidden"> {doc.fileName}</span>
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p class="meta">{t('sprachpool-mediators.documents_none')}</p>
      )}
      <h3>{t('sprachpool-mediators.document_upload_title')}</h3>
      <ErrorSummary errors={f.errors} />
      <form method="post" action={base} enctype="multipart/form-data" class="sp-upload" noValidate>
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <div class={`field${f.errors.kind ? ' field--error' : ''}`}>
          <label for="f-kind">{t('sprachpool-mediators.col_kind')}</label>
          {f.errors.kind ? (
            <p class="field-error" id="e-kind">
              {t(f.errors.kind.key, f.errors.kind.params)}
            </p>
          ) : null}
          <select id="f-kind" name="kind">
            {MEDIATOR_DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k} selected={f.values.kind === k}>
                {t(`sprachpool-mediators.doc_${k}`)}
              </option>
            ))}
          </select>
        </div>
        <DateField name="expiresOn" label={t('sprachpool-mediators.col_valid_until')} hint={t('sprachpool-mediators.document_expiry_hint')} form={f} />
        <div class={`field${fileError ? ' field--error' : ''}`}>
          <label for="f-file">{t('sprachpool-mediators.document_file')}</label>
          <p class="hint" id="h-file">
            {t('sprachpool-mediators.document_file_hint', { max: DOCUMENT_MAX_MB })}
          </p>
          {fileError ? (
            <p class="field-error" id="e-file">
              <span class="visually-hidden">{t('common.error_prefix')} </span>
              {t(fileError.key, fileError.params)}
            </p>
          ) : null}
          <input id="f-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" aria-describedby={fileError ? 'h-file e-file' : 'h-file'} aria-invalid={fileError ? 'true' : undefined} />
        </div>
        <Button variant="secondary">{t('sprachpool-mediators.document_upload')}</Button>
      </form>
    </section>
  );
}

function Deletion(props: { detail: MediatorDetail }) {
  const { t, lang } = usePage();
  const d = props.detail;
  const m = d.mediator;
  const requested = m.deletionRequestedAt;
  const mayDelete = Boolean(requested) || !['active', 'paused'].includes(m.status);
  if (!requested && !mayDelete) return null;
  return (
    <section class={requested ? 'notice notice--warning sp-deletion-box' : 'sp-deletion-box'} aria-labelledby="sp-deletion-title" data-notice={requested ? 'deletion-requested' : undefined}>
      <h2 id="sp-deletion-title">{requested ? t('sprachpool-mediators.deletion_requested_title') : t('sprachpool-mediators.delete_title')}</h2>
      {requested ? <p>{t('sprachpool-mediators.deletion_requested_on', { date: formatDay(requested.toISOString().slice(0, 10), lang) })}</p> : null}
      <p>{d.assignments ? t('sprachpool-mediators.delete_will_anonymise', { count: d.assignments }) : t('sprachpool-mediators.delete_will_delete')}</p>
      <Form action={`${mediatorHref(d.ctx.region.id, m.id)}/delete`} confirm={t('sprachpool-mediators.confirm_delete')}>
        <Button variant="danger">{t('sprachpool-mediators.delete_now')}</Button>
      </Form>
    </section>
  );
}

/** The detail page. `problem`: the last status action or deletion failed (409/422), with the fields when papers are missing. */
export function MediatorDetailPage(props: { detail: MediatorDetail; form: FormState; documentForm: FormState; conflict?: boolean; problem?: ActionProblem | undefined }) {
  const { t } = usePage();
  const d = props.detail;
  const m = d.mediator;
  const region = d.ctx.region;
  const name = `${m.firstName} ${m.lastName}`;
  const title = t('sprachpool-mediators.detail_title', { name });
  return (
    <PoolLayout region={region} title={title} section="mediators">
      <p class="breadcrumbs">
        <a href={mediatorsHref(region.id)}>{t('sprachpool-mediators.back_to_list')}</a>
      </p>
      <h1>
        {name} <MediatorStatusBadge status={m.status} />
      </h1>
      {props.problem ? (
        <div class="notice notice--error" role="alert" data-notice="action-problem" tabIndex={-1}>
          <p>{t(props.problem.key)}</p>
          {props.problem.fields && Object.keys(props.problem.fields).length ? (
            <ul>
              {Object.entries(props.problem.fields).map(([field, e]) => (
                <li key={field}>
                  <a href={`#f-${field}`}>{t(e.key, e.params)}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {m.deletionRequestedAt ? <Deletion detail={d} /> : null}
      <Summary detail={d} />
      <section aria-labelledby="sp-status-title">
        <h2 id="sp-status-title">{t('sprachpool-mediators.status_title')}</h2>
        <StatusActions detail={d} />
      </section>
      <Documents detail={d} form={props.documentForm} />
      <section aria-labelledby="sp-edit-title">
        <h2 id="sp-edit-title">{t('sprachpool-mediators.edit_title')}</h2>
        {props.conflict ? (
          <div class="notice notice--warning" role="alert" data-notice="revision-conflict">
            <p>{t('sprachpool-mediators.error_revision')}</p>
          </div>
        ) : null}
        <ErrorSummary errors={props.form.errors} />
        <Form action={mediatorHref(region.id, m.id)} class="sp-form sp-edit">
          <DefaultSubmit label={t('sprachpool-mediators.save')} />
          <input type="hidden" name="revision" value={String(props.form.values.revision ?? m.revision)} />
          <CoordinatorFields form={props.form} mailLanguages={d.ctx.region.languages} consent={false} />
          <Button>{t('sprachpool-mediators.save')}</Button>
        </Form>
      </section>
      {m.deletionRequestedAt ? null : <Deletion detail={d} />}
    </PoolLayout>
  );
}

/** `/…/mediators/new`: the coordinator enters a mediator directly (active; the account invitation goes out). */
export function MediatorNewPage(props: { region: RegionRow; form: FormState }) {
  const { t } = usePage();
  const region = props.region;
  const title = t('sprachpool-mediators.new_title');
  return (
    <PoolLayout region={region} title={title} section="mediators">
      <p class="breadcrumbs">
        <a href={mediatorsHref(region.id)}>{t('sprachpool-mediators.back_to_list')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('sprachpool-mediators.new_intro')}</p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={`${mediatorsHref(region.id)}/new`} class="sp-form sp-edit">
        <DefaultSubmit label={t('sprachpool-mediators.create')} />
        <CoordinatorFields form={props.form} mailLanguages={region.languages} consent />
        <Button>{t('sprachpool-mediators.create')}</Button>
      </Form>
    </PoolLayout>
  );
}
