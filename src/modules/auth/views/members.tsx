import { AdminLayout } from '../../../web/components/layout.js';
import { Button, Checkboxes, ErrorSummary, Form, Select, TextField, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { languageInfo } from '../../../platform/i18n/languages.js';
import { ROLES } from '../../../platform/schema.js';
import type { MemberListing } from '../service.js';
import { TableWrap } from '../../../web/components/table-wrap.js';

function formatDate(lang: string, d: Date): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(d);
}

/** People and roles of the regions one manages, open invitations, and the invitation form. */
export function MembersPage(props: { listing: MemberListing; regionFilter?: string | undefined; invite: FormState }) {
  const { t, lang } = usePage();
  const { listing } = props;
  const selected = listing.regions.find((r) => r.id === props.regionFilter);
  const inviteRegions = selected ? listing.invitable.filter((r) => r.id === selected.id || r.path.includes(selected.id)) : listing.invitable;
  const languageChoices = [...new Set((inviteRegions.length ? inviteRegions : listing.invitable).flatMap((r) => r.languages))];
  const filterQuery = props.regionFilter ? `?region=${encodeURIComponent(props.regionFilter)}` : '';
  return (
    <AdminLayout title={t('auth.members_title')}>
      <h1>{t('auth.members_title')}</h1>

      <form method="get" action="/admin/members" class="filter-form">
        <div class="field">
          <label for="f-region">{t('auth.members_filter_region')}</label>
          <select id="f-region" name="region">
            <option value="">{t('auth.members_all_regions')}</option>
            {listing.regions.map((r) => (
              <option key={r.id} value={r.id} selected={r.id === props.regionFilter}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t('auth.members_filter_submit')}
        </button>
      </form>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('auth.members_heading')}</h2>
        {listing.members.length ? (
          <TableWrap>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('auth.name')}</th>
                  <th scope="col">{t('auth.email')}</th>
                  <th scope="col">{t('auth.region')}</th>
                  <th scope="col">{t('auth.role')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('auth.session_actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {listing.members.map((m) => (
                  <tr key={`${m.accountId}:${m.regionId}:${m.role}`}>
                    <td>
                      {m.name}
                      {m.disabledAt ? <span class="tag"> {t('auth.account_disabled')}</span> : null}
                    </td>
                    <td dir="ltr">{m.email}</td>
                    <td>{m.regionLabel}</td>
                    <td>
                      {t(`auth.role_${m.role}`)}
                      {m.languages.length ? ` (${m.languages.map((l) => languageInfo(l).nativeName).join(', ')})` : ''}
                    </td>
                    <td>
                      {m.canResetTwoFactor ? (
                        <Form
                          action={`/admin/members/${encodeURIComponent(m.accountId)}/2fa-reset${filterQuery}`}
                          class="inline-form"
                          confirm={t('auth.member_2fa_reset_confirm', { name: m.name || m.email })}
                        >
                          <Button variant="secondary">{t('auth.member_2fa_reset')}</Button>
                        </Form>
                      ) : null}
                      {m.canRemove ? (
                        <Form action={`/admin/members/remove${filterQuery}`} class="inline-form" confirm={t('auth.member_remove_confirm', { name: m.name || m.email })}>
                          <input type="hidden" name="accountId" value={m.accountId} />
                          <input type="hidden" name="regionId" value={m.regionId} />
                          <input type="hidden" name="role" value={m.role} />
                          <Button variant="secondary">{t('auth.member_remove')}</Button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t('common.none')}</p>
        )}
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('auth.invitations_heading')}</h2>
        {listing.invitations.length ? (
          <TableWrap>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('auth.email')}</th>
                  <th scope="col">{t('auth.region')}</th>
                  <th scope="col">{t('auth.role')}</th>
                  <th scope="col">{t('auth.invitation_expires')}</th>
                </tr>
              </thead>
              <tbody>
                {listing.invitations.map((i) => (
                  <tr key={i.id}>
                    <td dir="ltr">{i.email}</td>
                    <td>{i.regionLabel}</td>
                    <td>{i.role ? t(`auth.role_${i.role}`) : ''}</td>
                    <td>{formatDate(lang, i.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t('common.none')}</p>
        )}
      </section>

      {listing.invitable.length ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t('auth.invite_heading')}</h2>
          <p>{t('auth.invite_intro')}</p>
          <ErrorSummary errors={props.invite.errors} />
          <Form action={`/admin/members/invite${filterQuery}`}>
            <TextField name="email" type="email" label={t('auth.email')} form={props.invite} autocomplete="off" required maxLength={254} />
            <TextField name="name" label={t('auth.name')} form={props.invite} autocomplete="off" required maxLength={200} />
            <Select name="region_id" label={t('auth.region')} form={props.invite} required options={inviteRegions.map((r) => ({ value: r.id, label: r.label }))} />
            <Select name="role" label={t('auth.role')} form={props.invite} required options={ROLES.map((r) => ({ value: r, label: t(`auth.role_${r}`) }))} />
            {languageChoices.length ? (
              <Checkboxes
                name="languages"
                label={t('auth.invite_languages')}
                hint={t('auth.invite_languages_hint')}
                form={props.invite}
                options={languageChoices.map((code) => ({ value: code, label: languageInfo(code).nativeName }))}
              />
            ) : null}
            <Button>{t('auth.invite_submit')}</Button>
          </Form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
