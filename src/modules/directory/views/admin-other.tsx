import { Button, ErrorSummary, Form, TextArea, TextField, valueOf, type FormState } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { RegionRow } from '../../regions/index.js';
import type { TermRow } from '../queries.js';
import type { TranslatableKind } from '../schema.js';
import type { ObjectKind, TranslationState } from '../service.js';
import { DirectoryLayout, KIND_PATHS, StatusBadge, TranslationStates, dirBase, objectHref } from './admin-lists.js';

/** The category tree: rename, add a sub-category, move up/down, delete when unused. */
export function CategoriesPage(props: { region: RegionRow; terms: TermRow[]; states: Map<string, Record<string, TranslationState>>; form: FormState; editing?: string | undefined; error?: { key: string; params: Record<string, string | number> } | undefined }) {
  const { t } = usePage();
  const base = `${dirBase(props.region.id)}/categories`;
  const roots = props.terms.filter((x) => !x.parentId);
  const Item = ({ term, siblings, index }: { term: TermRow; siblings: TermRow[]; index: number }) => {
    const children = props.terms.filter((x) => x.parentId === term.id);
    const editing = props.editing === term.id;
    const form = editing ? props.form : { values: { name: term.name, description: term.description }, errors: {} };
    return (
      <li id={`term-${term.id}`} class="dir-term">
        <details open={editing}>
          <summary>
            {term.name} <code>{term.code}</code>
          </summary>
          <Form action={`${base}/${term.id}`}>
            <TextField name="name" label={t('directory-admin.field_name')} form={{ values: form.values, errors: form.errors }} required />
            <TextArea name="description" label={t('directory-admin.field_description')} form={form} rows={2} />
            <div class="checkbox">
              <input type="checkbox" id={`minor-${term.id}`} name="minor" value="1" />
              <label for={`minor-${term.id}`}>{t('directory-admin.minor_change')}</label>
            </div>
            <Button variant="secondary">{t('directory-admin.save')}</Button>
          </Form>
          <Form action={`${base}/${term.id}/delete`} confirm={t('directory-admin.term_delete_confirm', { name: term.name })}>
            <Button variant="danger">
              {t('directory-admin.term_delete')}
              <span class="visually-hidden"> {term.name}</span>
            </Button>
          </Form>
        </details>
        <TranslationStates region={props.region} kind="taxonomy_term" id={term.id} states={props.states.get(term.id)} linked />
        <Form action={`${base}/${term.id}/move`} class="dir-term__move">
          {index > 0 ? (
            <button type="submit" name="direction" value="up" class="icon-button">
              <span aria-hidden="true">↑</span>
              <span class="visually-hidden">{t('directory-admin.move_up', { name: term.name })}</span>
            </button>
          ) : null}
          {index < siblings.length - 1 ? (
            <button type="submit" name="direction" value="down" class="icon-button">
              <span aria-hidden="true">↓</span>
              <span class="visually-hidden">{t('directory-admin.move_down', { name: term.name })}</span>
            </button>
          ) : null}
        </Form>
        {children.length ? (
          <ol>
            {children.map((c, i) => (
              <Item key={c.id} term={c} siblings={children} index={i} />
            ))}
          </ol>
        ) : null}
      </li>
    );
  };
  const addForm = props.editing === 'new' ? props.form : { values: {}, errors: {} };
  return (
    <DirectoryLayout region={props.region} isEditor title={t('directory-admin.categories_title')}>
      <h1>{t('directory-admin.categories_title')}</h1>
      {props.error ? (
        <div class="notice notice--error" role="alert">
          {t(props.error.key, props.error.params)}
        </div>
      ) : null}
      <ol class="dir-terms">
        {roots.map((r, i) => (
          <Item key={r.id} term={r} siblings={roots} index={i} />
        ))}
      </ol>
      <h2>{t('directory-admin.term_add')}</h2>
      <ErrorSummary errors={addForm.errors} />
      <Form action={base}>
        <TextField name="name" label={t('directory-admin.field_name')} form={addForm} required />
        <div class="field">
          <label for="f-parentId">{t('directory-admin.field_parent')}</label>
          <select id="f-parentId" name="parentId">
            <option value="">{t('directory-admin.top_level')}</option>
            {roots.map((r) => (
              <option key={r.id} value={r.id} selected={valueOf(addForm, 'parentId') === r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <Button>{t('directory-admin.term_add')}</Button>
      </Form>
    </DirectoryLayout>
  );
}

/** The translation form of one object in one language, the source text beside each field. */
export function TranslationPage(props: { region: RegionRow; kind: TranslatableKind; id: string; language: string; source: Record<string, string>; fields: readonly string[]; state: TranslationState; form: FormState }) {
  const { t } = usePage();
  const title = t('directory-admin.translate_title', { name: props.source.name ?? '', language: props.language.toUpperCase() });
  const back = props.kind === 'taxonomy_term' ? `${dirBase(props.region.id)}/categories` : objectHref(props.region.id, props.kind, props.id);
  return (
    <DirectoryLayout region={props.region} isEditor title={title}>
      <h1>{title}</h1>
      <p>
        <a href={back}>{t('directory-admin.back')}</a>
      </p>
      <p class={`dir-lang-state dir-lang-state--${props.state}`}>{t(`directory-admin.translation_${props.state}`)}</p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={`${dirBase(props.region.id)}/translations/${props.kind}/${props.id}/${props.language}`} class="dir-translate">
        {props.fields.map((f) => (
          <div class="dir-translate__row" key={f}>
            <div class="dir-translate__source" lang={props.region.sourceLanguage}>
              <p class="hint">{t('directory-admin.source_text')}</p>
              <p>{props.source[f] || '—'}</p>
            </div>
            <div dir="auto" lang={props.language}>
              <TextArea name={f} label={t(`directory-admin.field_${f}`)} form={props.form} rows={f === 'name' || f === 'alternateName' ? 1 : 4} required={f === 'name'} />
            </div>
          </div>
        ))}
        <Button>{t('directory-admin.save')}</Button>
      </Form>
    </DirectoryLayout>
  );
}

/** A proposal of a partner (or a new entry in review), field by field, with accept and reject. */
export function ReviewPage(props: { region: RegionRow; kind: ObjectKind; id: string; name: string; status: string; changed: string[]; current: Record<string, string | string[] | undefined>; proposed: Record<string, string | string[] | undefined> | null; form: FormState }) {
  const { t } = usePage();
  const show = (v: string | string[] | undefined) => (Array.isArray(v) ? v.filter(Boolean).join(', ') : v) || '—';
  const title = t('directory-admin.review_item_title', { name: props.name });
  // Model fields whose form fields have other names.
  const formNames: Record<string, string[]> = { locations: ['locationIds'], schedules: ['weekly', 'monthly', 'closures'] };
  const groups = (values: Record<string, string | string[] | undefined>, field: string) =>
    Object.entries(values)
      .filter(([k]) => (formNames[field] ?? [field]).some((name) => k === name || k.startsWith(`${name}.`)))
      .map(([, v]) => show(v))
      .filter((v) => v !== '—')
      .join(' · ') || '—';
  return (
    <DirectoryLayout region={props.region} isEditor title={title}>
      <h1>{title}</h1>
      <p>
        <StatusBadge status={props.status} /> <a href={objectHref(props.region.id, props.kind, props.id)}>{t('directory-admin.review_open_entry')}</a>
      </p>
      {props.proposed ? (
        props.changed.length ? (
          <TableWrap label={title}>
            <table class="dir-table dir-diff">
              <thead>
                <tr>
                  <th scope="col">{t('directory-admin.col_field')}</th>
                  <th scope="col">{t('directory-admin.col_published')}</th>
                  <th scope="col">{t('directory-admin.col_proposed')}</th>
                </tr>
              </thead>
              <tbody>
                {props.changed.map((f) => (
                  <tr key={f}>
                    <th scope="row">{t(`directory-admin.field_${f}`)}</th>
                    <td>
                      <del>{groups(props.current, f)}</del>
                    </td>
                    <td>
                      <ins>{groups(props.proposed ?? {}, f)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t('directory-admin.review_no_changes')}</p>
        )
      ) : (
        <p>{t('directory-admin.review_new_entry')}</p>
      )}
      <ErrorSummary errors={props.form.errors} />
      <Form action={`${dirBase(props.region.id)}/review/${props.kind}/${props.id}`}>
        <TextArea name="note" label={t('directory-admin.review_note')} form={props.form} rows={3} hint={t('directory-admin.review_note_hint')} />
        <div class="button-group">
          <button type="submit" name="decision" value="accept" class="button button--primary">
            {t('directory-admin.review_accept')}
          </button>
          <button type="submit" name="decision" value="reject" class="button button--danger">
            {t('directory-admin.review_reject')}
          </button>
        </div>
      </Form>
    </DirectoryLayout>
  );
}

export { KIND_PATHS };
