import type { ComponentChildren } from 'preact';
import type { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.js';
import { languageInfo } from '../../platform/i18n/languages.js';
import { usePage } from '../page-context.js';

/** Form values as the user typed them, re-shown after a failed submit. */
export type FormValues = Record<string, string | string[] | undefined>;

export type FormState = { values: FormValues; errors: FieldErrors };
export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

/** Maps zod issues to catalog keys per field (first issue per field wins). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (out[field]) continue;
    out[field] = issueToMessage(issue);
  }
  return out;
}

function issueToMessage(issue: z.core.$ZodIssue): FieldErrors[string] {
  if (issue.message.startsWith('validation.')) return { key: issue.message };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'validation.required' } : { key: 'validation.too_short', params: { min: Number(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.choose_one' };
      return { key: 'validation.too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.too_long', params: { max: Number(issue.maximum) } };
      return { key: 'validation.too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email' };
      return { key: 'validation.format' };
    case 'invalid_value':
      return { key: 'validation.choose_valid' };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'validation.required' } : { key: 'validation.invalid' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** Parses a submitted form; on failure returns the errors and the raw values to show again. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; data: z.infer<S>; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues } {
  const values = formValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: zodFieldErrors(result.error), values };
}

/** The body as string values (drops the CSRF field and never keeps password values). */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (Array.isArray(v)) out[k] = v.map(String);
    else if (v !== undefined && v !== null) out[k] = String(v);
  }
  return out;
}

/** A POST form with the CSRF token. */
export function Form(props: { action: string; children: ComponentChildren; id?: string; confirm?: string; class?: string; novalidate?: boolean }) {
  const { csrfToken } = usePage();
  return (
    <form
      method="post"
      action={props.action}
      id={props.id}
      class={props.class}
      noValidate={props.novalidate ?? true}
      data-module={props.confirm ? 'confirm' : undefined}
      data-confirm={props.confirm}
    >
      <input type="hidden" name="_csrf" value={csrfToken()} />
      {props.children}
    </form>
  );
}

