/**
 * E-mail for notifications, as an outbox.
 *
 * notify() marks a notification 'wachtend' in the transaction of the event it announces; this job sends
 * it after that commit. SMTP is not transactional: an e-mail sent inside a transaction that then rolls
 * back cannot be called back, and one meant to be sent "after the commit" from memory is lost when the
 * process stops in between. The waiting row is the promise to send, so nothing is lost.
 *
 * Claiming: one statement takes due rows with FOR UPDATE SKIP LOCKED and sets a lease on them
 * (email_volgende_poging), so other server processes skip them while this one talks to the SMTP server
 * outside any transaction. (Holding a transaction open during SMTP would keep row locks that marking a
 * notification read waits for, and on embedded PGlite it would stall every other query.) Afterwards one
 * short transaction records the outcomes and the audit. A lease that runs out (the process died) makes
 * the rows due again; a crash between sending and recording can send an e-mail twice, never not at all.
 * A failed attempt is counted and retried after a back-off; after MAX_ATTEMPTS it is 'mislukt' (the
 * notification itself stays in the app).
 *
 * Privacy: an e-mail holds the notification's title (the kind of work) and a link into the app, nothing
 * else. Logs hold only the kind of a failure (error code, SMTP reply code), never an address, title or id;
 * the audit holds counts.
 */
import { createTransport } from 'nodemailer';
import { appendAudit, type AuditEvent } from '../audit/chain.js';
import type { Database } from '../db/database.js';

const ACTOR = 'system:email';

/** Attempts before a notification's e-mail is given up. */
export const MAX_ATTEMPTS = 5;
/** The wait after the 1st, 2nd, 3rd and 4th failed attempt. */
export const BACKOFF_MS: readonly number[] = [60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];
/** Rows claimed at once. */
export const BATCH = 10;
/** How long claimed rows are left to their sender: longer than a batch can take within the SMTP timeouts. */
export const LEASE_MS = 15 * 60_000;

const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000, dnsTimeout: 15_000 };

/** Failures that concern the SMTP server rather than one message: the rest of the batch waits too. */
const SERVER_FAILURES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EOAUTH2', 'EPROXY', 'ECONFIG']);

