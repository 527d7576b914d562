import { AdminLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, Select, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { PASSWORD_MIN } from '../../../platform/auth/passwords.js';
import { languageInfo, UI_LANGUAGES } from '../../../platform/i18n/languages.js';
import type { TotpSetup } from '../service.js';
import { groupSecret } from '../totp.js';
import { TableWrap } from '../../../web/components/table-wrap.js';

export type AccountData = {
  email: string;
  name: string;
  uiLanguage: string;
  totpEnabled: boolean;
  sessions: { id: string; userAgent: string; createdAt: Date; lastSeenAt: Date }[];
};

export type AccountForms = { profile: FormState; password: FormState; totpDisable: FormState };

function formatDate(lang: string, d: Date): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(d);
}

/** One's own account: profile, password, sessions, second factor. */
export function AccountPage(props: { data: AccountData; forms: AccountForms; currentSessionId: string }) {
  const { t, lang } = usePage();
  const { data, forms } = props;
  const others = data.sessions.filter((s) => s.id !== props.currentSessionId);
  return (
    <AdminLayout title={t('auth.account_title')}>
      <h1>{t('auth.account_title')}</h1>
      <p>{t('auth.account_signed_in_as', { email: data.email })}</p>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('auth.profile_heading')}</h2>
        <ErrorSummary errors={forms.profile.errors} />
        <Form action="/account/profile">
          <TextField name="name" label={t('auth.name')} form={forms.profile} autocomplete="name" required maxLength={200} />
          <Select
            name="ui_language"
            label={t('auth.ui_language')}
            form={forms.profile}
            required
            options={UI_LANGUAGES.map((code) => ({ value: code, label: languageInfo(code).nativeName }))}
          />
          <Button>{t('common.save')}</Button>
        </Form>
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('auth.password_heading')}</h2>
        <ErrorSummary errors={forms.password.errors} />
        <Form action="/account/password">
          <TextField name="current_password" type="password" label={t('auth.current_password')} form={forms.password} autocomplete="current-password" required />
          <TextField name="password" type="password" label={t('auth.new_password')} hint={t('auth.password_hint', { min: PASSWORD_MIN })} form={forms.password} autocomplete="new-password" required />
          <TextField name="password_confirm" type="password" label={t('auth.password_confirm')} form={forms.password} autocomplete="new-password" required />
          <Button>{t('auth.password_change_submit')}</Button>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('auth.sessions_heading')}</h2>
        <TableWrap>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('auth.session_device')}</th>
                <th scope="col">{t('auth.session_created')}</th>
                <th scope="col">{t('auth.session_last_seen')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('auth.session_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.id}>
                  <td>{s.userAgent || t('auth.session_unknown_device')}</td>
                  <td>{formatDate(lang, s.createdAt)}</td>
                  <td>{formatDate(lang, s.lastSeenAt)}</td>
                  <td>
                    {s.id === props.currentSessionId ? (
                      <strong>{t('auth.session_current')}</strong>
                    ) : (
                      <Form action="/account/sessions/revoke" class="inline-form">
                        <input type="hidden" name="session_id" value={s.id} />
                        <Button variant="secondary">{t('auth.session_revoke')}</Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {others.length ? (
          <Form action="/account/sessions/revoke-others">
            <Button variant="danger">{t('auth.sessions_revoke_others')}</Button>
          </Form>
        ) : (
          <p>{t('auth.sessions_no_others')}</p>
        )}
      </section>

      <section aria-labelledby="totp-heading">
        <h2 id="totp-heading">{t('auth.totp_heading')}</h2>
        {data.totpEnabled ? (
          <>
            <p>{t('auth.totp_status_on')}</p>
            <ErrorSummary errors={forms.totpDisable.errors} />
            <Form action="/account/2fa/disable">
              <TextField name="disable_password" type="password" label={t('auth.current_password')} form={forms.totpDisable} autocomplete="current-password" required />
              <TextField name="disable_code" label={t('auth.totp_code')} form={forms.totpDisable} autocomplete="one-time-code" inputMode="numeric" maxLength={10} required />
              <Button variant="danger">{t('auth.totp_disable_submit')}</Button>
            </Form>
          </>
        ) : (
          <>
            <p>{t('auth.totp_status_off')}</p>
            <p>
              <a class="button button--secondary" href="/account/2fa/setup">
                {t('auth.totp_setup_link')}
              </a>
            </p>
          </>
        )}
      </section>
    </AdminLayout>
  );
}

/** Setting up the authenticator app: the secret as text and as otpauth:// URI, then one code to confirm. */
export function TotpSetupPage(props: { setup: TotpSetup; form: FormState; required: boolean }) {
  const { t } = usePage();
  const setup = props.setup;
  return (
    <AdminLayout title={t('auth.totp_setup_title')}>
      <h1>{t('auth.totp_setup_title')}</h1>
      {props.required ? (
        <div class="notice notice--info" role="status">
          {t('auth.totp_required_notice')}
        </div>
      ) : null}
      {setup.enabled ? (
        <p>{t('auth.totp_status_on')}</p>
      ) : (
        <>
          <p>{t('auth.totp_setup_intro')}</p>
          <dl class="summary-list">
            <dt>{t('auth.totp_secret')}</dt>
            <dd>
              <code class="secret" dir="ltr">
                {groupSecret(setup.secret)}
              </code>
            </dd>
            <dt>{t('auth.totp_uri')}</dt>
            <dd>
              <code class="secret" dir="ltr">
                {setup.uri}
              </code>
            </dd>
          </dl>
          <p>{t('auth.totp_setup_confirm_intro')}</p>
          <ErrorSummary errors={props.form.errors} />
          <Form action="/account/2fa/setup">
            <TextField name="code" label={t('auth.totp_code')} form={props.form} autocomplete="one-time-code" inputMode="numeric" maxLength={10} required />
            <Button>{t('auth.totp_enable_submit')}</Button>
          </Form>
        </>
      )}
      <p>
        <a href="/account">{t('auth.back_to_account')}</a>
      </p>
    </AdminLayout>
  );
}