/** "There is a problem" box at the top of a form, linking to each field (GOV.UK pattern). */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = usePage();
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('common.error_summary_title')}</h2>
      <ul>
        {entries.map(([field, e]) => (
          <li key={field}>
            <a href={`#f-${field}`}>{t(e.key, e.params)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  required?: boolean;
};

/** The hint and the error message of a field, with the ids aria-describedby points to. */
function HintAndError(props: FieldProps) {
  return (
    <>
      {props.hint ? (
        <p class="hint" id={`h-${props.name}`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError error={props.form.errors[props.name]} id={`e-${props.name}`} />
    </>
  );
}

/** A field's error message ("Error:" for screen readers, then the message); nothing when there is none. */
export function FieldError(props: { error: FieldErrors[string] | undefined; id?: string }) {
  const { t } = usePage();
  if (!props.error) return null;
  return (
    <p class="field-error" id={props.id}>
      <span class="visually-hidden">{t('common.error_prefix')} </span>
      {t(props.error.key, props.error.params)}
    </p>
  );
}

/** Label (with "optional" unless required), hint, error and the control given as children. */
export function FieldShell(props: FieldProps & { children: ComponentChildren }) {
  const { t } = usePage();
  const error = props.form.errors[props.name];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={`f-${props.name}`}>
        {props.label}
        {props.required ? null : <span class="optional"> {t('common.optional')}</span>}
      </label>
      <HintAndError {...props} />
      {props.children}
    </div>
  );
}

/** The ids of a field's hint and error, for the control's aria-describedby. */
export function describedBy(props: Pick<FieldProps, 'name' | 'form' | 'hint'>): string | undefined {
  const ids = [props.hint ? `h-${props.name}` : '', props.form.errors[props.name] ? `e-${props.name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The first submitted value of a field ('' when none). */
export function valueOf(form: FormState, name: string): string {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel' | 'number'; autocomplete?: string; maxLength?: number; inputMode?: string; dir?: 'ltr' | 'rtl' | 'auto' },
) {
  const isPassword = props.type === 'password';
  return (
    <FieldShell {...props}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        // Preact types inputs as a union per type; the attribute set here is valid for every listed type.
        type={(props.type ?? 'text') as 'text'}
        value={isPassword ? '' : valueOf(props.form, props.name)}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        inputMode={props.inputMode as 'numeric' | undefined}
        dir={props.dir}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        required={props.required}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        required={props.required}
      >
        {valueOf(props.form, props.name)}
      </textarea>
    </FieldShell>
  );
}

/**
 * Rich text as HTML in a textarea, inside the `data-module="rich-editor"` element the editor island (Tiptap) enhances;
 * without JavaScript people edit the HTML directly (sanitised on save). `config` is the island's labels and settings
 * (guide's `<EditorLabels>`), `language` the content language (the textarea's lang and dir). `children` stand after
 * the textarea inside the island, `describedBy` is one more id for the textarea's aria-describedby (such a hint).
 */
export function RichTextField(props: FieldProps & { language: string; rows: number; config: ComponentChildren; describedBy?: string; children?: ComponentChildren }) {
  const ids = [describedBy(props), props.describedBy].filter(Boolean).join(' ');
  return (
    <FieldShell {...props}>
      <div data-module="rich-editor" class="rich-editor" data-language={props.language}>
        {props.config}
        {/* Not `required`: the island hides the textarea, and a browser cannot point at a hidden field. */}
        <textarea
          id={`f-${props.name}`}
          name={props.name}
          rows={props.rows}
          lang={props.language}
          dir={languageInfo(props.language).direction}
          data-js-editor-source
          aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
          aria-describedby={ids || undefined}
        >
          {valueOf(props.form, props.name)}
        </textarea>
        {props.children}
      </div>
    </FieldShell>
  );
}

export function Select(props: FieldProps & { options: { value: string; label: string }[] }) {
  const current = valueOf(props.form, props.name);
  return (
    <FieldShell {...props}>
      <select
        id={`f-${props.name}`}
        name={props.name}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        required={props.required}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A group of radio buttons sending `name` (fieldset with legend; the error summary links to the fieldset). */
export function Radios(props: FieldProps & { options: { value: string; label: string }[] }) {
  const current = valueOf(props.form, props.name);
  const error = props.form.errors[props.name];
  return (
    <fieldset class={`field${error ? ' field--error' : ''}`} id={`f-${props.name}`} aria-describedby={describedBy(props)}>
      <legend>{props.label}</legend>
      <HintAndError {...props} />
      <div class="checkboxes">
        {props.options.map((o) => (
          <div class="checkbox" key={o.value}>
            <input type="radio" id={`f-${props.name}-${o.value}`} name={props.name} value={o.value} checked={current === o.value} />
            <label for={`f-${props.name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A group of checkboxes sending `name` once per checked value. */
export function Checkboxes(props: FieldProps & { options: { value: string; label: string; hint?: string }[] }) {
  const raw = props.form.values[props.name];
  const checked = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  const error = props.form.errors[props.name];
  return (
    <fieldset class={`field${error ? ' field--error' : ''}`} id={`f-${props.name}`} aria-describedby={describedBy(props)}>
      <legend>{props.label}</legend>
      <HintAndError {...props} />
      <div class="checkboxes">
        {props.options.map((o) => (
          <div class="checkbox" key={o.value}>
            <input type="checkbox" id={`f-${props.name}-${o.value}`} name={props.name} value={o.value} checked={checked.has(o.value)} />
            <label for={`f-${props.name}-${o.value}`}>
              {/* Isolated, so a label in another script (e.g. a right-to-left language name) keeps its own order. */}
              <bdi>{o.label}</bdi>
              {o.hint ? <span class="hint"> {o.hint}</span> : null}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Button(props: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'danger'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`button button--${props.variant ?? 'primary'}`} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}
