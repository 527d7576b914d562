/**
 * Pieces shared by the mediator pages: the repeating rows (languages, weekly availability, qualifications) with their
 * "add a row" buttons, date fields, and the short displays (status, languages, modes, papers).
 */
import type { ComponentChildren } from 'preact';
import { describedBy, FieldShell, valueOf, type FormState } from '../../../web/components/forms.js';
import { usePage } from '../../../web/page-context.js';
import { DIALECTS, languageWithDialect, POOL_LANGUAGES, poolLanguageName } from '../languages.js';
import { languageOption, rowCount, type RowKind } from '../mediator-forms.js';
import type { DocumentState } from '../mediators.js';
import { LANGUAGE_LEVELS, QUALIFICATION_KINDS, type MediatorStatus } from '../schema.js';

type T = ReturnType<typeof usePage>['t'];

/** "1. Mai 2027" in the page's language. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '';
  const at = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC', calendar: 'gregory' }).format(at);
  } catch {
    return new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
  }
}

/** Languages and their dialects as options, sorted by name in the page's language; dialects follow their language. */
export function languageOptions(t: T, lang: string): { value: string; label: string }[] {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(lang);
  } catch {
    collator = new Intl.Collator('de');
  }
  const named = POOL_LANGUAGES.map((code) => ({ code, name: poolLanguageName(t, lang, code) })).sort((a, b) => collator.compare(a.name, b.name));
  return named.flatMap(({ code, name }) => [
    { value: code, label: name },
    ...(DIALECTS[code] ?? []).map((d) => ({ value: languageOption(code, d), label: languageWithDialect(t, lang, code, d) })),
  ]);
}

/** A date field (`<input type="date">`; a typed "8.12.2026" is understood too). */
export function DateField(props: { name: string; label: string; form: FormState; hint?: string; required?: boolean }) {
  return (
    <FieldShell {...props}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type="date"
        value={valueOf(props.form, props.name)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        class="sp-input-date"
      />
    </FieldShell>
  );
}

/** One field of a row: a label naming the row for screen readers, the error at the field, the control. */
function RowField(props: { name: string; label: string; row: number; form: FormState; children: ComponentChildren; class?: string }) {
  const { t } = usePage();
  const error = props.form.errors[props.name];
  return (
    <div class={`field sp-row__field${props.class ? ` ${props.class}` : ''}${error ? ' field--error' : ''}`}>
      <label for={`f-${props.name}`}>
        {props.label}
        <span class="visually-hidden"> {t('sprachpool-mediators.row_label', { row: props.row + 1 })}</span>
      </label>
      {error ? (
        <p class="field-error" id={`e-${props.name}`}>
          <span class="visually-hidden">{t('common.error_prefix')} </span>
          {t(error.key, error.params)}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

function RowSelect(props: { name: string; label: string; row: number; form: FormState; options: { value: string; label: string }[]; class?: string }) {
  const current = valueOf(props.form, props.name);
  const error = props.form.errors[props.name];
  return (
    <RowField {...props}>
      <select id={`f-${props.name}`} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `e-${props.name}` : undefined}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </RowField>
  );
}

function RowInput(props: { name: string; label: string; row: number; form: FormState; type: 'text' | 'time' | 'date'; maxLength?: number; class?: string }) {
  const error = props.form.errors[props.name];
  const common = {
    id: `f-${props.name}`,
    name: props.name,
    value: valueOf(props.form, props.name),
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `e-${props.name}` : undefined,
  };
  return <RowField {...props}>{props.type === 'text' ? <input type="text" maxLength={props.maxLength} {...common} /> : <input type={props.type} {...common} />}</RowField>;
}

/** A fieldset of numbered rows with the hidden row count and the "add a row" button (sends the form back, saves nothing). */
function Rows(props: { kind: RowKind; form: FormState; legend: string; hint?: string; addLabel: string; row: (i: number) => ComponentChildren }) {
  const { t } = usePage();
  const n = rowCount(props.form.values, props.kind);
  return (
    <fieldset class={`sp-rows sp-rows--${props.kind}`} id={`sp-rows-${props.kind}`}>
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <input type="hidden" name={`${props.kind}Rows`} value={String(n)} />
      <ol class="sp-rows__list">
        {Array.from({ length: n }, (_, i) => (
          <li key={i} class="sp-row" data-row={i}>
            {props.row(i)}
          </li>
        ))}
      </ol>
      <button type="submit" name="add" value={props.kind} class="button button--secondary sp-rows__add">
        {props.addLabel}
      </button>
      <p class="hint sp-rows__add-hint">{t('sprachpool-mediators.add_row_hint')}</p>
    </fieldset>
  );
}

/** Language rows: language (with dialect) and level. */
export function LanguageRows(props: { form: FormState; legend?: string; hint?: string }) {
  const { t, lang } = usePage();
  const languages = [{ value: '', label: t('sprachpool-mediators.choose') }, ...languageOptions(t, lang)];
  const levels = [{ value: '', label: t('sprachpool-mediators.choose') }, ...LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`sprachpool.level_${l}`) }))];
  return (
    <Rows
      kind="lang"
      form={props.form}
      legend={props.legend ?? t('sprachpool-mediators.languages_legend')}
      hint={props.hint ?? t('sprachpool-mediators.languages_hint')}
      addLabel={t('sprachpool-mediators.add_language')}
      row={(i) => (
        <>
          <RowSelect name={`lang.${i}.code`} label={t('sprachpool-mediators.field_language')} row={i} form={props.form} options={languages} class="sp-row__wide" />
          <RowSelect name={`lang.${i}.level`} label={t('sprachpool-mediators.field_level')} row={i} form={props.form} options={levels} />
        </>
      )}
    />
  );
}

