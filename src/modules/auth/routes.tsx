import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../app.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../platform/auth/passwords.js';
import { revokeSession } from '../../platform/auth/sessions.js';
import { deriveTotpKey } from '../../platform/auth/secret-box.js';
import { requireActor } from '../../platform/http/guards.js';
import { UI_LANGUAGES } from '../../platform/i18n/languages.js';
import { ROLES } from '../../platform/schema.js';
import { ConflictError } from '../../platform/errors.js';
import { sendPage } from '../../web/render.js';
import { emptyForm, formValues as formValuesOf, parseForm, type FormState, type FormValues } from '../../web/components/forms.js';
import * as service from './service.js';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage, SecondFactorPage } from './views/public-pages.js';
import { AccountPage, TotpSetupPage, type AccountForms } from './views/account.js';
import { MembersPage } from './views/members.js';
import { InvitationPage } from './views/invitation.js';

/**
 * A redirect target from user input: only local paths ("/admin/…"), never another host ("//evil", "/\\evil",
 * "https://…"). Anything else gives the fallback.
 */
export function safeNext(value: unknown, fallback = '/admin'): string {
  if (typeof value !== 'string' || value.length > 1000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** `next` from the form (hidden field) or the query string, only when it is a safe local path. */
function nextParam(request: FastifyRequest): string | undefined {
  const raw = bodyOf(request).next ?? queryOf(request).next;
  const next = safeNext(raw, '');
  return next || undefined;
}

/** The field errors of a service ValidationError; anything else is rethrown to the error handler. */
function fieldErrorsOf(err: unknown, rename: Record<string, string> = {}): FieldErrors {
  if (!(err instanceof ValidationError)) throw err;
  const out: FieldErrors = {};
  for (const [field, e] of Object.entries(err.fields)) out[rename[field] ?? field] = e;
  return out;
}

const failed = (values: FormValues, errors: FieldErrors): FormState => ({ values, errors });

const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const loginSchema = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(PASSWORD_MAX) });
const codeSchema = z.object({ code: z.string().trim().min(1).max(10) });
const emailSchema = z.object({ email: z.email().max(254) });
const newPasswordSchema = z.object({ password, password_confirm: z.string().min(1).max(PASSWORD_MAX) });
const invitationNewSchema = z.object({ name: z.string().trim().min(1).max(200), password, password_confirm: z.string().min(1).max(PASSWORD_MAX) });
const profileSchema = z.object({ name: z.string().trim().min(1).max(200), ui_language: z.enum(UI_LANGUAGES) });
const passwordChangeSchema = z.object({ current_password: z.string().min(1).max(PASSWORD_MAX), password, password_confirm: z.string().min(1).max(PASSWORD_MAX) });
const totpDisableSchema = z.object({ disable_password: z.string().min(1).max(PASSWORD_MAX), disable_code: z.string().trim().min(1).max(10) });
const sessionIdSchema = z.object({ session_id: z.string().regex(/^[0-9a-f]{64}$/) });
const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const inviteSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  region_id: z.string().min(1).max(100),
  role: z.enum(ROLES),
  languages: z.preprocess(asArray, z.array(z.string().max(20)).max(50)),
});
const removeSchema = z.object({ accountId: z.uuid(), regionId: z.uuid(), role: z.enum(ROLES) });
const accountIdSchema = z.uuid();

