import { Checkboxes, ErrorSummary, Select, TextArea, TextField, type FormState } from '../../../web/components/forms.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { usePage } from '../../../web/page-context.js';
import { layoutRegion, type RegionRow } from '../../regions/index.js';
import { AGENCY_KINDS } from '../schema.js';
import { publicPoolHref, registerHref } from './agency-parts.js';

/** The rows of contact people a form shows (without JavaScript: a few, plus "add a row"). */
export const DEFAULT_CONTACT_ROWS = 3;

/** One contact person's fields: `contacts.<i>.<field>`. */
function ContactRow(props: { index: number; form: FormState }) {
  const { t } = usePage();
  const p = (field: string) => `contacts.${props.index}.${field}`;
  return (
    <fieldset class="spa-contact-row" data-contact-row={props.index}>
      <legend>{t('sprachpool-agencies.contact_row', { n: props.index + 1 })}</legend>
      <TextField name={p('name')} label={t('sprachpool-agencies.field_contact_name')} form={props.form} required={props.index === 0} autocomplete="name" maxLength={200} />
      <TextField name={p('email')} type="email" label={t('sprachpool-agencies.field_contact_email')} form={props.form} required={props.index === 0} autocomplete="email" maxLength={200} dir="ltr" />
      <TextField name={p('phone')} type="tel" label={t('sprachpool-agencies.field_contact_phone')} form={props.form} autocomplete="tel" maxLength={50} dir="ltr" />
      <TextField name={p('position')} label={t('sprachpool-agencies.field_contact_position')} hint={t('sprachpool-agencies.field_contact_position_hint')} form={props.form} maxLength={100} />
    </fieldset>
  );
}

/** Contact rows with the "add a row" button (a submit that comes back with one more row, nothing saved). */
export function ContactRows(props: { form: FormState; rows: number; max: number }) {
  const { t } = usePage();
  return (
    <div class="spa-contacts" id="f-contacts">
      <input type="hidden" name="rows" value={String(props.rows)} />
      {Array.from({ length: props.rows }, (_, i) => (
        <ContactRow key={i} index={i} form={props.form} />
      ))}
      {props.rows < props.max ? (
        <p>
          <button type="submit" name="add" value="contact" class="button button--secondary">
            {t('sprachpool-agencies.add_contact_row')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The institution's own fields (registration and the coordinator's edit). */
export function AgencyFields(props: { form: FormState }) {
  const { t } = usePage();
  const f = props.form;
  return (
    <>
      <TextField name="name" label={t('sprachpool-agencies.field_name')} hint={t('sprachpool-agencies.field_name_hint')} form={f} required autocomplete="organization" maxLength={200} />
      <Select name="kind" label={t('sprachpool-agencies.field_kind')} form={f} required options={[{ value: '', label: t('sprachpool-agencies.choose') }, ...AGENCY_KINDS.map((k) => ({ value: k, label: t(`sprachpool.agency_kind_${k}`) }))]} />
      <TextField name="street" label={t('sprachpool-agencies.field_street')} form={f} required autocomplete="street-address" maxLength={200} />
      <div class="spa-row">
        <TextField name="postalCode" label={t('sprachpool-agencies.field_postal_code')} form={f} required autocomplete="postal-code" inputMode="numeric" maxLength={5} dir="ltr" />
        <TextField name="city" label={t('sprachpool-agencies.field_city')} form={f} required autocomplete="address-level2" maxLength={100} />
      </div>
      <TextField name="email" type="email" label={t('sprachpool-agencies.field_email')} hint={t('sprachpool-agencies.field_email_hint')} form={f} required autocomplete="email" maxLength={200} dir="ltr" />
      <TextField name="phone" type="tel" label={t('sprachpool-agencies.field_phone')} form={f} autocomplete="tel" maxLength={50} dir="ltr" />
      <TextArea name="billingReference" label={t('sprachpool-agencies.field_billing')} hint={t('sprachpool-agencies.field_billing_hint')} form={f} rows={3} maxLength={500} />
    </>
  );
}

/** /{region}/{lang}/sprachpool/institutions/register — an institution registers with its contact people (no JavaScript needed). */
export function RegisterPage(props: { region: RegionRow; form: FormState; rows: number; max: number; done?: boolean }) {
  const { t, lang, csrfToken } = usePage();
  const r = props.region;
  const title = t('sprachpool-agencies.register_title');
  if (props.done) {
    return (
      <PublicLayout title={`${title} – ${r.name}`} region={layoutRegion(r)}>
        <h1>{title}</h1>
        <div class="notice notice--success" role="status" data-registration="received">
          <p>
            <strong>{t('sprachpool-agencies.register_done')}</strong>
          </p>
          <p>{t('sprachpool-agencies.register_done_next')}</p>
        </div>
        <p>
          <a href={publicPoolHref(r.slug, lang)}>{t('sprachpool-agencies.back_to_landing')}</a>
        </p>
      </PublicLayout>
    );
  }
  const f = props.form;
  return (
    <PublicLayout title={`${title} – ${r.name}`} region={layoutRegion(r)}>
      <p class="breadcrumbs">
        <a href={publicPoolHref(r.slug, lang)}>{t('sprachpool-agencies.landing_title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('sprachpool-agencies.register_intro')}</p>
      <p class="notice">{t('sprachpool-agencies.landing_no_private')}</p>
      <ErrorSummary errors={f.errors} />
      <form method="post" action={registerHref(r.slug, lang)} class="spa-form" noValidate>
        <input type="hidden" name="_csrf" value={csrfToken()} />
        {/* Enter in a field presses the form's first button: this one sends, not "add a row". */}
        <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('sprachpool-agencies.register_submit')}
        </button>
        <fieldset>
          <legend>
            <h2>{t('sprachpool-agencies.register_institution')}</h2>
          </legend>
          <AgencyFields form={f} />
        </fieldset>
        <h2>{t('sprachpool-agencies.register_contacts')}</h2>
        <p class="hint">{t('sprachpool-agencies.register_contacts_hint')}</p>
        <ContactRows form={f} rows={props.rows} max={props.max} />
        {/* Bots fill every field; people never see this one. */}
        <p class="visually-hidden" aria-hidden="true">
          <label for="spa-website">{t('sprachpool-agencies.honeypot')}</label>
          <input id="spa-website" name="website" type="text" tabIndex={-1} autocomplete="off" value="" />
        </p>
        <Checkboxes name="consent" label={t('sprachpool-agencies.field_consent_legend')} form={f} required options={[{ value: '1', label: t('sprachpool-agencies.field_consent') }]} />
        <p class="actions">
          <button type="submit" class="button">
            {t('sprachpool-agencies.register_submit')}
          </button>
        </p>
      </form>
    </PublicLayout>
  );
}
