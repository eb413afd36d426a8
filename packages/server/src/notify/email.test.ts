/**
 * E-mail for notifications: the outbox and its job against a real SMTP server that the test starts on
 * 127.0.0.1 (smtp-server), on PGlite and on PostgreSQL. What the server receives is parsed back into
 * subject, text and HTML, so the checks are on the e-mail as a recipient would get it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { openPostgres, type Database } from '../db/database.js';
import { notify } from '../repositories/notificaties.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { ANDERE_REGIO, createSecurityFixture, REGIO, SECRETS, WIE, type SecurityFixture, type Wie } from '../test-support/security.js';
import {
  absoluteLink,
  BACKOFF_MS,
  BATCH,
  composeEmail,
  createSmtpSender,
  MAX_ATTEMPTS,
  sendWaitingEmails,
  smtpTransportOptions,
  startEmailJob,
  type FailureKind,
  type JobLog,
  type MailSender,
} from './email.js';
import { emailEnabled, setEmailEnabled } from './instelling.js';

const FROM = 'Samen Veilig <noreply@samenveilig.example>';
const PUBLIEK = 'https://samenveilig.regio.example';
const SMTP_USER = 'samenveilig';
const SMTP_PASS = 'test-wachtwoord-smtp';

interface Received {
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

/** A real SMTP server on a free port of 127.0.0.1 that requires a login and keeps what it receives. */
class LocalSmtp {
  received: Received[] = [];
  /** MAIL FROM commands seen (each attempt to send starts with one). */
  attempts = 0;
  /** Refuse every message (550 on MAIL FROM). */
  refuse = false;
  /** Milliseconds to wait before accepting a message's data. */
  delayMs = 0;
  readonly server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, cb) =>
        auth.username === SMTP_USER && auth.password === SMTP_PASS ? cb(null, { user: SMTP_USER }) : cb(new Error('onbekende gebruiker')),
      onMailFrom: (_address, _session, cb) => {
        this.attempts++;
        if (this.refuse) return cb(Object.assign(new Error('geweigerd door de testserver'), { responseCode: 550 }));
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          setTimeout(() => {
            this.received.push({
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.concat(chunks).toString('utf8'),
            });
            cb();
          }, this.delayMs);
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${this.port}`;
  }

  reset(): void {
    this.received = [];
    this.attempts = 0;
    this.refuse = false;
    this.delayMs = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The parts of a received e-mail: unfolded headers, and the decoded text and HTML bodies. */
function parseMail(raw: string): { header: (name: string) => string | undefined; text: string; html: string } {
  const split = (s: string) => {
    const i = s.indexOf('\r\n\r\n');
    return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 4)];
  };
  const headerOf = (head: string) => (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head.replace(/\r\n(?=[ \t])/g, ''))?.[1];
  const decode = (head: string, body: string) => {
    const cte = (headerOf(head)('Content-Transfer-Encoding') ?? '7bit').toLowerCase();
    if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (cte === 'quoted-printable') {
      return body.replace(/=\r\n/g, '').replace(/(?:=[0-9A-F]{2})+/gi, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
    }
    return body;
  };
  const [head, body] = split(raw) as [string, string];
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head.replace(/\r\n(?=[ \t])/g, ''))?.[1];
  let text = '';
  let html = '';
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const [h, b] = split(part.replace(/^\r\n/, '')) as [string, string];
    const type = headerOf(h)('Content-Type') ?? '';
    const content = decode(h, b.replace(/\r\n$/, '')).replace(/\r\n/g, '\n');
    if (type.startsWith('text/plain')) text = content;
    if (type.startsWith('text/html')) html = content;
  }
  return { header: headerOf(head), text, html };
}

let t: TestDb;
let fx: SecurityFixture;
let smtp: LocalSmtp;
let sender: MailSender;
const opts = { from: FROM, publiekeUrl: PUBLIEK };

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  smtp = await new LocalSmtp().start();
  sender = createSmtpSender(smtp.url);
});
afterEach(async () => {
  setEmailEnabled(false);
  smtp.reset();
  await t.db.query('DELETE FROM notificatie');
});
afterAll(async () => {
  sender.close();
  await smtp.close();
  await t.drop();
});

/** Notifications as an event would write them, in one transaction, with e-mail on; returns their links. */
async function queue(who: readonly Wie[], titel = 'Nieuwe overdracht: een huishouden wacht op uw antwoord', now = new Date()): Promise<string[]> {
  setEmailEnabled(true);
  const links: string[] = [];
  await t.db.transaction(async (tx) => {
    for (const w of who) {
      const bron = randomUUID();
      links.push(`/meldingen/${bron}`);
      await notify(tx, { regionId: fx.user[w].regionId, userIds: [fx.user[w].id], soort: 'overdracht-voorgesteld', titel, link: `/meldingen/${bron}`, bronType: 'contact', bronId: bron }, now);
    }
  });
  return links;
}

interface Row {
  id: string;
  email_status: string;
  email_pogingen: number;
  email_verstuurd_op: Date | null;
  email_volgende_poging: Date | null;
}
const rows = async () =>
  (await t.db.query<Row>(`SELECT id, email_status, email_pogingen, email_verstuurd_op, email_volgende_poging FROM notificatie ORDER BY aangemaakt_op, id`)).rows;
/** The job's audit entries written by the current test (the audit log is append-only, so earlier tests' entries stay). */
let auditBefore = new Set<string>();
const allEmailAudit = async () =>
  (await t.db.query<{ region_id: string; seq: number; actie: string; doel: string | null; uitkomst: string; personen: string[]; record_id: string | null }>(
    `SELECT region_id, seq::int AS seq, actie, doel, uitkomst, personen, record_id FROM audit_log WHERE actor_id = 'system:email' ORDER BY region_id, seq`,
  )).rows;
const emailAudit = async () => (await allEmailAudit()).filter((e) => !auditBefore.has(`${e.region_id}:${e.seq}`)).map(({ seq: _seq, ...e }) => e);
beforeEach(async () => {
  auditBefore = new Set((await allEmailAudit()).map((e) => `${e.region_id}:${e.seq}`));
});

/** Every name, address and identifier of the fixture that must never be in an e-mail or a log line. */
async function personalValues(): Promise<string[]> {
  const persons = (await t.db.query<{ voornamen: string | null; achternaam: string | null }>(`SELECT voornamen, achternaam FROM person`)).rows;
  return [
    ...WIE.map((w) => fx.user[w].naam),
    ...persons.flatMap((p) => [p.voornamen, p.achternaam]).filter((v): v is string => v !== null && v.length >= 4),
    SECRETS.melder.naam,
    SECRETS.melder.email,
    SECRETS.melder.telefoon,
    SECRETS.geheimAdresLt.straat,
    SECRETS.andereRegio.achternaam,
  ];
}

describe(`e-mail for notifications (${testDbKind()})`, () => {
  it('sends a notification as one e-mail with the title, the absolute link and no personal data', async () => {
    const contactId = (await t.db.query<{ id: string }>(`SELECT id FROM contact WHERE household_id = $1 LIMIT 1`, [fx.hh.lt])).rows[0]!.id;
    const titel = 'Nieuwe overdracht: een huishouden wacht op uw antwoord';
    setEmailEnabled(true);
    await t.db.transaction((tx) =>
      notify(tx, { regionId: REGIO, userIds: [fx.user['lokaal-team'].id], soort: 'overdracht-voorgesteld', titel, link: `/meldingen/${contactId}`, bronType: 'contact', bronId: contactId }),
    );
    expect((await rows()).map((r) => r.email_status)).toEqual(['wachtend']);

    const r = await sendWaitingEmails(t.db, sender, opts);
    expect(r).toMatchObject({ claimed: 1, sent: 1, retry: 0, failed: 0, skipped: 0, serverDown: false });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.mailFrom).toBe('noreply@samenveilig.example');
    expect(got.rcptTo).toEqual([fx.user['lokaal-team'].email]);
    const mail = parseMail(got.raw);
    expect(mail.header('Subject')).toBe(`Samen Veilig: ${titel}`);
    expect(mail.header('To')).toBe(fx.user['lokaal-team'].email);
    const link = `${PUBLIEK}/meldingen/${contactId}`;
    expect(mail.text).toBe(
      [
        titel,
        '',
        `Bekijk het in Samen Veilig: ${link}`,
        '',
        'Dit bericht bevat bewust geen namen of andere persoonsgegevens. Log in om te zien om wie en wat het gaat.',
        '',
        'Samen Veilig vraagt u nooit per e-mail om uw wachtwoord of inlogcode. U ontvangt dit bericht omdat u een account heeft in Samen Veilig.',
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain(`<a href="${link}">Bekijk het in Samen Veilig</a>`);
    expect(mail.html).toContain(`<strong>${titel}</strong>`);
    expect(mail.html).toContain('bewust geen namen');
    for (const v of await personalValues()) expect(got.raw).not.toContain(v);

    const [row] = await rows();
    expect(row).toMatchObject({ email_status: 'verstuurd', email_pogingen: 0, email_volgende_poging: null });
    expect(row!.email_verstuurd_op).not.toBeNull();
    // One audit entry for the batch, as the system actor, with the count and nothing about anyone.
    expect(await emailAudit()).toEqual([
      { region_id: REGIO, actie: 'notificatie.email', doel: 'notificaties per e-mail', uitkomst: 'verstuurd 1, later opnieuw 0, mislukt 0, niet nodig 0', personen: [], record_id: null },
    ]);

    // Sent is sent: a next run finds nothing.
    expect((await sendWaitingEmails(t.db, sender, opts)).claimed).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('with e-mail off, notifications are in the app only: nothing is queued or sent', async () => {
    expect(emailEnabled()).toBe(false);
    await t.db.transaction((tx) =>
      notify(tx, { regionId: REGIO, userIds: [fx.user['vt-medewerker'].id, fx.user['vt-gedragswetenschapper'].id], soort: 'termijn-verlopen', titel: 'Termijn verstreken', link: '/werkvoorraad', bronType: 'beoordeling', bronId: randomUUID() }),
    );
    expect((await rows()).map((r) => r.email_status)).toEqual(['niet-nodig', 'niet-nodig']);
    expect(await sendWaitingEmails(t.db, sender, opts)).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.attempts).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('retries a refused e-mail after a growing wait and marks it mislukt after the last attempt; failures are logged by kind only', async () => {
    const titel = 'Regie voorgesteld: u wordt gevraagd casusregisseur te worden';
    const [link] = await queue(['zvh-coordinator'], titel);
    smtp.refuse = true;
    const failures: FailureKind[] = [];
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await sendWaitingEmails(t.db, sender, { ...opts, now, onFailure: (f) => failures.push(f) });
      expect(r.claimed).toBe(1);
      expect(smtp.attempts).toBe(attempt);
      const [row] = await rows();
      expect(row!.email_pogingen).toBe(attempt);
      if (attempt === MAX_ATTEMPTS) {
        expect(r).toMatchObject({ failed: 1, retry: 0 });
        expect(row!.email_status).toBe('mislukt');
        break;
      }
      expect(r).toMatchObject({ failed: 0, retry: 1 });
      expect(row!.email_status).toBe('wachtend');
      const wait = BACKOFF_MS[attempt - 1]!;
      expect(new Date(row!.email_volgende_poging!).getTime()).toBe(now.getTime() + wait);
      // Not before the wait is over.
      expect((await sendWaitingEmails(t.db, sender, { ...opts, now: new Date(now.getTime() + wait - 1000) })).claimed).toBe(0);
      expect(smtp.attempts).toBe(attempt);
      now = new Date(now.getTime() + wait);
    }
    // Given up: never tried again, even when the server would accept it now.
    smtp.refuse = false;
    expect((await sendWaitingEmails(t.db, sender, { ...opts, now: new Date(now.getTime() + 7 * 24 * 3_600_000) })).claimed).toBe(0);
    expect(smtp.attempts).toBe(MAX_ATTEMPTS);
    expect(smtp.received).toHaveLength(0);

    expect(failures).toEqual(Array.from({ length: MAX_ATTEMPTS }, () => ({ code: 'EENVELOPE', responseCode: 550 })));
    const audit = await emailAudit();
    expect(audit).toHaveLength(MAX_ATTEMPTS);
    expect(audit.at(-2)!.uitkomst).toBe('verstuurd 0, later opnieuw 1, mislukt 0, niet nodig 0');
    expect(audit.at(-1)!.uitkomst).toBe('verstuurd 0, later opnieuw 0, mislukt 1, niet nodig 0');

    // What the job logs on a failure: the kind, never the address, the title or an id.
    const logged: string[] = [];
    const log: JobLog = { warn: (obj, msg) => logged.push(JSON.stringify({ obj, msg })), error: (obj, msg) => logged.push(JSON.stringify({ obj, msg })) };
    const notificationId = (await rows())[0]!.id;
    await queue(['zvh-coordinator'], titel);
    smtp.refuse = true;
    const stop = startEmailJob(t.db, { smtpUrl: smtp.url, ...opts }, { intervalMs: 60_000, log });
    await waitFor(() => logged.length > 0);
    await stop();
    expect(logged.join('\n')).toContain('EENVELOPE');
    for (const secret of [fx.user['zvh-coordinator'].email, fx.user['zvh-coordinator'].naam, titel, link!, notificationId, SMTP_PASS]) {
      expect(logged.join('\n')).not.toContain(secret);
    }
  });

  it('two senders at once (two server processes on PostgreSQL) send each e-mail exactly once', async () => {
    const users = WIE.filter((w) => w !== 'vt-ijsselland');
    const who: Wie[] = Array.from({ length: 3 * BATCH + 3 }, (_, i) => (i % 7 === 0 ? 'vt-ijsselland' : users[i % users.length]!));
    const links = await queue(who);
    smtp.delayMs = 5;
    const second: Database = t.url ? await openPostgres(t.url, 2) : t.db;
    const otherSender = createSmtpSender(smtp.url);
    try {
      const drain = async (db: Database, s: MailSender) => {
        let sent = 0;
        for (;;) {
          const r = await sendWaitingEmails(db, s, opts);
          sent += r.sent;
          if (r.claimed === 0) return sent;
        }
      };
      const [a, b] = await Promise.all([drain(t.db, sender), drain(second, otherSender)]);
      // Both took part, and together they sent every e-mail once.
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(a + b).toBe(links.length);
    } finally {
      otherSender.close();
      if (second !== t.db) await second.close();
    }
    expect(smtp.received).toHaveLength(links.length);
    const sentLinks = smtp.received.map((m) => /Bekijk het in Samen Veilig: (\S+)/.exec(parseMail(m.raw).text)![1]);
    expect(sentLinks.sort()).toEqual(links.map((l) => `${PUBLIEK}${l}`).sort());
    expect((await rows()).every((r) => r.email_status === 'verstuurd')).toBe(true);
    // Each recipient got exactly their own e-mails.
    for (const w of new Set(who)) {
      expect(smtp.received.filter((m) => m.rcptTo[0] === fx.user[w].email)).toHaveLength(who.filter((x) => x === w).length);
    }
    // The audit counts add up per region, each region in its own chain.
    const audit = await emailAudit();
    const total = (region: string) => audit.filter((e) => e.region_id === region).reduce((n, e) => n + Number(/^verstuurd (\d+)/.exec(e.uitkomst)![1]), 0);
    expect(total(REGIO)).toBe(who.filter((w) => w !== 'vt-ijsselland').length);
    expect(total(ANDERE_REGIO)).toBe(who.filter((w) => w === 'vt-ijsselland').length);
  });

  it('after a restart a new job sends what was waiting, including rows a stopped or dead process had claimed', async () => {
    await queue(['vt-medewerker', 'opvang', 'csg', 'politie']);
    // A process that is stopped while it holds a batch hands the untried rows back.
    const stopped = await sendWaitingEmails(t.db, sender, { ...opts, batch: 2, shouldStop: () => true });
    expect(stopped).toMatchObject({ claimed: 2, sent: 0, retry: 0 });
    expect((await rows()).map((r) => [r.email_status, r.email_pogingen, r.email_volgende_poging])).toEqual(Array.from({ length: 4 }, () => ['wachtend', 0, null]));
    // A process that died holding a row leaves its lease, which runs out.
    const dead = (await rows())[2]!.id;
    await t.db.query(`UPDATE notificatie SET email_volgende_poging = $2 WHERE id = $1`, [dead, new Date(Date.now() - 60_000).toISOString()]);
    // A lease that has not run out yet is still someone else's.
    const busy = (await rows())[3]!.id;
    await t.db.query(`UPDATE notificatie SET email_volgende_poging = $2 WHERE id = $1`, [busy, new Date(Date.now() + 3_600_000).toISOString()]);
    expect(smtp.received).toHaveLength(0);

    const logged: string[] = [];
    const log: JobLog = { warn: (obj, msg) => logged.push(JSON.stringify({ obj, msg })), error: (obj, msg) => logged.push(JSON.stringify({ obj, msg })) };
    const stop = startEmailJob(t.db, { smtpUrl: smtp.url, ...opts }, { intervalMs: 50, log });
    try {
      await waitFor(() => smtp.received.length >= 3);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await stop();
    }
    expect(logged).toEqual([]);
    expect(smtp.received).toHaveLength(3);
    const byId = new Map((await rows()).map((r) => [r.id, r.email_status]));
    expect(byId.get(dead)).toBe('verstuurd');
    expect(byId.get(busy)).toBe('wachtend');
    expect([...byId.values()].filter((s) => s === 'verstuurd')).toHaveLength(3);
    const recipients = await t.db.query<{ email: string }>(`SELECT u.email FROM notificatie n JOIN app_user u ON u.id = n.user_id WHERE n.id <> $1`, [busy]);
    expect(smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual(recipients.rows.map((r) => r.email).sort());
  });

  it('sends nothing to an account that is no longer active', async () => {
    const u = await t.db.query<{ id: string }>(
      `INSERT INTO app_user (region_id, organisation_id, naam, email, actief) VALUES ($1, $2, 'Ina Inactief', 'ina.inactief@sec-test.samenveilig.example', false) RETURNING id`,
      [REGIO, fx.org.vt],
    );
    setEmailEnabled(true);
    await t.db.transaction((tx) =>
      notify(tx, { regionId: REGIO, userIds: [u.rows[0]!.id], soort: 'termijn-verlopen', titel: 'Termijn verstreken', link: '/werkvoorraad', bronType: 'beoordeling', bronId: randomUUID() }),
    );
    expect(await sendWaitingEmails(t.db, sender, opts)).toMatchObject({ claimed: 1, sent: 0, skipped: 1 });
    expect(smtp.attempts).toBe(0);
    expect((await rows())[0]!.email_status).toBe('niet-nodig');
    expect((await emailAudit()).at(-1)!.uitkomst).toBe('verstuurd 0, later opnieuw 0, mislukt 0, niet nodig 1');
  });

  it('when the SMTP server cannot be reached, one attempt is counted and the rest of the batch waits with it', async () => {
    await queue(['vt-medewerker', 'opvang', 'csg']);
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const down = createSmtpSender(`smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${closedPort}`);
    const failures: FailureKind[] = [];
    const now = new Date();
    try {
      const r = await sendWaitingEmails(t.db, down, { ...opts, now, onFailure: (f) => failures.push(f) });
      expect(r).toMatchObject({ claimed: 3, sent: 0, retry: 1, serverDown: true });
    } finally {
      down.close();
    }
    expect(failures).toHaveLength(1);
    expect(failures[0]!.code).toMatch(/^E[A-Z]+$/);
    const after = await rows();
    expect(after.map((r) => r.email_pogingen).sort()).toEqual([0, 0, 1]);
    expect(after.every((r) => r.email_status === 'wachtend' && new Date(r.email_volgende_poging!).getTime() === now.getTime() + BACKOFF_MS[0]!)).toBe(true);
    // Once the server is back, all three go out.
    expect(await sendWaitingEmails(t.db, sender, { ...opts, now: new Date(now.getTime() + BACKOFF_MS[0]!) })).toMatchObject({ sent: 3 });
    expect(smtp.received).toHaveLength(3);
  });
});

describe('the e-mail itself', () => {
  it('escapes the title in HTML and only ever links into the app', () => {
    const m = composeEmail({ titel: 'Besluit <b>"te bevestigen"</b> & meer', link: '/meldingen/1' }, 'a@b.example', opts);
    expect(m.html).toContain('<strong>Besluit &lt;b&gt;&quot;te bevestigen&quot;&lt;/b&gt; &amp; meer</strong>');
    expect(m.subject).toBe('Samen Veilig: Besluit <b>"te bevestigen"</b> & meer');
    expect(absoluteLink('https://sv.example/app/', '/meldingen/1')).toBe('https://sv.example/app/meldingen/1');
    expect(absoluteLink(PUBLIEK, null)).toBe(`${PUBLIEK}/meldingen-inbox`);
    for (const bad of ['https://elders.example/x', '//elders.example/x', 'javascript:alert(1)', '/a b']) expect(absoluteLink(PUBLIEK, bad)).toBe(`${PUBLIEK}/meldingen-inbox`);
  });

  it('requires TLS for smtp:// to another machine, not to a relay on this one', () => {
    expect(smtpTransportOptions('smtp://u:p@mail.regio.example:587').requireTLS).toBe(true);
    expect(smtpTransportOptions('smtp://127.0.0.1:25').requireTLS).toBe(false);
    expect(smtpTransportOptions('smtp://localhost:25').requireTLS).toBe(false);
    expect(smtpTransportOptions('smtps://u:p@mail.regio.example:465').requireTLS).toBe(false);
  });
});

describe('configuration of e-mail', () => {
  it('is off by default, with links to localhost on the configured port', () => {
    expect(loadConfig({})).toMatchObject({ email: undefined, publiekeUrl: 'http://localhost:3000' });
    expect(loadConfig({ PORT: '8080' }).publiekeUrl).toBe('http://localhost:8080');
    expect(loadConfig({ SAMENVEILIG_SMTP_URL: '', SAMENVEILIG_SMTP_FROM: '' }).email).toBeUndefined();
  });

  it('is on with an SMTP URL and a sender; the public URL loses its trailing slash', () => {
    const c = loadConfig({ SAMENVEILIG_SMTP_URL: 'smtps://u:geheim@mail.regio.example:465', SAMENVEILIG_SMTP_FROM: 'Samen Veilig <noreply@regio.example>', SAMENVEILIG_PUBLIEKE_URL: 'https://sv.regio.example/' });
    expect(c.email).toEqual({ smtpUrl: 'smtps://u:geheim@mail.regio.example:465', from: 'Samen Veilig <noreply@regio.example>' });
    expect(c.publiekeUrl).toBe('https://sv.regio.example');
    expect(loadConfig({ SAMENVEILIG_SMTP_URL: 'smtp://relay:25', SAMENVEILIG_SMTP_FROM: 'noreply@regio.example' }).email?.from).toBe('noreply@regio.example');
  });

  it.each([
    [{ SAMENVEILIG_SMTP_URL: 'smtp://relay:25' }, /SAMENVEILIG_SMTP_FROM: required when SAMENVEILIG_SMTP_URL is set/],
    [{ SAMENVEILIG_SMTP_URL: 'http://relay:25', SAMENVEILIG_SMTP_FROM: 'a@b.example' }, /SAMENVEILIG_SMTP_URL: SAMENVEILIG_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SAMENVEILIG_SMTP_URL: 'smtp://relay:25', SAMENVEILIG_SMTP_FROM: 'geen adres' }, /SAMENVEILIG_SMTP_FROM: SAMENVEILIG_SMTP_FROM must be an e-mail address/],
    [{ SAMENVEILIG_SMTP_URL: 'smtp://relay:25', SAMENVEILIG_SMTP_FROM: 'Naam <geen adres>' }, /SAMENVEILIG_SMTP_FROM/],
    [{ SAMENVEILIG_PUBLIEKE_URL: 'ftp://sv.example' }, /SAMENVEILIG_PUBLIEKE_URL: SAMENVEILIG_PUBLIEKE_URL must be the http:\/\/ or https:\/\/ address/],
    [{ SAMENVEILIG_PUBLIEKE_URL: 'https://sv.example/?a=1' }, /SAMENVEILIG_PUBLIEKE_URL/],
    [{ SAMENVEILIG_PUBLIEKE_URL: 'https://user:pw@sv.example' }, /SAMENVEILIG_PUBLIEKE_URL/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the SMTP URL (it holds a password)', () => {
    const env = { SAMENVEILIG_SMTP_URL: 'imap://user:hunter2@mail.example', SAMENVEILIG_SMTP_FROM: 'a@b.example' };
    expect(() => loadConfig(env)).toThrow(/SAMENVEILIG_SMTP_URL/);
    expect(() => loadConfig(env)).not.toThrow(/hunter2/);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