/** Weekly availability rows: weekday, from, to. */
export function WeeklyRows(props: { form: FormState; legend?: string; hint?: string }) {
  const { t } = usePage();
  const days = [{ value: '', label: t('sprachpool-mediators.choose') }, ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`sprachpool.weekday_${d}`) }))];
  return (
    <Rows
      kind="avail"
      form={props.form}
      legend={props.legend ?? t('sprachpool-mediators.weekly_legend')}
      hint={props.hint ?? t('sprachpool-mediators.weekly_hint')}
      addLabel={t('sprachpool-mediators.add_weekly')}
      row={(i) => (
        <>
          <RowSelect name={`avail.${i}.weekday`} label={t('sprachpool-mediators.field_weekday')} row={i} form={props.form} options={days} />
          <RowInput name={`avail.${i}.from`} label={t('sprachpool-mediators.field_from')} row={i} form={props.form} type="time" />
          <RowInput name={`avail.${i}.to`} label={t('sprachpool-mediators.field_to')} row={i} form={props.form} type="time" />
        </>
      )}
    />
  );
}

/** Qualification and training rows: kind, title, date. */
export function QualificationRows(props: { form: FormState; legend?: string; hint?: string }) {
  const { t } = usePage();
  const kinds = [{ value: '', label: t('sprachpool-mediators.choose') }, ...QUALIFICATION_KINDS.map((k) => ({ value: k, label: t(`sprachpool.qualification_${k}`) }))];
  return (
    <Rows
      kind="qual"
      form={props.form}
      legend={props.legend ?? t('sprachpool-mediators.qualifications_legend')}
      hint={props.hint ?? t('sprachpool-mediators.qualifications_hint')}
      addLabel={t('sprachpool-mediators.add_qualification')}
      row={(i) => (
        <>
          <RowSelect name={`qual.${i}.kind`} label={t('sprachpool-mediators.field_qualification_kind')} row={i} form={props.form} options={kinds} class="sp-row__wide" />
          <RowInput name={`qual.${i}.title`} label={t('sprachpool-mediators.field_qualification_title')} row={i} form={props.form} type="text" maxLength={200} class="sp-row__wide" />
          <RowInput name={`qual.${i}.date`} label={t('sprachpool-mediators.field_qualification_date')} row={i} form={props.form} type="date" />
        </>
      )}
    />
  );
}

/**
 * A visually hidden first submit button: pressing Enter in a text field submits with the form's first button, which
 * must be "send", not one of the "add a row" buttons.
 */
export function DefaultSubmit(props: { label: string }) {
  return (
    <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
      {props.label}
    </button>
  );
}

export function MediatorStatusBadge(props: { status: MediatorStatus }) {
  const { t } = usePage();
  return <span class={`badge sp-status sp-status--${props.status}`}>{t(`sprachpool.mediator_status_${props.status}`)}</span>;
}

export function DocumentStateBadge(props: { state: DocumentState }) {
  const { t } = usePage();
  return <span class={`badge sp-papers sp-papers--${props.state}`}>{t(`sprachpool-mediators.papers_${props.state}`)}</span>;
}

/** "Arabisch (irakisch) – Muttersprache" per language, as a list. */
export function LanguageList(props: { languages: readonly { language: string; dialect: string; level: string }[] }) {
  const { t, lang } = usePage();
  if (!props.languages.length) return <span class="meta">{t('sprachpool-mediators.none')}</span>;
  return (
    <ul class="inline-list sp-languages">
      {props.languages.map((l) => (
        <li key={`${l.language}:${l.dialect}`}>
          <bdi>{languageWithDialect(t, lang, l.language, l.dialect)}</bdi> <span class="meta">({t(`sprachpool.level_${l.level}`)})</span>
        </li>
      ))}
    </ul>
  );
}

export function ModesText(props: { modes: readonly string[] }) {
  const { t } = usePage();
  return <>{props.modes.map((m) => t(`sprachpool.mode_${m}`)).join(', ')}</>;
}

/** A weekly pattern in words, one line per entry ("Montag 09:00–12:00"). */
export function WeeklyList(props: { weekly: readonly { weekday: number; startMinute: number; endMinute: number }[] }) {
  const { t } = usePage();
  if (!props.weekly.length) return <p class="meta">{t('sprachpool-mediators.weekly_none')}</p>;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return (
    <ul class="sp-weekly">
      {props.weekly.map((w) => (
        <li key={`${w.weekday}-${w.startMinute}`}>
          {t(`sprachpool.weekday_${w.weekday}`)} <span dir="ltr">{`${hhmm(w.startMinute)}–${hhmm(w.endMinute)}`}</span>
        </li>
      ))}
    </ul>
  );
}