export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailSender {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * Transport options for an smtp:// or smtps:// URL. smtps:// is TLS from the start; smtp:// must upgrade
 * with STARTTLS, except to a relay on this machine (loopback), so the SMTP password never crosses a
 * network in plain text. Certificates are verified (nodemailer's default). No logging, no file or URL access.
 */
export function smtpTransportOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  return {
    url: smtpUrl,
    requireTLS: url.protocol === 'smtp:' && !loopback,
    ...SMTP_TIMEOUTS,
    logger: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export function createSmtpSender(smtpUrl: string): MailSender {
  const transport = createTransport(smtpTransportOptions(smtpUrl));
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
    close: () => transport.close(),
  };
}

const INBOX = '/meldingen-inbox';

/** The absolute link of a notification: the public base URL and its relative link (the inbox when it has none). */
export function absoluteLink(publiekeUrl: string, link: string | null): string {
  // A notification's link is always a path in the app; anything else is never turned into a link elsewhere.
  const path = link !== null && link.startsWith('/') && !link.startsWith('//') && !/[\s\\]/.test(link) ? link : INBOX;
  return `${publiekeUrl.replace(/\/+$/, '')}${path}`;
}

const NO_NAMES = 'Dit bericht bevat bewust geen namen of andere persoonsgegevens. Log in om te zien om wie en wat het gaat.';
const NEVER_ASKS = 'Samen Veilig vraagt u nooit per e-mail om uw wachtwoord of inlogcode.';
const WHY = 'U ontvangt dit bericht omdat u een account heeft in Samen Veilig.';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The e-mail of one notification: its title, the absolute link, and that it deliberately holds no names. */
export function composeEmail(n: { titel: string; link: string | null }, to: string, opts: { from: string; publiekeUrl: string }): Mail {
  const url = absoluteLink(opts.publiekeUrl, n.link);
  const subject = `Samen Veilig: ${n.titel}`;
  const text = [n.titel, '', `Bekijk het in Samen Veilig: ${url}`, '', NO_NAMES, '', `${NEVER_ASKS} ${WHY}`, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    `<p><strong>${escapeHtml(n.titel)}</strong></p>`,
    `<p><a href="${escapeHtml(url)}">Bekijk het in Samen Veilig</a><br>${escapeHtml(url)}</p>`,
    `<p>${escapeHtml(NO_NAMES)}</p>`,
    `<p style="color: #555; font-size: 0.9em">${escapeHtml(NEVER_ASKS)} ${escapeHtml(WHY)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { from: opts.from, to, subject, text, html };
}

/** What a failure was, without anything of the message: the error code and the SMTP reply code. */
export interface FailureKind {
  code: string;
  responseCode: number | null;
}

function failureKind(err: unknown): FailureKind {
  const e: { code?: unknown; responseCode?: unknown } = typeof err === 'object' && err !== null ? err : {};
  return {
    code: typeof e.code === 'string' && /^E[A-Z0-9_]{1,30}$/.test(e.code) ? e.code : 'onbekend',
    responseCode: typeof e.responseCode === 'number' && Number.isInteger(e.responseCode) ? e.responseCode : null,
  };
}

export interface SendOptions {
  from: string;
  publiekeUrl: string;
  /** The clock of the run (tests); by default the real time. */
  now?: Date;
  batch?: number;
  /** Asked before each message; when true, the rest of the batch is handed back untried. */
  shouldStop?: () => boolean;
  onFailure?: (kind: FailureKind) => void;
}

export interface RunResult {
  claimed: number;
  sent: number;
  /** Failed, to be tried again after the back-off. */
  retry: number;
  /** Failed for the last time ('mislukt'). */
  failed: number;
  /** Not sent because the recipient's account is no longer active ('niet-nodig'). */
  skipped: number;
  /** The SMTP server could not be used: the rest of the batch waits. */
  serverDown: boolean;
}

interface Claimed {
  id: string;
  region_id: string;
  titel: string;
  link: string | null;
  email_pogingen: number;
  email: string | null;
}

type Status = 'wachtend' | 'verstuurd' | 'mislukt' | 'niet-nodig';

interface Outcome {
  id: string;
  region_id: string;
  status: Status;
  pogingen: number;
  volgende: string | null;
  verstuurd_op: string | null;
  /** What the audit counts; null for a row handed back untried. */
  telt: 'verstuurd' | 'opnieuw' | 'mislukt' | 'niet-nodig' | null;
}

/** Sends one batch of due e-mails; returns what happened. Safe to run in several processes at once. */
export async function sendWaitingEmails(db: Database, sender: MailSender, opts: SendOptions): Promise<RunResult> {
  const clock = () => opts.now ?? new Date();
  const start = clock();
  const lease = new Date(start.getTime() + LEASE_MS).toISOString();
  // Due rows, oldest first, claimed with a lease in one statement; locked rows are another sender's.
  const claimed = (
    await db.query<Claimed>(
      `WITH due AS (
         SELECT id, region_id FROM notificatie
         WHERE email_status = 'wachtend' AND (email_volgende_poging IS NULL OR email_volgende_poging <= $1::timestamptz)
         ORDER BY aangemaakt_op LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE notificatie n SET email_volgende_poging = $3::timestamptz FROM due
       WHERE n.id = due.id AND n.region_id = due.region_id
       RETURNING n.id, n.region_id, n.titel, n.link, n.email_pogingen,
         (SELECT u.email FROM app_user u WHERE u.id = n.user_id AND u.region_id = n.region_id AND u.actief) AS email`,
      [start.toISOString(), opts.batch ?? BATCH, lease],
    )
  ).rows;
  const result: RunResult = { claimed: claimed.length, sent: 0, retry: 0, failed: 0, skipped: 0, serverDown: false };
  if (claimed.length === 0) return result;

  const outcomes: Outcome[] = [];
  const handBack = (rows: Claimed[], volgende: string | null) => {
    for (const r of rows) outcomes.push({ id: r.id, region_id: r.region_id, status: 'wachtend', pogingen: r.email_pogingen, volgende, verstuurd_op: null, telt: null });
  };
  for (let i = 0; i < claimed.length; i++) {
    const r = claimed[i]!;
    if (opts.shouldStop?.()) {
      handBack(claimed.slice(i), null);
      break;
    }
    if (r.email === null) {
      outcomes.push({ id: r.id, region_id: r.region_id, status: 'niet-nodig', pogingen: r.email_pogingen, volgende: null, verstuurd_op: null, telt: 'niet-nodig' });
      result.skipped++;
      continue;
    }
    try {
      await sender.send(composeEmail(r, r.email, opts));
      outcomes.push({ id: r.id, region_id: r.region_id, status: 'verstuurd', pogingen: r.email_pogingen, volgende: null, verstuurd_op: clock().toISOString(), telt: 'verstuurd' });
      result.sent++;
    } catch (err) {
      const kind = failureKind(err);
      opts.onFailure?.(kind);
      const pogingen = r.email_pogingen + 1;
      const last = pogingen >= MAX_ATTEMPTS;
      const wait = BACKOFF_MS[Math.min(pogingen, BACKOFF_MS.length) - 1]!;
      const volgende = last ? null : new Date(clock().getTime() + wait).toISOString();
      outcomes.push({ id: r.id, region_id: r.region_id, status: last ? 'mislukt' : 'wachtend', pogingen, volgende, verstuurd_op: null, telt: last ? 'mislukt' : 'opnieuw' });
      if (last) result.failed++;
      else result.retry++;
      if (SERVER_FAILURES.has(kind.code)) {
        // The server cannot be used now: the untried rest waits as long as this one, without an attempt counted.
        result.serverDown = true;
        handBack(claimed.slice(i + 1), volgende ?? new Date(clock().getTime() + BACKOFF_MS[0]!).toISOString());
        break;
      }
    }
  }

  await db.transaction(async (tx) => {
    // A sent e-mail is recorded whatever happened to the lease; any other outcome only while the lease is still ours.
    await tx.query(
      `UPDATE notificatie n SET email_status = o.status, email_pogingen = o.pogingen, email_volgende_poging = o.volgende, email_verstuurd_op = o.verstuurd_op
       FROM json_to_recordset($1::json) AS o(id uuid, region_id text, status text, pogingen integer, volgende timestamptz, verstuurd_op timestamptz)
       WHERE n.id = o.id AND n.region_id = o.region_id AND n.email_status = 'wachtend'
         AND (o.status = 'verstuurd' OR n.email_volgende_poging = $2::timestamptz)`,
      [JSON.stringify(outcomes), lease],
    );
    // One audit entry per region with the counts; rows handed back untried were no attempt and are not counted.
    const perRegion = new Map<string, Record<NonNullable<Outcome['telt']>, number>>();
    for (const o of outcomes) {
      if (o.telt === null) continue;
      const counts = perRegion.get(o.region_id) ?? { verstuurd: 0, opnieuw: 0, mislukt: 0, 'niet-nodig': 0 };
      counts[o.telt]++;
      perRegion.set(o.region_id, counts);
    }
    const events: AuditEvent[] = [...perRegion].map(([regionId, c]) => ({
      regionId,
      actorSoort: 'systeem',
      actorId: ACTOR,
      organisationId: null,
      rol: null,
      actie: 'notificatie.email',
      recordType: 'notificatie',
      doel: 'notificaties per e-mail',
      uitkomst: `verstuurd ${c.verstuurd}, later opnieuw ${c.opnieuw}, mislukt ${c.mislukt}, niet nodig ${c['niet-nodig']}`,
    }));
    if (events.length > 0) await appendAudit(tx, events, clock());
  });
  return result;
}

/** The logger the job writes to (pino's, in the server). */
export interface JobLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  publiekeUrl: string;
}

/**
 * Sends waiting e-mails now and then every intervalMs, draining a backlog in batches; returns a function
 * that stops it (a batch in progress hands back what it has not tried). Failures are logged by kind only.
 */
export function startEmailJob(db: Database, settings: EmailSettings, opts: { intervalMs: number; log: JobLog }): () => Promise<void> {
  const sender = createSmtpSender(settings.smtpUrl);
  let stopping = false;
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      for (;;) {
        const r = await sendWaitingEmails(db, sender, {
          from: settings.from,
          publiekeUrl: settings.publiekeUrl,
          shouldStop: () => stopping,
          onFailure: (kind) => opts.log.warn({ err: { type: kind.code, responseCode: kind.responseCode } }, 'e-mail of a notification not sent'),
        });
        if (stopping || r.serverDown || r.claimed < BATCH) return;
      }
    } catch (err) {
      opts.log.error({ err: { type: err instanceof Error ? err.name : 'onbekend' } }, 'e-mail job failed');
    }
  };
  const tick = () => {
    // One run at a time: a slow SMTP server does not pile up runs.
    if (stopping || running) return;
    running = run().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  return async () => {
    stopping = true;
    clearInterval(timer);
    await running;
    sender.close();
  };
}
