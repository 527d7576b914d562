/** `/admin/regions/:id/sprachpool/me`: the mediator's own profile, the export of their data and the deletion request. */
import { Button, Checkboxes, ErrorSummary, Form, Select, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { OwnProfile } from '../mediators.js';
import { LANGUAGE_LEVELS, MODES } from '../schema.js';
import { portalBase, PortalLayout } from './layout.js';
import { DefaultSubmit, formatDay, LanguageRows, MediatorStatusBadge, QualificationRows } from './mediator-parts.js';

export function PortalProfilePage(props: { profile: OwnProfile; form: FormState; conflict?: boolean }) {
  const { t, lang } = usePage();
  const p = props.profile;
  const m = p.mediator;
  const region = p.ctx.region;
  const base = portalBase(region.id);
  const f = props.form;
  const title = t('sprachpool-mediators.profile_title');
  const levels = LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`sprachpool.level_${l}`) }));
  return (
    <PortalLayout region={region} title={title} section="profile">
      <h1>{title}</h1>
      <dl class="summary-list sp-summary">
        <dt>{t('sprachpool-mediators.col_name')}</dt>
        <dd>
          {m.firstName} {m.lastName} <MediatorStatusBadge status={m.status} />
        </dd>
        <dt>{t('sprachpool-mediators.field_email')}</dt>
        <dd>
          <span dir="ltr">{m.email}</span>
          <br />
          <span class="meta">{t('sprachpool-mediators.profile_ask_coordinators')}</span>
        </dd>
        <dt>{t('sprachpool-mediators.papers_title')}</dt>
        <dd>
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
          <span class="meta">{t('sprachpool-mediators.profile_papers_hint')}</span>
        </dd>
      </dl>

      <section aria-labelledby="sp-profile-edit">
        <h2 id="sp-profile-edit">{t('sprachpool-mediators.profile_edit_title')}</h2>
        {props.conflict ? (
          <div class="notice notice--warning" role="alert" data-notice="revision-conflict">
            <p>{t('sprachpool-mediators.error_revision')}</p>
          </div>
        ) : null}
        <ErrorSummary errors={f.errors} />
        <Form action={base} class="sp-form">
          <DefaultSubmit label={t('sprachpool-mediators.save')} />
          <input type="hidden" name="revision" value={String(f.values.revision ?? m.revision)} />
          <TextField name="phone" type="tel" label={t('sprachpool-mediators.field_phone')} form={f} required autocomplete="tel" maxLength={50} dir="ltr" />
          <fieldset class="sp-section">
            <legend>{t('sprachpool-mediators.section_languages')}</legend>
            <Select name="germanLevel" label={t('sprachpool-mediators.field_german_level')} form={f} required options={levels} />
            <LanguageRows form={f} />
          </fieldset>
          <fieldset class="sp-section">
            <legend>{t('sprachpool-mediators.section_work')}</legend>
            <Checkboxes name="modes" label={t('sprachpool-mediators.field_modes')} form={f} required options={MODES.map((x) => ({ value: x, label: t(`sprachpool.mode_${x}`) }))} />
            <TextField name="postalCode" label={t('sprachpool-mediators.field_postal_code')} form={f} required autocomplete="postal-code" maxLength={10} />
            <TextField name="city" label={t('sprachpool-mediators.field_city')} form={f} required autocomplete="address-level2" maxLength={100} />
            <TextField name="maxTravelKm" type="number" label={t('sprachpool-mediators.field_max_travel')} hint={t('sprachpool-mediators.field_max_travel_hint')} form={f} required inputMode="numeric" />
            <p>
              <a href={`${base}/availability`}>{t('sprachpool-mediators.profile_availability_link')}</a>
            </p>
          </fieldset>
          <QualificationRows form={f} />
          <Button>{t('sprachpool-mediators.save')}</Button>
        </Form>
      </section>

      <section aria-labelledby="sp-own-data" class="sp-own-data">
        <h2 id="sp-own-data">{t('sprachpool-mediators.own_data_title')}</h2>
        <p>{t('sprachpool-mediators.own_data_intro')}</p>
        <p>
          <a class="button button--secondary" href={`${base}/export`} download>
            {t('sprachpool-mediators.export_action')}
          </a>
        </p>
        {m.deletionRequestedAt ? (
          <div class="notice" role="status" data-notice="deletion-requested">
            <p>{t('sprachpool-mediators.deletion_requested_own', { date: formatDay(m.deletionRequestedAt.toISOString().slice(0, 10), lang) })}</p>
          </div>
        ) : (
          <Form action={`${base}/delete-request`} confirm={t('sprachpool-mediators.confirm_delete_request')}>
            <p class="hint">{t('sprachpool-mediators.delete_request_hint')}</p>
            <div class="checkbox">
              <input type="checkbox" id="f-delete-confirmed" name="confirmed" value="1" required />
              <label for="f-delete-confirmed">{t('sprachpool-mediators.delete_request_confirm_label')}</label>
            </div>
            <Button variant="danger">{t('sprachpool-mediators.delete_request_action')}</Button>
          </Form>
        )}
      </section>
    </PortalLayout>
  );
}
