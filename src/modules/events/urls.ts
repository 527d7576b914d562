/** Public addresses of events (one place, so pages, feeds and mails agree). `base` is '' for site-relative links. */
export const eventUrls = {
  list: (slug: string, lang: string, base = '') => `${base}/${slug}/${lang}/events`,
  month: (slug: string, lang: string, month: string, base = '') => `${base}/${slug}/${lang}/events/month/${month}`,
  event: (slug: string, lang: string, eventId: string, base = '') => `${base}/${slug}/${lang}/events/${eventId}`,
  occurrence: (slug: string, lang: string, eventId: string, occurrenceId: string, base = '') => `${base}/${slug}/${lang}/events/${eventId}/${occurrenceId}`,
  occurrenceIcs: (slug: string, lang: string, eventId: string, occurrenceId: string, base = '') => `${base}/${slug}/${lang}/events/${eventId}/${occurrenceId}.ics`,
  documentation: (slug: string, lang: string, eventId: string, occurrenceId: string, base = '') => `${base}/${slug}/${lang}/events/${eventId}/${occurrenceId}/documentation`,
  /** A public file of a published documentation (agenda, minutes, other documents). */
  documentationFile: (slug: string, lang: string, eventId: string, occurrenceId: string, documentId: string, base = '') => `${base}/${slug}/${lang}/events/${eventId}/${occurrenceId}/documentation/files/${documentId}`,
  /** Published documentations of the region's round tables and dialog forums, newest first. */
  documentationList: (slug: string, lang: string, base = '') => `${base}/${slug}/${lang}/events/documentation`,
  cancel: (slug: string, lang: string, token: string, base = '') => `${base}/${slug}/${lang}/events/cancel/${token}`,
  feed: (slug: string, lang: string, category?: string, base = '') => `${base}/${slug}/${lang}/events.ics${category ? `?category=${encodeURIComponent(category)}` : ''}`,
};
