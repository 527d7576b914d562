import { AdminLayout } from '../../../web/components/layout.js';
import { Button, ErrorSummary, Form, TextField, type FormState } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import { ALT_MAX, MEDIA_MAX_MB, mediaUrl, type MediaRow } from '../media.js';

/** A small preview of an image (the 320 px variant, or the smallest there is). */
export function MediaThumb(props: { media: Pick<MediaRow, 'id' | 'alt' | 'width' | 'height' | 'widths'> }) {
  const m = props.media;
  const width = [...m.widths].sort((a, b) => a - b)[0] ?? m.width;
  const height = Math.max(1, Math.round((m.height * width) / Math.max(1, m.width)));
  return <img class="media-thumb" src={mediaUrl(m.id, width)} alt={m.alt} width={width} height={height} loading="lazy" />;
}

/** The upload form: multipart, CSRF token as the first field (the server reads it before the file). */
function UploadForm(props: { region: RegionRow; form: FormState }) {
  const { t, csrfToken } = usePage();
  const { form } = props;
  const fileError = form.errors.file;
  return (
    <section class="media-upload" aria-labelledby="media-upload-title">
      <h2 id="media-upload-title">{t('editor.upload_title')}</h2>
      <form method="post" action={`/admin/regions/${props.region.id}/media`} encType="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <ErrorSummary errors={form.errors} />
        <div class={`field${fileError ? ' field--error' : ''}`}>
          <label for="f-file">{t('editor.field_file')}</label>
          <p class="hint" id="h-file">
            {t('editor.field_file_hint', { max: MEDIA_MAX_MB })}
          </p>
          {fileError ? (
            <p class="field-error" id="e-file">
              <span class="visually-hidden">{t('common.error_prefix')} </span>
              {t(fileError.key, fileError.params)}
            </p>
          ) : null}
          <input
            type="file"
            id="f-file"
            name="file"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/tiff"
            required
            aria-describedby={fileError ? 'h-file e-file' : 'h-file'}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </div>
        <TextField name="alt" label={t('editor.field_alt')} hint={t('editor.field_alt_hint')} form={form} required maxLength={ALT_MAX} autocomplete="off" />
        <Button variant="primary">{t('editor.upload')}</Button>
      </form>
    </section>
  );
}

/** The image library of a region: upload, list with thumbnails and alt texts, delete. */
export function MediaLibraryPage(props: { region: RegionRow; items: MediaRow[]; form: FormState }) {
  const { t, lang } = usePage();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: props.region.timezone });
  const number = new Intl.NumberFormat(lang);
  return (
    <AdminLayout title={`${t('editor.media_title')} – ${props.region.name}`}>
      <p>
        <a href={`/admin/regions/${props.region.id}`}>{t('editor.back_to_region')}</a>
      </p>
      <h1>
        {t('editor.media_title')} – {props.region.name}
      </h1>
      <p>{t('editor.media_intro')}</p>
      <UploadForm region={props.region} form={props.form} />
      {props.items.length === 0 ? (
        <p>{t('editor.empty')}</p>
      ) : (
        <TableWrap label={t('editor.media_title')}>
          <table class="data-table media-table">
            <caption class="visually-hidden">{t('editor.media_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.col_image')}</th>
                <th scope="col">{t('editor.col_alt')}</th>
                <th scope="col">{t('editor.col_size')}</th>
                <th scope="col">{t('editor.col_uploaded')}</th>
                <th scope="col">{t('editor.col_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((m) => (
                <tr key={m.id} data-media-id={m.id}>
                  <td>
                    <MediaThumb media={m} />
                  </td>
                  <td>
                    {m.alt ? m.alt : <em>{t('editor.alt_missing')}</em>}
                    <br />
                    <small class="media-table__filename">{m.filename}</small>
                  </td>
                  <td>{t('editor.size_value', { width: m.width, height: m.height, kb: number.format(Math.round(m.bytes / 1024)) })}</td>
                  <td>{date.format(m.createdAt)}</td>
                  <td>
                    <Form action={`/admin/regions/${props.region.id}/media/${m.id}/delete`} confirm={t('editor.delete_confirm')} class="inline-form">
                      <button type="submit" class="button button--danger">
                        {t('editor.delete')}
                        <span class="visually-hidden"> – {m.filename}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </AdminLayout>
  );
}
