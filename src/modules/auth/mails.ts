import { translator } from '../../platform/i18n/catalog.js';

export type ComposedMail = { subject: string; text: string; html: string };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Plain-text paragraphs and a link, as text and as simple HTML. */
function compose(subject: string, paragraphs: string[], link: { href: string; label: string }, footer: string): ComposedMail {
  const text = [...paragraphs, link.href, footer].join('\n\n') + '\n';
  const html =
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') +
    `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>\n<p>${escapeHtml(link.href)}</p>\n<p>${escapeHtml(footer)}</p>\n`;
  return { subject, text, html };
}

/** The password-reset mail in the account's UI language. */
export function passwordResetMail(lang: string, input: { name: string; link: string; minutes: number }): ComposedMail {
  const t = translator(lang);
  return compose(
    t('auth.mail_reset_subject'),
    [t('auth.mail_greeting', { name: input.name }), t('auth.mail_reset_body', { minutes: input.minutes })],
    { href: input.link, label: t('auth.mail_reset_action') },
    t('auth.mail_reset_footer'),
  );
}

/** The invitation mail in the inviter's UI language. */
export function invitationMail(
  lang: string,
  input: { name: string; inviter: string; region: string; role: string; link: string; days: number },
): ComposedMail {
  const t = translator(lang);
  return compose(
    t('auth.mail_invitation_subject', { region: input.region }),
    [
      t('auth.mail_greeting', { name: input.name }),
      t('auth.mail_invitation_body', { inviter: input.inviter, region: input.region, role: t(`auth.role_${input.role}`) }),
      t('auth.mail_invitation_expiry', { days: input.days }),
    ],
    { href: input.link, label: t('auth.mail_invitation_action') },
    t('auth.mail_invitation_footer'),
  );
}