/** Routes of the auth module: sign-in, 2FA, password reset, own account, members and invitations. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const db = app.deps.db;
  // Seals TOTP secrets at rest; a different SESSION_SECRET cannot open them (README, Configuration).
  const totpKey = deriveTotpKey(config.sessionSecret);

  function setSessionCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, { signed: true, httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
  }

  // ---- sign-in --------------------------------------------------------------------------------------------------

  app.get('/login', async (request, reply) => {
    if (request.ctx.actor) return reply.redirect(safeNext(queryOf(request).next), 303);
    return sendPage(request, reply, <LoginPage form={emptyForm()} next={nextParam(request)} />);
  });

  app.post('/login', async (request, reply) => {
    const next = nextParam(request);
    const parsed = parseForm(loginSchema, request.body);
    if (!parsed.ok) return sendPage(request, reply, <LoginPage form={failed(parsed.values, parsed.errors)} next={next} />, { status: 422 });
    const result = await service.login(db, {
      email: parsed.data.email,
      password: parsed.data.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      previousSessionId: request.ctx.session?.id ?? null,
    });
    const form = emptyForm({ email: parsed.values.email });
    if (result.kind === 'throttled') {
      reply.header('retry-after', String(result.retryAfter));
      return sendPage(request, reply, <LoginPage form={form} next={next} notice={{ type: 'error', key: 'auth.throttled', params: { seconds: result.retryAfter } }} />, {
        status: 429,
      });
    }
    if (result.kind === 'invalid') {
      return sendPage(request, reply, <LoginPage form={form} next={next} notice={{ type: 'error', key: 'auth.login_failed' }} />, { status: 422 });
    }
    setSessionCookie(reply, result.token);
    if (!result.verified) return reply.redirect(`/login/2fa${next ? `?next=${encodeURIComponent(next)}` : ''}`, 303);
    return reply.redirect(safeNext(next), 303);
  });

  app.get('/login/2fa', async (request, reply) => {
    if (request.ctx.actor) return reply.redirect(safeNext(queryOf(request).next), 303);
    if (!request.ctx.session) return reply.redirect('/login', 303);
    return sendPage(request, reply, <SecondFactorPage form={emptyForm()} next={nextParam(request)} />);
  });

  app.post('/login/2fa', async (request, reply) => {
    const next = nextParam(request);
    const session = request.ctx.session;
    if (request.ctx.actor) return reply.redirect(safeNext(next), 303);
    if (!session) return reply.redirect('/login', 303);
    const parsed = parseForm(codeSchema, request.body);
    if (!parsed.ok) return sendPage(request, reply, <SecondFactorPage form={failed(parsed.values, parsed.errors)} next={next} />, { status: 422 });
    const result = await service.verifySecondFactor(db, { sessionId: session.id, accountId: session.account.id, code: parsed.data.code, ip: request.ip, totpKey });
    if (result.kind === 'throttled') {
      reply.header('retry-after', String(result.retryAfter));
      return sendPage(request, reply, <SecondFactorPage form={emptyForm()} next={next} notice={{ type: 'error', key: 'auth.throttled', params: { seconds: result.retryAfter } }} />, {
        status: 429,
      });
    }
    if (result.kind === 'invalid') {
      return sendPage(request, reply, <SecondFactorPage form={emptyForm()} next={next} notice={{ type: 'error', key: 'auth.totp_login_failed' }} />, { status: 422 });
    }
    return reply.redirect(safeNext(next), 303);
  });

  app.post('/logout', async (request, reply) => {
    if (request.ctx.session) await revokeSession(db, request.ctx.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.flash({ type: 'info', key: 'auth.logged_out' });
    return reply.redirect('/login', 303);
  });

  // ---- password reset -------------------------------------------------------------------------------------------

  app.get('/password/forgot', async (request, reply) => sendPage(request, reply, <ForgotPasswordPage form={emptyForm()} />));

  // 5 reset mails a minute per IP. Counted after the CSRF check and only for well-formed input: a request that
  // cannot send mail does not use up the allowance.
  const forgotLimit = { max: 5, timeWindow: '1 minute', hook: 'preHandler' as const, allowList: (req: FastifyRequest) => !emailSchema.safeParse(formValuesOf(req.body)).success };
  app.post('/password/forgot', { config: { rateLimit: forgotLimit } }, async (request, reply) => {
    const parsed = parseForm(emailSchema, request.body);
    if (!parsed.ok) return sendPage(request, reply, <ForgotPasswordPage form={failed(parsed.values, parsed.errors)} />, { status: 422 });
    await service.requestPasswordReset(db, { email: parsed.data.email, baseUrl: config.baseUrl });
    reply.flash({ type: 'info', key: 'auth.forgot_sent' });
    return reply.redirect('/login', 303);
  });

  app.get('/password/reset/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    await service.checkResetToken(db, token);
    return sendPage(request, reply, <ResetPasswordPage form={emptyForm()} token={token} />);
  });

  app.post('/password/reset/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    await service.checkResetToken(db, token);
    const parsed = parseForm(newPasswordSchema, request.body);
    if (!parsed.ok) return sendPage(request, reply, <ResetPasswordPage form={failed(parsed.values, parsed.errors)} token={token} />, { status: 422 });
    try {
      await service.resetPassword(db, { token, password: parsed.data.password, passwordConfirm: parsed.data.password_confirm });
    } catch (err) {
      return sendPage(request, reply, <ResetPasswordPage form={failed(parsed.values, fieldErrorsOf(err))} token={token} />, { status: 422 });
    }
    if (request.ctx.session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.flash({ type: 'success', key: 'auth.reset_done' });
    return reply.redirect('/login', 303);
  });

  // ---- own account ----------------------------------------------------------------------------------------------

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, forms: Partial<AccountForms>, status = 200) {
    const actor = request.ctx.actor;
    const session = request.ctx.session;
    if (!actor || !session) throw new ForbiddenError();
    const data = await service.getOwnAccount(db, actor);
    const all: AccountForms = {
      profile: forms.profile ?? emptyForm({ name: data.name, ui_language: data.uiLanguage }),
      password: forms.password ?? emptyForm(),
      totpDisable: forms.totpDisable ?? emptyForm(),
    };
    return sendPage(request, reply, <AccountPage data={data} forms={all} currentSessionId={session.id} />, { status });
  }

  app.get('/account', async (request, reply) => {
    if (!requireActor(request, reply)) return reply;
    return renderAccount(request, reply, {});
  });

  app.post('/account/profile', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const parsed = parseForm(profileSchema, request.body);
    if (!parsed.ok) return renderAccount(request, reply, { profile: failed(parsed.values, parsed.errors) }, 422);
    await service.updateProfile(db, actor, { name: parsed.data.name, uiLanguage: parsed.data.ui_language });
    reply.flash({ type: 'success', key: 'auth.profile_saved' });
    return reply.redirect('/account', 303);
  });

  app.post('/account/password', async (request, reply) => {
    const actor = requireActor(request, reply);
    const session = request.ctx.session;
    if (!actor || !session) return reply;
    const parsed = parseForm(passwordChangeSchema, request.body);
    if (!parsed.ok) return renderAccount(request, reply, { password: failed(parsed.values, parsed.errors) }, 422);
    try {
      await service.changePassword(db, actor, {
        currentPassword: parsed.data.current_password,
        password: parsed.data.password,
        passwordConfirm: parsed.data.password_confirm,
        currentSessionId: session.id,
      });
    } catch (err) {
      return renderAccount(request, reply, { password: failed(parsed.values, fieldErrorsOf(err)) }, 422);
    }
    reply.flash({ type: 'success', key: 'auth.password_changed' });
    return reply.redirect('/account', 303);
  });

  app.post('/account/sessions/revoke', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const parsed = parseForm(sessionIdSchema, request.body);
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    await service.revokeOwnSession(db, actor, parsed.data.session_id);
    reply.flash({ type: 'success', key: 'auth.session_revoked' });
    return reply.redirect('/account', 303);
  });

  app.post('/account/sessions/revoke-others', async (request, reply) => {
    const actor = requireActor(request, reply);
    const session = request.ctx.session;
    if (!actor || !session) return reply;
    const count = await service.revokeOtherSessions(db, actor, session.id);
    reply.flash({ type: 'success', key: 'auth.sessions_revoked', params: { count } });
    return reply.redirect('/account', 303);
  });

  // ---- second factor --------------------------------------------------------------------------------------------

  async function renderTotpSetup(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const actor = request.ctx.actor;
    if (!actor) throw new ForbiddenError();
    const setup = await service.startTotpSetup(db, actor, { totpKey });
    const required = service.mustSetUpSecondFactor(config.requireAdmin2fa, actor, setup.enabled);
    return sendPage(request, reply, <TotpSetupPage setup={setup} form={form} required={required} />, { status });
  }

  app.get('/account/2fa/setup', async (request, reply) => {
    if (!requireActor(request, reply)) return reply;
    return renderTotpSetup(request, reply, emptyForm());
  });

  app.post('/account/2fa/setup', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const parsed = parseForm(codeSchema, request.body);
    if (!parsed.ok) return renderTotpSetup(request, reply, failed(parsed.values, parsed.errors), 422);
    try {
      await service.confirmTotpSetup(db, actor, { code: parsed.data.code, totpKey });
    } catch (err) {
      return renderTotpSetup(request, reply, failed({}, fieldErrorsOf(err)), 422);
    }
    reply.flash({ type: 'success', key: 'auth.totp_enabled' });
    return reply.redirect('/account', 303);
  });

  app.post('/account/2fa/disable', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const parsed = parseForm(totpDisableSchema, request.body);
    if (!parsed.ok) return renderAccount(request, reply, { totpDisable: failed(parsed.values, parsed.errors) }, 422);
    try {
      await service.disableTotp(db, actor, { password: parsed.data.disable_password, code: parsed.data.disable_code, totpKey });
    } catch (err) {
      return renderAccount(request, reply, { totpDisable: failed({}, fieldErrorsOf(err, { password: 'disable_password', code: 'disable_code' })) }, 422);
    }
    reply.flash({ type: 'success', key: 'auth.totp_disabled' });
    return reply.redirect('/account', 303);
  });

  // ---- members and invitations ----------------------------------------------------------------------------------

  function regionFilterOf(request: FastifyRequest): string | undefined {
    const raw = queryOf(request).region;
    return typeof raw === 'string' && raw ? raw : undefined;
  }

  async function renderMembers(request: FastifyRequest, reply: FastifyReply, invite: FormState | null, status = 200) {
    const actor = request.ctx.actor;
    if (!actor) throw new ForbiddenError();
    const regionFilter = regionFilterOf(request);
    const listing = await service.listMembers(db, actor, { regionId: regionFilter });
    const defaults = emptyForm({ region_id: regionFilter ?? listing.invitable[0]?.id, role: 'editor' });
    return sendPage(request, reply, <MembersPage listing={listing} regionFilter={regionFilter} invite={invite ?? defaults} />, { status });
  }

  function membersUrl(request: FastifyRequest): string {
    const region = regionFilterOf(request);
    return region ? `/admin/members?region=${encodeURIComponent(region)}` : '/admin/members';
  }

  app.get('/admin/members', async (request, reply) => {
    if (!requireActor(request, reply)) return reply;
    return renderMembers(request, reply, null);
  });

  app.post('/admin/members/invite', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!service.managesPeople(actor)) throw new ForbiddenError();
    const parsed = parseForm(inviteSchema, request.body);
    if (!parsed.ok) return renderMembers(request, reply, failed(parsed.values, parsed.errors), 422);
    try {
      await service.inviteMember(db, actor, {
        email: parsed.data.email,
        name: parsed.data.name,
        regionId: parsed.data.region_id,
        role: parsed.data.role,
        languages: parsed.data.languages,
        lang: request.ctx.lang,
        baseUrl: config.baseUrl,
      });
    } catch (err) {
      return renderMembers(request, reply, failed(parsed.values, fieldErrorsOf(err)), 422);
    }
    reply.flash({ type: 'success', key: 'auth.invite_sent', params: { email: parsed.data.email } });
    return reply.redirect(membersUrl(request), 303);
  });

  app.post('/admin/members/remove', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!service.managesPeople(actor)) throw new ForbiddenError();
    const parsed = parseForm(removeSchema, request.body);
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    try {
      await service.removeMember(db, actor, parsed.data);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      reply.flash({ type: 'error', key: err.messageKey });
      return reply.redirect(membersUrl(request), 303);
    }
    reply.flash({ type: 'success', key: 'auth.member_removed' });
    return reply.redirect(membersUrl(request), 303);
  });

  app.post('/admin/members/:accountId/2fa-reset', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!service.managesPeople(actor)) throw new ForbiddenError();
    const accountId = accountIdSchema.safeParse((request.params as { accountId: string }).accountId);
    if (!accountId.success) throw new NotFoundError();
    const result = await service.resetMemberSecondFactor(db, actor, { accountId: accountId.data });
    reply.flash(result.reset ? { type: 'success', key: 'auth.member_2fa_reset_done', params: { name: result.name } } : { type: 'info', key: 'auth.member_2fa_reset_none', params: { name: result.name } });
    return reply.redirect(membersUrl(request), 303);
  });

  app.get('/invitation/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const invitation = await service.inspectInvitation(db, token);
    return sendPage(request, reply, <InvitationPage invitation={invitation} token={token} form={emptyForm()} />);
  });

  app.post('/invitation/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const invitation = await service.inspectInvitation(db, token);
    if (invitation.accountExists) {
      const actor = request.ctx.actor;
      if (!actor) return reply.redirect(`/login?next=${encodeURIComponent(`/invitation/${token}`)}`, 303);
      await service.acceptInvitationAsActor(db, actor, { token });
      reply.flash({ type: 'success', key: 'auth.invitation_accepted', params: { region: invitation.regionName } });
      return reply.redirect('/admin', 303);
    }
    const parsed = parseForm(invitationNewSchema, request.body);
    const render = (form: FormState) => sendPage(request, reply, <InvitationPage invitation={invitation} token={token} form={form} />, { status: 422 });
    if (!parsed.ok) return render(failed(parsed.values, parsed.errors));
    let sessionToken: string;
    try {
      sessionToken = await service.acceptInvitationAsNewAccount(db, {
        token,
        name: parsed.data.name,
        password: parsed.data.password,
        passwordConfirm: parsed.data.password_confirm,
        uiLanguage: request.ctx.lang,
        userAgent: request.headers['user-agent'],
      });
    } catch (err) {
      return render(failed(parsed.values, fieldErrorsOf(err)));
    }
    if (request.ctx.session) await revokeSession(db, request.ctx.session.id);
    setSessionCookie(reply, sessionToken);
    reply.flash({ type: 'success', key: 'auth.invitation_accepted', params: { region: invitation.regionName } });
    return reply.redirect('/admin', 303);
  });
}
