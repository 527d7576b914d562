import type { Flash } from '../../../platform/http/context.js';
import { PublicLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { PASSWORD_MIN } from '../../../platform/auth/passwords.js';

/** A message shown above a form (not a field error): wrong credentials, wait, … */
export type Notice = Omit<Flash, 'type'> & { type: 'error' | 'info' };

function NoticeBox({ notice }: { notice?: Notice | undefined }) {
  const { t } = usePage();
  if (!notice) return null;
  return (
    <div class={`notice notice--${notice.type}`} role={notice.type === 'error' ? 'alert' : 'status'}>
      {t(notice.key, notice.params)}
    </div>
  );
}

function nextQuery(next: string | undefined): string {
  return next ? `?next=${encodeURIComponent(next)}` : '';
}

/** Sign-in with e-mail and password. */
export function LoginPage(props: { form: FormState; next?: string | undefined; notice?: Notice | undefined }) {
  const { t } = usePage();
  return (
    <PublicLayout title={t('auth.login_title')}>
      <div class="narrow">
        <h1>{t('auth.login_title')}</h1>
        <NoticeBox notice={props.notice} />
        <ErrorSummary errors={props.form.errors} />
        <Form action={`/login${nextQuery(props.next)}`}>
          {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
          <TextField name="email" type="email" label={t('auth.email')} form={props.form} autocomplete="username" required maxLength={254} />
          <TextField name="password" type="password" label={t('auth.password')} form={props.form} autocomplete="current-password" required />
          <Button>{t('auth.login_submit')}</Button>
        </Form>
        <p>
          <a href="/password/forgot">{t('auth.forgot_link')}</a>
        </p>
      </div>
    </PublicLayout>
  );
}

/** The second step of signing in: the code from the authenticator app. */
export function SecondFactorPage(props: { form: FormState; next?: string | undefined; notice?: Notice | undefined }) {
  const { t } = usePage();
  return (
    <PublicLayout title={t('auth.totp_login_title')}>
      <div class="narrow">
        <h1>{t('auth.totp_login_title')}</h1>
        <p>{t('auth.totp_login_intro')}</p>
        <NoticeBox notice={props.notice} />
        <ErrorSummary errors={props.form.errors} />
        <Form action={`/login/2fa${nextQuery(props.next)}`}>
          {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
          <TextField name="code" label={t('auth.totp_code')} form={props.form} autocomplete="one-time-code" inputMode="numeric" maxLength={10} required />
          <Button>{t('auth.totp_login_submit')}</Button>
        </Form>
        <Form action="/logout">
          <Button variant="secondary">{t('auth.cancel_login')}</Button>
        </Form>
      </div>
    </PublicLayout>
  );
}

/** "Forgot password": asks for the e-mail; the answer is the same whether an account exists or not. */
export function ForgotPasswordPage(props: { form: FormState }) {
  const { t } = usePage();
  return (
    <PublicLayout title={t('auth.forgot_title')}>
      <div class="narrow">
        <h1>{t('auth.forgot_title')}</h1>
        <p>{t('auth.forgot_intro')}</p>
        <ErrorSummary errors={props.form.errors} />
        <Form action="/password/forgot">
          <TextField name="email" type="email" label={t('auth.email')} form={props.form} autocomplete="username" required maxLength={254} />
          <Button>{t('auth.forgot_submit')}</Button>
        </Form>
        <p>
          <a href="/login">{t('auth.back_to_login')}</a>
        </p>
      </div>
    </PublicLayout>
  );
}

/** New password through a reset link. */
export function ResetPasswordPage(props: { form: FormState; token: string }) {
  const { t } = usePage();
  return (
    <PublicLayout title={t('auth.reset_title')}>
      <div class="narrow">
        <h1>{t('auth.reset_title')}</h1>
        <ErrorSummary errors={props.form.errors} />
        <Form action={`/password/reset/${encodeURIComponent(props.token)}`}>
          <TextField name="password" type="password" label={t('auth.new_password')} hint={t('auth.password_hint', { min: PASSWORD_MIN })} form={props.form} autocomplete="new-password" required />
          <TextField name="password_confirm" type="password" label={t('auth.password_confirm')} form={props.form} autocomplete="new-password" required />
          <Button>{t('auth.reset_submit')}</Button>
        </Form>
      </div>
    </PublicLayout>
  );
}
