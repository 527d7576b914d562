import type { ComponentChildren } from 'preact';
import { languageInfo } from '../../../platform/i18n/languages.js';
import { AdminLayout } from '../../../web/components/layout.js';
import { Button, describedBy, ErrorSummary, FieldShell, Form, RichTextField, Select, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { TableHead, TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import { RevisionDiff, EditorLabels, EditorScript } from '../../guide/index.js';
import type { RegionRow } from '../../regions/index.js';
import { documentTypeLabel, formatMoment, formatOccurrence, FORUM_DOCUMENT_MAX_MB, memberLanguages, type DateListItem, type DocumentInfo, type MemberListItem, type TextConflict, type TextField as ForumText } from '../forum.js';
import { DOCUMENT_KINDS } from '../schema.js';
import type { EventRow, OccurrenceRow } from '../service.js';
import { eventUrls } from '../urls.js';
import { DateLine, formatBytes, isolate, StoredText } from './forum-parts.js';

export const forumHref = (regionId: string, eventId: string): string => `/admin/regions/${regionId}/events/${eventId}/forum`;
export const forumDateHref = (regionId: string, eventId: string, occurrenceId: string): string => `${forumHref(regionId, eventId)}/dates/${occurrenceId}`;
export const forumDocumentHref = (regionId: string, eventId: string, documentId: string): string => `${forumHref(regionId, eventId)}/documents/${documentId}`;

/** How many upcoming and past dates the forum page lists (a weekly series has hundreds). */
const UPCOMING_SHOWN = 12;
const PAST_SHOWN = 60;

function ForumLayout(props: { region: RegionRow; event: EventRow; title: string; head?: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <AdminLayout title={props.title} head={props.head}>
      <p class="breadcrumbs">
        <a href="/admin/regions">{t('regions.admin_list_title')}</a> › <a href={`/admin/regions/${props.region.id}`}>{props.region.name}</a> ›{' '}
        <a href={`/admin/regions/${props.region.id}/events`}>{t('events-forum.crumb_events')}</a> ›{' '}
        <a href={forumHref(props.region.id, props.event.id)}>{t('events-forum.crumb_forum', { title: isolate(props.event.title) })}</a>
      </p>
      {props.children}
    </AdminLayout>
  );
}

function Moment(props: { at: Date; timeZone: string }) {
  const { lang } = usePage();
  return <time dateTime={props.at.toISOString()}>{formatMoment(props.at, lang, props.timeZone)}</time>;
}

// ---------- forum page: members and dates ----------

function MembersSection(props: { region: RegionRow; event: EventRow; members: MemberListItem[]; organizations: { id: string; name: string }[]; form: FormState }) {
  const { t } = usePage();
  const base = forumHref(props.region.id, props.event.id);
  const languageOptions = memberLanguages(props.region).map((code) => ({ value: code, label: languageInfo(code).nativeName }));
  const organizationOptions = [{ value: '', label: t('events-forum.member_organization_none') }, ...props.organizations.map((o) => ({ value: o.id, label: o.name }))];
  return (
    <section aria-labelledby="forum-members-title" class="forum-section">
      <h2 id="forum-members-title">{t('events-forum.members_title')}</h2>
      <p class="hint">{t('events-forum.members_hint')}</p>
      {props.members.length ? (
        <TableWrap label={t('events-forum.members_title')}>
          <table class="forum-table">
            <caption class="visually-hidden">{t('events-forum.members_count', { count: props.members.length })}</caption>
            <TableHead columns={[t('events-forum.member_name'), t('events-forum.member_email'), t('events-forum.member_role'), t('events-forum.member_organization'), t('events-forum.member_language')]} actions={t('events-forum.actions')} />
            <tbody>
              {props.members.map((m) => (
                <tr key={m.id}>
                  <td>
                    <bdi>{m.name}</bdi>
                  </td>
                  <td>
                    <bdi dir="ltr">{m.email}</bdi>
                  </td>
                  <td>{m.role ? <bdi>{m.role}</bdi> : '–'}</td>
                  <td>{m.directoryName || m.organizationName ? <bdi>{m.directoryName ?? m.organizationName}</bdi> : '–'}</td>
                  <td>
                    <span lang={m.language} dir={languageInfo(m.language).direction}>
                      {languageInfo(m.language).nativeName}
                    </span>
                  </td>
                  <td>
                    <RowAction action={`${base}/members/${m.id}/remove`} confirm={t('events-forum.member_remove_confirm', { name: isolate(m.name) })} label={t('events-forum.member_remove')} name={m.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('events-forum.members_none')}</p>
      )}
      <h3 id="forum-member-add">{t('events-forum.member_add_title')}</h3>
      <Form action={`${base}/members`} id="forum-member-form">
        <ErrorSummary errors={props.form.errors} />
        <TextField name="name" label={t('events-forum.member_name')} form={props.form} required maxLength={200} autocomplete="off" />
        <TextField name="email" type="email" label={t('events-forum.member_email')} form={props.form} required maxLength={254} dir="ltr" autocomplete="off" />
        <FieldShell name="role" label={t('events-forum.member_role')} hint={t('events-forum.member_role_hint')} form={props.form}>
          <input
            id="f-role"
            name="role"
            type="text"
            list="forum-roles"
            maxLength={100}
            value={valueOf(props.form, 'role')}
            aria-invalid={props.form.errors.role ? 'true' : undefined}
            aria-describedby={describedBy({ name: 'role', form: props.form, hint: t('events-forum.member_role_hint') })}
          />
          <datalist id="forum-roles">
            {['chair', 'minutes', 'member', 'guest'].map((r) => (
              <option key={r} value={t(`events-forum.role_${r}`)} />
            ))}
          </datalist>
        </FieldShell>
        <Select name="organizationId" label={t('events-forum.member_organization')} hint={t('events-forum.member_organization_hint')} form={props.form} options={organizationOptions} />
        <TextField name="organizationName" label={t('events-forum.member_organization_name')} hint={t('events-forum.member_organization_name_hint')} form={props.form} maxLength={200} />
        <Select name="language" label={t('events-forum.member_language')} hint={t('events-forum.member_language_hint')} form={{ ...props.form, values: { language: props.region.sourceLanguage, ...props.form.values } }} options={languageOptions} required />
        <Button>{t('events-forum.member_add')}</Button>
      </Form>
    </section>
  );
}

/** A button in a table row (remove, delete) that asks first; screen readers hear which row it acts on. */
function RowAction(props: { action: string; confirm: string; label: string; name: string }) {
  return (
    <Form action={props.action} class="inline-form" confirm={props.confirm}>
      <button type="submit" class="link-button">
        {props.label}
        <span class="visually-hidden">
          : <bdi>{props.name}</bdi>
        </span>
      </button>
    </Form>
  );
}

/** Dates of the series as a table: the date (a link to its page) and the given columns; `empty` when there are none. */
function DatesTable(props: { region: RegionRow; event: EventRow; title: string; empty: string; dates: DateListItem[]; columns: { title: string; cell: (d: DateListItem) => ComponentChildren }[] }) {
  const { t } = usePage();
  if (!props.dates.length) return <p>{props.empty}</p>;
  return (
    <TableWrap label={props.title}>
      <table class="forum-table">
        <TableHead columns={[t('events-forum.date'), ...props.columns.map((c) => c.title)]} />
        <tbody>
          {props.dates.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <a href={forumDateHref(props.region.id, props.event.id, d.id)}>
                  <DateLine event={props.event} occurrence={d} />
                </a>
                {d.status === 'cancelled' ? <span class="badge forum-badge--cancelled"> {t('events-forum.date_cancelled')}</span> : null}
              </th>
              {props.columns.map((c) => (
                <td key={c.title}>{c.cell(d)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DatesSection(props: { region: RegionRow; event: EventRow; dates: DateListItem[]; now: Date }) {
  const { t, lang } = usePage();
  const { region, event } = props;
  const upcoming = props.dates.filter((d) => d.startsAt > props.now).slice(0, UPCOMING_SHOWN);
  const past = props.dates
    .filter((d) => d.startsAt <= props.now)
    .reverse()
    .slice(0, PAST_SHOWN);
  const written = (html: string | null) => (html ? t('events-forum.text_written') : t('events-forum.text_missing'));
  return (
    <section aria-labelledby="forum-dates-title" class="forum-section">
      <h2 id="forum-dates-title">{t('events-forum.dates_title')}</h2>
      <h3 id="forum-upcoming-title">{t('events-forum.dates_upcoming')}</h3>
      <DatesTable
        region={region}
        event={event}
        title={t('events-forum.dates_upcoming')}
        empty={t('events-forum.dates_none_upcoming')}
        dates={upcoming}
        columns={[
          {
            title: t('events-forum.invitations'),
            cell: (d) => (d.invitationsSentAt ? t('events-forum.invitations_sent_short', { when: formatMoment(d.invitationsSentAt, lang, region.timezone) }) : t('events-forum.invitations_not_sent')),
          },
          { title: t('events-forum.agenda'), cell: (d) => written(d.agendaHtml) },
        ]}
      />
      <h3 id="forum-past-title">{t('events-forum.dates_past')}</h3>
      <DatesTable
        region={region}
        event={event}
        title={t('events-forum.dates_past')}
        empty={t('events-forum.dates_none_past')}
        dates={past}
        columns={[
          { title: t('events-forum.minutes'), cell: (d) => written(d.minutesHtml) },
          { title: t('events-forum.documents'), cell: (d) => d.documents },
          { title: t('events-forum.documentation'), cell: (d) => (d.documentationPublishedAt ? t('events-forum.documentation_published_short') : t('events-forum.documentation_unpublished_short')) },
        ]}
      />
    </section>
  );
}

/** /admin/regions/:id/events/:eventId/forum — members (list, add, remove) and the dates of the series. */
export function ForumPage(props: { region: RegionRow; event: EventRow; members: MemberListItem[]; dates: DateListItem[]; organizations: { id: string; name: string }[]; memberForm: FormState; now: Date }) {
  const { t } = usePage();
  const title = t('events-forum.page_title', { title: isolate(props.event.title) });
  return (
    <ForumLayout region={props.region} event={props.event} title={title}>
      <h1>{title}</h1>
      <p class="meta">
        {t(`events.category_${props.event.category}`)}
        {props.event.status !== 'published' ? <> · {t(`events-forum.event_status_${props.event.status}`)}</> : null}
      </p>
      <p>
        <a href={eventUrls.documentationList(props.region.slug, props.region.sourceLanguage)}>{t('events-forum.public_overview_link')}</a>
      </p>
      <DatesSection region={props.region} event={props.event} dates={props.dates} now={props.now} />
      <MembersSection region={props.region} event={props.event} members={props.members} organizations={props.organizations} form={props.memberForm} />
    </ForumLayout>
  );
}

// ---------- one date ----------

function InvitationsSection(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; members: number; now: Date }) {
  const { t } = usePage();
  const { region, event, occurrence } = props;
  const href = forumDateHref(region.id, event.id, occurrence.id);
  const upcoming = occurrence.startsAt > props.now;
  return (
    <section aria-labelledby="forum-invitations-title" class="forum-section">
      <h2 id="forum-invitations-title">{t('events-forum.invitations')}</h2>
      {occurrence.invitationsSentAt ? (
        <p>
          {t('events-forum.invitations_sent_on')} <Moment at={occurrence.invitationsSentAt} timeZone={region.timezone} />
        </p>
      ) : (
        <p>{t('events-forum.invitations_not_sent')}</p>
      )}
      {!upcoming ? (
        <p class="hint">{t('events-forum.invitations_past')}</p>
      ) : occurrence.status === 'cancelled' || event.status === 'cancelled' ? (
        <p class="hint">{t('events-forum.invitations_cancelled')}</p>
      ) : props.members === 0 ? (
        <p class="hint">
          {t('events-forum.invitations_no_members')} <a href={`${forumHref(region.id, event.id)}#forum-member-add`}>{t('events-forum.member_add_title')}</a>
        </p>
      ) : (
        <Form action={`${href}/invitations`}>
          <p class="hint">{t('events-forum.invitations_hint', { count: props.members })}</p>
          <Button>{t('events-forum.invitations_send', { count: props.members })}</Button>
        </Form>
      )}
    </section>
  );
}

function TextSection(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; field: ForumText }) {
  const { t } = usePage();
  const html = props.field === 'agenda' ? props.occurrence.agendaHtml : props.occurrence.minutesHtml;
  const id = `forum-${props.field}-title`;
  return (
    <section aria-labelledby={id} class="forum-section">
      <h2 id={id}>{t(`events-forum.${props.field}`)}</h2>
      {html ? <StoredText html={html} lang={props.region.sourceLanguage} /> : <p>{t(`events-forum.${props.field}_none`)}</p>}
      <p>
        <a class="button button--secondary" href={`${forumDateHref(props.region.id, props.event.id, props.occurrence.id)}/${props.field}`}>
          {t(`events-forum.${props.field}_edit`)}
        </a>
      </p>
    </section>
  );
}

function DocumentsSection(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; documents: DocumentInfo[]; form: FormState }) {
  const { t, lang, csrfToken } = usePage();
  const { region, event, occurrence, form } = props;
  const action = `${forumDateHref(region.id, event.id, occurrence.id)}/documents`;
  const fileHint = t('events-forum.document_file_hint', { max: FORUM_DOCUMENT_MAX_MB });
  const publicChecked = form.values.public === undefined ? !form.values.title : valueOf(form, 'public') === '1';
  return (
    <section aria-labelledby="forum-documents-title" class="forum-section">
      <h2 id="forum-documents-title">{t('events-forum.documents')}</h2>
      {props.documents.length ? (
        <TableWrap label={t('events-forum.documents')}>
          <table class="forum-table">
            <TableHead columns={[t('events-forum.document_title'), t('events-forum.document_kind'), t('events-forum.document_type'), t('events-forum.document_visibility')]} actions={t('events-forum.actions')} />
            <tbody>
              {props.documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={forumDocumentHref(region.id, event.id, d.id)} download={d.filename}>
                      <bdi>{d.title}</bdi>
                    </a>
                    <br />
                    <span class="meta">
                      <bdi>{d.filename}</bdi>
                    </span>
                  </td>
                  <td>{t(`events-forum.kind_${d.kind}`)}</td>
                  <td>{t('events-forum.document_format', { type: documentTypeLabel(d.contentType), size: formatBytes(d.bytes, lang) })}</td>
                  <td>{d.public ? t('events-forum.document_public') : t('events-forum.document_internal')}</td>
                  <td>
                    <RowAction action={`${forumDocumentHref(region.id, event.id, d.id)}/delete`} confirm={t('events-forum.document_delete_confirm', { title: isolate(d.title) })} label={t('events-forum.document_delete')} name={d.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('events-forum.documents_none')}</p>
      )}
      <h3 id="forum-upload-title">{t('events-forum.document_upload_title')}</h3>
      {/* Multipart with the CSRF token as the first field: the server reads it before the file. */}
      <form method="post" action={action} encType="multipart/form-data" noValidate id="forum-upload-form" aria-labelledby="forum-upload-title">
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <ErrorSummary errors={form.errors} />
        <TextField name="title" label={t('events-forum.document_title')} form={form} required maxLength={200} />
        <Select name="kind" label={t('events-forum.document_kind')} form={{ ...form, values: { kind: occurrence.startsAt > new Date() ? 'agenda' : 'minutes', ...form.values } }} required options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`events-forum.kind_${k}`) }))} />
        <div class="checkbox">
          <input type="checkbox" id="f-public" name="public" value="1" checked={publicChecked} aria-describedby="h-public" />
          <label for="f-public">
            {t('events-forum.document_public_label')}
            <span class="hint" id="h-public">
              {' '}
              {t('events-forum.document_public_hint')}
            </span>
          </label>
        </div>
        <FieldShell name="file" label={t('events-forum.document_file')} hint={fileHint} form={form} required>
          <input
            id="f-file"
            name="file"
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp"
            required
            aria-invalid={form.errors.file ? 'true' : undefined}
            aria-describedby={describedBy({ name: 'file', form, hint: fileHint })}
          />
        </FieldShell>
        <Button>{t('events-forum.document_upload')}</Button>
      </form>
    </section>
  );
}

function DocumentationSection(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; now: Date }) {
  const { t } = usePage();
  const { region, event, occurrence } = props;
  const href = `${forumDateHref(region.id, event.id, occurrence.id)}/documentation`;
  const publicUrl = eventUrls.documentation(region.slug, region.sourceLanguage, event.id, occurrence.id);
  return (
    <section aria-labelledby="forum-documentation-title" class="forum-section">
      <h2 id="forum-documentation-title">{t('events-forum.documentation')}</h2>
      {occurrence.documentationPublishedAt ? (
        <>
          <p>
            {t('events-forum.documentation_published_on')} <Moment at={occurrence.documentationPublishedAt} timeZone={region.timezone} />
          </p>
          {event.status === 'draft' ? <p class="hint">{t('events-forum.documentation_event_draft')}</p> : null}
          <p>
            <a href={publicUrl}>{t('events-forum.documentation_view')}</a>
          </p>
          <Form action={href}>
            <input type="hidden" name="action" value="unpublish" />
            <Button variant="secondary">{t('events-forum.documentation_unpublish')}</Button>
          </Form>
        </>
      ) : occurrence.startsAt > props.now ? (
        <p class="hint">{t('events-forum.documentation_after_date')}</p>
      ) : occurrence.status === 'cancelled' ? (
        <p class="hint">{t('events-forum.documentation_cancelled')}</p>
      ) : (
        <>
          <p>{t('events-forum.documentation_unpublished')}</p>
          <p class="hint">{t('events-forum.documentation_hint')}</p>
          <Form action={href}>
            <input type="hidden" name="action" value="publish" />
            <Button>{t('events-forum.documentation_publish')}</Button>
          </Form>
        </>
      )}
    </section>
  );
}

/** /admin/…/forum/dates/:occurrenceId — invitations, agenda, minutes, documents and documentation of one date. */
export function ForumDatePage(props: {
  region: RegionRow;
  event: EventRow;
  occurrence: OccurrenceRow;
  documents: DocumentInfo[];
  members: number;
  place: string;
  uploadForm: FormState;
  now: Date;
}) {
  const { t, lang } = usePage();
  const { region, event, occurrence } = props;
  const when = formatOccurrence(event, occurrence, lang);
  const title = t('events-forum.date_page_title', { title: isolate(event.title), date: when.date });
  const upcoming = occurrence.startsAt > props.now;
  return (
    <ForumLayout region={region} event={event} title={title}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t('events-forum.date')}</dt>
        <dd>
          <DateLine event={event} occurrence={occurrence} />
        </dd>
        {props.place ? (
          <>
            <dt>{t('events-forum.place')}</dt>
            <dd>{props.place}</dd>
          </>
        ) : null}
      </dl>
      {occurrence.status === 'cancelled' ? (
        <p class="notice notice--warning" role="status">
          {t('events-forum.date_cancelled_notice')}
        </p>
      ) : null}
      {upcoming ? <InvitationsSection region={region} event={event} occurrence={occurrence} members={props.members} now={props.now} /> : null}
      <TextSection region={region} event={event} occurrence={occurrence} field="agenda" />
      {!upcoming ? <TextSection region={region} event={event} occurrence={occurrence} field="minutes" /> : null}
      <DocumentsSection region={region} event={event} occurrence={occurrence} documents={props.documents} form={props.uploadForm} />
      {!upcoming ? <DocumentationSection region={region} event={event} occurrence={occurrence} now={props.now} /> : null}
      {upcoming ? <AfterDateNote /> : null}
    </ForumLayout>
  );
}

/** Minutes and documentation follow the date; said once so editors know where they will find them. */
function AfterDateNote() {
  const { t } = usePage();
  return <p class="hint">{t('events-forum.after_date_note')}</p>;
}

/** "Invitations went out on …: send again?" — the no-JavaScript confirmation before sending a second time. */
export function InvitationsConfirmPage(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; sentAt: Date; members: number }) {
  const { t, lang } = usePage();
  const { region, event, occurrence } = props;
  const when = formatOccurrence(event, occurrence, lang);
  const href = forumDateHref(region.id, event.id, occurrence.id);
  const title = t('events-forum.resend_title');
  return (
    <ForumLayout region={region} event={event} title={title}>
      <h1>{title}</h1>
      <div class="notice notice--warning" role="alert">
        <p>{t('events-forum.invitations_already_sent_on', { when: formatMoment(props.sentAt, lang, region.timezone), date: when.date })}</p>
      </div>
      <Form action={`${href}/invitations`}>
        <input type="hidden" name="resend" value="1" />
        <div class="button-group">
          <Button>{t('events-forum.resend_confirm', { count: props.members })}</Button>
          <a class="button button--secondary" href={href}>
            {t('events-forum.resend_cancel')}
          </a>
        </div>
      </Form>
    </ForumLayout>
  );
}

/** The agenda or minutes form: rich-text editor island over a textarea (HTML without JavaScript), revision check. */
export function ForumTextPage(props: { region: RegionRow; event: EventRow; occurrence: OccurrenceRow; field: ForumText; form: FormState; conflict?: TextConflict | undefined }) {
  const { t, lang } = usePage();
  const { region, event, occurrence, field, form } = props;
  const when = formatOccurrence(event, occurrence, lang);
  const title = t(`events-forum.${field}_page_title`, { title: isolate(event.title), date: when.date });
  const href = forumDateHref(region.id, event.id, occurrence.id);
  const contentLang = region.sourceLanguage;
  const info = languageInfo(contentLang);
  const hint = t('events-forum.text_hint');
  return (
    <ForumLayout region={region} event={event} title={title} head={<EditorScript />}>
      <p>
        <a href={href}>{t('events-forum.back_to_date')}</a>
      </p>
      <h1>{title}</h1>
      {props.conflict ? (
        <div class="notice notice--error" role="alert">
          <p>{t('errors.revision_conflict')}</p>
        </div>
      ) : null}
      {props.conflict ? (
        <section class="conflict__stored" aria-labelledby="forum-stored-title">
          <h2 id="forum-stored-title">{t('events-forum.conflict_stored')}</h2>
          {props.conflict.html ? <StoredText html={props.conflict.html} lang={contentLang} class="stored-text" /> : <p>{t(`events-forum.${field}_none`)}</p>}
          <details>
            <summary>{t('events-forum.conflict_diff')}</summary>
            <RevisionDiff before={props.conflict.html} after={valueOf(form, 'html')} lang={contentLang} dir={info.direction} />
          </details>
          <h2>{t('events-forum.conflict_yours')}</h2>
        </section>
      ) : null}
      <Form action={`${href}/${field}`} id="forum-text-form">
        <ErrorSummary errors={form.errors} />
        <input type="hidden" name="revision" value={valueOf(form, 'revision')} />
        <RichTextField name="html" label={t(`events-forum.${field}`)} hint={hint} form={form} language={contentLang} rows={18} config={<EditorLabels language={contentLang} />} />
        <div class="form-actions">
          <Button>{props.conflict ? t('events-forum.save_mine') : t('events-forum.save')}</Button>{' '}
          <a class="button button--secondary" href={href}>
            {t('events-forum.cancel')}
          </a>
        </div>
      </Form>
    </ForumLayout>
  );
}
