import { PublicLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { PASSWORD_MIN } from '../../../platform/auth/passwords.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import type { InvitationView } from '../service.js';

/** The page behind an invitation link: set up a new account, or sign in and accept. */
export function InvitationPage(props: { invitation: InvitationView; token: string; form: FormState }) {
  const { t, actor } = usePage();
  const inv = props.invitation;
  const action = `/invitation/${encodeURIComponent(props.token)}`;
  const signedInAsInvitee = Boolean(actor && actor.email.toLowerCase() === inv.email.toLowerCase());
  return (
    <PublicLayout title={t('auth.invitation_title')}>
      <div class="narrow">
        <h1>{t('auth.invitation_title')}</h1>
        <p>{t('auth.invitation_intro', { region: inv.regionName, role: t(`auth.role_${inv.role}`) })}</p>
        {inv.languages.length ? <p>{t('auth.invitation_languages', { languages: inv.languages.map((l) => languageInfo(l).nativeName).join(', ') })}</p> : null}
        <p>{t('auth.invitation_for_email', { email: inv.email })}</p>
        {!inv.accountExists ? (
          <>
            <ErrorSummary errors={props.form.errors} />
            <Form action={action}>
              <TextField name="name" label={t('auth.name')} form={props.form} autocomplete="name" required maxLength={200} />
              <TextField name="password" type="password" label={t('auth.new_password')} hint={t('auth.password_hint', { min: PASSWORD_MIN })} form={props.form} autocomplete="new-password" required />
              <TextField name="password_confirm" type="password" label={t('auth.password_confirm')} form={props.form} autocomplete="new-password" required />
              <Button>{t('auth.invitation_create_submit')}</Button>
            </Form>
          </>
        ) : signedInAsInvitee ? (
          <Form action={action}>
            <Button>{t('auth.invitation_accept_submit')}</Button>
          </Form>
        ) : actor ? (
          <>
            <p class="notice notice--info">{t('auth.invitation_other_account')}</p>
            <Form action="/logout">
              <Button variant="secondary">{t('auth.logout')}</Button>
            </Form>
          </>
        ) : (
          <>
            <p>{t('auth.invitation_sign_in_first')}</p>
            <p>
              <a class="button button--primary" href={`/login?next=${encodeURIComponent(action)}`}>
                {t('auth.login_submit')}
              </a>
            </p>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
