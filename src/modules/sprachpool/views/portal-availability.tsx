/** `/admin/regions/:id/sprachpool/me/availability`: the weekly pattern editor and the absences (list, add, delete). */
import { Button, ErrorSummary, Form, TextField, type FormState } from '../../../web/components/forms.js';
import { TableWrap } from '../../../web/components/table-wrap.js';
import { usePage } from '../../../web/page-context.js';
import type { OwnProfile } from '../mediators.js';
import { portalBase, PortalLayout } from './layout.js';
import { DateField, DefaultSubmit, formatDay, WeeklyRows } from './mediator-parts.js';

export function PortalAvailabilityPage(props: { profile: OwnProfile; weeklyForm: FormState; absenceForm: FormState }) {
  const { t, lang } = usePage();
  const p = props.profile;
  const region = p.ctx.region;
  const base = portalBase(region.id);
  const title = t('sprachpool-mediators.availability_title');
  return (
    <PortalLayout region={region} title={title} section="availability">
      <h1>{title}</h1>
      <p>{t('sprachpool-mediators.availability_intro')}</p>

      <section aria-labelledby="sp-weekly-title">
        <h2 id="sp-weekly-title">{t('sprachpool-mediators.weekly_legend')}</h2>
        <ErrorSummary errors={props.weeklyForm.errors} />
        <Form action={`${base}/availability`} class="sp-form sp-weekly-form">
          <DefaultSubmit label={t('sprachpool-mediators.save_weekly')} />
          <WeeklyRows form={props.weeklyForm} legend={t('sprachpool-mediators.weekly_rows_legend')} />
          <Button>{t('sprachpool-mediators.save_weekly')}</Button>
        </Form>
      </section>

      <section aria-labelledby="sp-absences-title">
        <h2 id="sp-absences-title">{t('sprachpool-mediators.absences_title')}</h2>
        <p class="hint">{t('sprachpool-mediators.absences_hint')}</p>
        {p.absences.length ? (
          <TableWrap label={t('sprachpool-mediators.absences_title')}>
            <table class="sp-absences">
              <thead>
                <tr>
                  <th scope="col">{t('sprachpool-mediators.col_from')}</th>
                  <th scope="col">{t('sprachpool-mediators.col_to')}</th>
                  <th scope="col">{t('sprachpool-mediators.col_note')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('sprachpool-mediators.col_actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.absences.map((a) => (
                  <tr key={a.id} data-absence-id={a.id}>
                    <td>{formatDay(a.fromDate, lang)}</td>
                    <td>{formatDay(a.toDate, lang)}</td>
                    <td>{a.note}</td>
                    <td>
                      <Form action={`${base}/absences/${a.id}/delete`}>
                        <Button variant="secondary">
                          {t('sprachpool-mediators.absence_delete')}
                          <span class="visually-hidden"> {t('sprachpool-mediators.absence_range', { from: formatDay(a.fromDate, lang), to: formatDay(a.toDate, lang) })}</span>
                        </Button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p class="meta">{t('sprachpool-mediators.absences_none')}</p>
        )}
        <h3>{t('sprachpool-mediators.absence_add_title')}</h3>
        <ErrorSummary errors={props.absenceForm.errors} />
        <Form action={`${base}/absences`} class="sp-form sp-absence-form">
          <div class="sp-pair">
            <DateField name="fromDate" label={t('sprachpool-mediators.col_from')} form={props.absenceForm} required />
            <DateField name="toDate" label={t('sprachpool-mediators.col_to')} form={props.absenceForm} required />
          </div>
          <TextField name="note" label={t('sprachpool-mediators.col_note')} hint={t('sprachpool-mediators.absence_note_hint')} form={props.absenceForm} maxLength={200} />
          <Button variant="secondary">{t('sprachpool-mediators.absence_add')}</Button>
        </Form>
      </section>
    </PortalLayout>
  );
}
