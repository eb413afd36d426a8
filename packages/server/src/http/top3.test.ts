/**
 * TOP-3 sessions over HTTP, on a real database: a household with a plan, a session with two professionals
 * and two household members, entries and the proposal by the documented rule, confirming (the plan's goals,
 * a new plan version), a second session in a later phase, the trends per matter and per participant, access
 * (404 out of scope and in another region, 403 for a role without dossier access), bad input and stale versions.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInhoudSchema, stelTop3Voor } from '@samenveilig/domain';
import { buildApp } from './app.js';
import { verifyAudit } from '../audit/chain.js';
import { startPlan } from '../repositories/plan.js';
import { ok, fout } from '../test-support/http.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { createSecurityFixture, REGIO, securityConfig, type SecurityFixture, type Wie } from '../test-support/security.js';

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;

/** The three members of H_LT. */
const lid = { linda: '', luuk: '', lieke: '' };

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  app = await buildApp({ config: securityConfig(), db: t.db, webDir: '/nonexistent' });
  const byExt = async (ext: string) => (await t.db.query<{ id: string }>(`SELECT id FROM person WHERE source = 'sec-test' AND external_id = $1`, [ext])).rows[0]!.id;
  lid.linda = await byExt('SEC-P-LT-a');
  lid.luuk = await byExt('SEC-P-LT-b');
  lid.lieke = fx.persons.lt.find((p) => p !== lid.linda && p !== lid.luuk)!;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** H_LT becomes an active dossier (the lokaal team's user is casusregisseur) with its plan. */
async function activeer(householdId: string, regisseur: string) {
  await t.db.transaction(async (tx) => {
    const now = new Date(Date.now() - 60 * 86_400_000);
    await tx.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds) VALUES ($1, $2, $3, 'casusregisseur', $4)`, [householdId, REGIO, regisseur, now.toISOString()]);
    await tx.query(`UPDATE household SET actief_sinds = $2 WHERE id = $1`, [householdId, now.toISOString()]);
    await startPlan(tx, { regionId: REGIO, householdId, door: regisseur, voorwaarden: ['Geen geweld waar de kinderen bij zijn'], now });
  });
}

const send = (who: Wie, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: fx.as(who), ...(payload !== undefined ? { payload: payload as object } : {}) });
const audits = async (actie: string) =>
  (await t.db.query<{ actor_id: string; record_id: string | null; personen: string[]; uitkomst: string; doel: string | null }>(
    `SELECT actor_id, record_id, personen, uitkomst, doel FROM audit_log WHERE actie = $1 ORDER BY seq`,
    [actie],
  )).rows;
const planRij = async (householdId: string) =>
  (await t.db.query<{ id: string; versie: number; fase: string; inhoud: unknown }>(`SELECT id, versie, fase, inhoud FROM veiligheidsplan WHERE household_id = $1`, [householdId])).rows[0]!;

interface Sessie {
  id: string;
  huishoudenId: string;
  fase: string;
  gehoudenOp: string;
  status: 'open' | 'vastgesteld';
  versie: number;
  aangemaaktDoor: { id: string; naam: string };
  vastgesteldDoor: { id: string; naam: string } | null;
  vastgesteldOp: string | null;
  deelnemers: { id: string; soort: string; naam: string; personId: string | null; userId: string | null; inbreng: { onderwerpId: string; tekst: string; score: number; reden: string }[] }[];
  voorstel: { onderwerpId: string; tekst: string; gewicht: number; vermeldingen: number; laagsteScore: number; gemiddeldeScore: number }[];
  kiesbaar: { onderwerpId: string; tekst: string }[];
  gekozen: { onderwerpId: string; tekst: string }[];
}
interface Overzicht {
  huishoudenId: string;
  plan: { fase: string; versie: number } | null;
  onderwerpen: { id: string; tekst: string; sessies: number; laatstGenoemdOp: string }[];
  sessies: Sessie[];
}
interface Punt {
  sessieId: string;
  gehoudenOp: string;
  fase: string;
}
interface Trends {
  huishoudenId: string;
  sessies: (Punt & { status: string })[];
  onderwerpen: { onderwerpId: string; tekst: string; punten: (Punt & { gemiddelde: number; laagste: number; vermeldingen: number; gekozen: boolean })[] }[];
  deelnemers: { sleutel: string; soort: string; naam: string; personId: string | null; userId: string | null; sessies: string[]; reeksen: { onderwerpId: string; tekst: string; punten: (Punt & { score: number })[] }[] }[];
}

const item = (onderwerp: string, score: number, extra: { onderwerpId?: string } = {}) => ({ onderwerp, score, reden: `Reden bij ${onderwerp}: ${score}`, ...extra });
const deelnemer = (s: Sessie, naam: string) => s.deelnemers.find((d) => d.naam.startsWith(naam))!;

describe(`TOP-3 sessions (${testDbKind()})`, () => {
  let s1: Sessie;
  let s2: Sessie;
  const eerder = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const onderwerp: Record<string, string> = {};

  it('refuses a session on a household without a plan (409) and lists nothing', async () => {
    const e = fout(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${fx.hh.lt}/top3`, { deelnemers: [{ soort: 'gezinslid', personId: lid.linda }] }), 409);
    expect(e.message).toMatch(/geen veiligheidsplan/);
    const o = ok<Overzicht>(await send('lokaal-team', 'GET', `/api/v1/huishoudens/${fx.hh.lt}/top3`));
    expect(o).toEqual({ huishoudenId: fx.hh.lt, plan: null, onderwerpen: [], sessies: [] });
  });

  it('starts a session for the plan\'s phase with two professionals and two household members', async () => {
    await activeer(fx.hh.lt, fx.user['lokaal-team'].id);
    s1 = ok<Sessie>(
      await send('lokaal-team', 'POST', `/api/v1/huishoudens/${fx.hh.lt}/top3`, {
        gehoudenOp: eerder,
        deelnemers: [
          { soort: 'gezinslid', personId: lid.linda },
          { soort: 'gezinslid', personId: lid.luuk },
          { soort: 'professional', userId: fx.user['lokaal-team'].id },
          { soort: 'professional', userId: fx.user['vt-medewerker'].id },
        ],
      }),
      201,
    );
    expect(s1).toMatchObject({
      huishoudenId: fx.hh.lt,
      fase: 'directe-veiligheid',
      gehoudenOp: eerder,
      status: 'open',
      versie: 1,
      aangemaaktDoor: { id: fx.user['lokaal-team'].id, naam: 'Lotte Lokaalteam-A' },
      vastgesteldDoor: null,
      voorstel: [],
      kiesbaar: [],
      gekozen: [],
    });
    // Household members first, then professionals; each by name.
    expect(s1.deelnemers.map((d) => [d.soort, d.naam, d.personId, d.userId])).toEqual([
      ['gezinslid', 'Linda Ltdossierman', lid.linda, null],
      ['gezinslid', 'Luuk Ltdossierman', lid.luuk, null],
      ['professional', 'Lotte Lokaalteam-A', null, fx.user['lokaal-team'].id],
      ['professional', 'Vera Medewerker', null, fx.user['vt-medewerker'].id],
    ]);
    expect((await audits('top3.starten')).at(-1)).toMatchObject({ actor_id: fx.user['lokaal-team'].id, record_id: s1.id, uitkomst: 'ok', doel: 'directe-veiligheid, 4 deelnemers' });
    expect([...(await audits('top3.starten')).at(-1)!.personen].sort()).toEqual([...fx.persons.lt].sort());
  });

  it('takes each participant\'s matters, replacing an earlier entry, and matches a matter named in other words', async () => {
    const put = async (naam: string, inbreng: unknown[], who: Wie = 'lokaal-team') => {
      s1 = ok<Sessie>(await send(who, 'PUT', `/api/v1/top3/${s1.id}/inbreng/${deelnemer(s1, naam).id}`, { inbreng, versie: s1.versie }));
      return s1;
    };
    // Linda first names one matter, then gives her full entry: it replaces the first.
    await put('Linda', [item('Ruzie', 3)]);
    expect(s1.versie).toBe(2);
    await put('Linda', [item('Ruzie', 2), item('Drank', 3), item('Geld', 4)]);
    await put('Luuk', [item('geld', 3), item('Werk', 4), item('ruzie!', 5)]);
    await put('Lotte', [item('RUZIE', 1), item('drank', 2), item('Kinderen', 3)], 'vt-medewerker'); // any involved professional may enter it
    await put('Vera', [item('kinderen', 2), item('Slapen', 6)]);
    expect(s1.versie).toBe(6);

    expect(deelnemer(s1, 'Linda').inbreng).toEqual([
      { onderwerpId: expect.any(String), tekst: 'Ruzie', score: 2, reden: 'Reden bij Ruzie: 2' },
      { onderwerpId: expect.any(String), tekst: 'Drank', score: 3, reden: 'Reden bij Drank: 3' },
      { onderwerpId: expect.any(String), tekst: 'Geld', score: 4, reden: 'Reden bij Geld: 4' },
    ]);
    // 'ruzie!' and 'RUZIE' are the matter Linda named as 'Ruzie': one matter, its first text.
    for (const d of s1.deelnemers) for (const i of d.inbreng) onderwerp[i.tekst] = i.onderwerpId;
    expect(Object.keys(onderwerp).sort()).toEqual(['Drank', 'Geld', 'Kinderen', 'Ruzie', 'Slapen', 'Werk']);
    expect(deelnemer(s1, 'Luuk').inbreng.map((i) => i.tekst)).toEqual(['Geld', 'Werk', 'Ruzie']);
    expect((await t.db.query(`SELECT 1 FROM top3_inbreng WHERE sessie_id = $1`, [s1.id])).rows).toHaveLength(11);
    expect((await t.db.query(`SELECT 1 FROM top3_onderwerp WHERE household_id = $1`, [fx.hh.lt])).rows).toHaveLength(6);
    const a = (await audits('top3.inbreng')).at(-1)!;
    expect(a).toMatchObject({ record_id: s1.id, uitkomst: 'ok', doel: `deelnemer ${deelnemer(s1, 'Vera').id}: 2 onderwerp(en)` });
    expect([...a.personen].sort()).toEqual([...fx.persons.lt].sort());
  });

  it('proposes the top-3 by the documented rule: weight 7 − score, then lowest score, most mentions, named first', async () => {
    expect(s1.voorstel).toEqual([
      { onderwerpId: onderwerp.Ruzie, tekst: 'Ruzie', gewicht: 5 + 2 + 6, vermeldingen: 3, laagsteScore: 1, gemiddeldeScore: 2.7 },
      // Drank and Kinderen tie on weight (9), lowest score (2) and mentions (2): Drank was named first.
      { onderwerpId: onderwerp.Drank, tekst: 'Drank', gewicht: 9, vermeldingen: 2, laagsteScore: 2, gemiddeldeScore: 2.5 },
      { onderwerpId: onderwerp.Kinderen, tekst: 'Kinderen', gewicht: 9, vermeldingen: 2, laagsteScore: 2, gemiddeldeScore: 2.5 },
    ]);
    // The same as the domain rule over the stored entries (order of naming from the database).
    const rows = (
      await t.db.query<{ onderwerp_id: string; score: number; deelnemer_id: string; volgorde: number }>(`SELECT onderwerp_id, score, deelnemer_id, volgorde FROM top3_inbreng WHERE sessie_id = $1`, [s1.id])
    ).rows;
    const domein = stelTop3Voor(rows.map((r) => ({ onderwerp: r.onderwerp_id, tekst: '', score: r.score, deelnemer: r.deelnemer_id, volgorde: r.volgorde })));
    expect(domein.map((p) => p.onderwerp)).toEqual(s1.voorstel.map((p) => p.onderwerpId));
    // Ruzie kept its place in the order of naming when Linda replaced her entry.
    expect(rows.find((r) => r.onderwerp_id === onderwerp.Ruzie && r.deelnemer_id === deelnemer(s1, 'Linda').id)!.volgorde).toBe(1);
    // Everything named may be chosen except Slapen, which everyone who named it scored 6.
    expect(s1.kiesbaar.map((k) => k.tekst)).toEqual(['Ruzie', 'Drank', 'Geld', 'Werk', 'Kinderen']);
  });

  it('lists the sessions with participants, entries and proposal, and the household\'s matters (audited)', async () => {
    const o = ok<Overzicht>(await send('vt-medewerker', 'GET', `/api/v1/huishoudens/${fx.hh.lt}/top3`));
    expect(o.plan).toEqual({ fase: 'directe-veiligheid', versie: 1 });
    expect(o.sessies).toEqual([s1]);
    expect(o.onderwerpen.map((x) => [x.tekst, x.sessies, x.laatstGenoemdOp])).toEqual([
      ['Drank', 1, eerder],
      ['Geld', 1, eerder],
      ['Kinderen', 1, eerder],
      ['Ruzie', 1, eerder],
      ['Slapen', 1, eerder],
      ['Werk', 1, eerder],
    ]);
    // The response schema lets nothing else through (no volgorde, no region).
    expect(Object.keys(o.sessies[0]!.deelnemers[0]!.inbreng[0]!).sort()).toEqual(['onderwerpId', 'reden', 'score', 'tekst']);
    expect(Object.keys(o.sessies[0]!.deelnemers[0]!).sort()).toEqual(['id', 'inbreng', 'naam', 'personId', 'soort', 'userId']);
    const a = (await audits('top3.lezen')).at(-1)!;
    expect(a).toMatchObject({ actor_id: fx.user['vt-medewerker'].id, record_id: fx.hh.lt, uitkomst: 'ok (1 sessies)' });
    expect([...a.personen].sort()).toEqual([...fx.persons.lt].sort());
  });

  it('refuses bad entries with 400 naming the field', async () => {
    const url = `/api/v1/top3/${s1.id}/inbreng/${deelnemer(s1, 'Linda').id}`;
    const cases: [unknown[], string][] = [
      [[item('Ruzie', 7)], 'body.inbreng.0.score'],
      [[item('Ruzie', 0)], 'body.inbreng.0.score'],
      [[item('a', 3), item('b', 3), item('c', 3), item('d', 3)], 'body.inbreng'],
      [[{ onderwerp: 'Ruzie', score: 2, reden: '   ' }], 'body.inbreng.0.reden'],
      [[{ onderwerp: 'Ruzie', score: 2 }], 'body.inbreng.0.reden'],
      [[item('Drank', 2), item('DRANK!', 3)], 'body.inbreng.1.onderwerp'],
      [[item('?!', 2)], 'body.inbreng.0.onderwerp'],
      [[item('Ruzie', 2, { onderwerpId: randomUUID() })], 'body.inbreng.0.onderwerpId'],
      [[item('Ruzie', 2, { onderwerpId: 'geen-uuid' })], 'body.inbreng.0.onderwerpId'],
      // A matter by its id and the same matter again by its text.
      [[item('Ruzie', 2, { onderwerpId: onderwerp.Ruzie! }), item('ruzie.', 3)], 'body.inbreng.1.onderwerp'],
    ];
    for (const [inbreng, path] of cases) {
      const e = fout(await send('lokaal-team', 'PUT', url, { inbreng, versie: s1.versie }), 400);
      expect(e.code).toBe('ongeldige_invoer');
      expect(e.issues?.map((i) => i.path), JSON.stringify(inbreng)).toContain(path);
    }
    fout(await send('lokaal-team', 'PUT', url, { inbreng: [], versie: 'x' }), 400);
    fout(await send('lokaal-team', 'PUT', url, { inbreng: [], versie: s1.versie, extra: 1 }), 400);
    // A participant of no (or another) session: 404.
    fout(await send('lokaal-team', 'PUT', `/api/v1/top3/${s1.id}/inbreng/${randomUUID()}`, { inbreng: [], versie: s1.versie }), 404);
    // Nothing changed.
    expect(ok<Overzicht>(await send('lokaal-team', 'GET', `/api/v1/huishoudens/${fx.hh.lt}/top3`)).sessies[0]!.versie).toBe(s1.versie);
  });

  it('refuses bad participants with 400 naming the field', async () => {
    const url = `/api/v1/huishoudens/${fx.hh.lt}/top3`;
    const cases: [unknown, string][] = [
      [{ deelnemers: [{ soort: 'gezinslid', personId: fx.persons.vt[0] }] }, 'body.deelnemers.0.personId'], // a person of another household
      [{ deelnemers: [{ soort: 'kind', personId: fx.persons.other[0] }] }, 'body.deelnemers.0.personId'], // of another region
      [{ deelnemers: [{ soort: 'gezinslid', personId: lid.linda }, { soort: 'professional', userId: fx.user['vt-ijsselland'].id }] }, 'body.deelnemers.1.userId'], // a user of another region
      [{ deelnemers: [{ soort: 'professional', userId: randomUUID() }] }, 'body.deelnemers.0.userId'],
      [{ deelnemers: [{ soort: 'gezinslid', personId: lid.linda }, { soort: 'kind', personId: lid.linda }] }, 'body.deelnemers.1.personId'],
      [{ deelnemers: [{ soort: 'netwerk', naam: 'Oma Ria' }, { soort: 'netwerk', naam: ' oma  ria' }] }, 'body.deelnemers.1.naam'],
      [{ deelnemers: [{ soort: 'netwerk', naam: '  ' }] }, 'body.deelnemers.0.naam'],
      [{ deelnemers: [{ soort: 'gezinslid', personId: 'geen-uuid' }] }, 'body.deelnemers.0.personId'],
      [{ deelnemers: [] }, 'body.deelnemers'],
      [{ deelnemers: [{ soort: 'buurman', naam: 'X' }] }, 'body.deelnemers.0.soort'],
      [{ deelnemers: [{ soort: 'gezinslid', personId: lid.linda }], gehoudenOp: new Date(Date.now() + 86_400_000).toISOString() }, 'body.gehoudenOp'],
      [{ deelnemers: [{ soort: 'gezinslid', personId: lid.linda }], gehoudenOp: 'gisteren' }, 'body.gehoudenOp'],
    ];
    for (const [body, path] of cases) {
      const e = fout(await send('lokaal-team', 'POST', url, body), 400);
      expect(e.issues?.map((i) => i.path), JSON.stringify(body)).toContain(path);
    }
    // An inactive user is no participant either.
    await t.db.query(`UPDATE app_user SET actief = false WHERE id = $1`, [fx.user.csg.id]);
    const e = fout(await send('lokaal-team', 'POST', url, { deelnemers: [{ soort: 'professional', userId: fx.user.csg.id }] }), 400);
    expect(e.issues).toEqual([{ path: 'body.deelnemers.0.userId', message: 'geen actieve gebruiker van deze regio' }]);
    await t.db.query(`UPDATE app_user SET actief = true WHERE id = $1`, [fx.user.csg.id]);
    expect((await t.db.query(`SELECT 1 FROM top3_sessie`)).rows).toHaveLength(1);
  });

  it('refuses a change on a stale version (409) and leaves the session as it was', async () => {
    const e = fout(await send('lokaal-team', 'PUT', `/api/v1/top3/${s1.id}/inbreng/${deelnemer(s1, 'Linda').id}`, { inbreng: [item('Ruzie', 1)], versie: s1.versie - 1 }), 409);
    expect(e.message).toMatch(/intussen gewijzigd \(nu versie 6\)/);
    const v = fout(await send('lokaal-team', 'POST', `/api/v1/top3/${s1.id}/vaststellen`, { gekozen: s1.voorstel.map((p) => p.onderwerpId), versie: 2 }), 409);
    expect(v.message).toMatch(/intussen gewijzigd/);
    expect((await planRij(fx.hh.lt)).versie).toBe(1);
  });

  it('refuses a top-3 that breaks the choice rule with 400 on gekozen', async () => {
    const url = `/api/v1/top3/${s1.id}/vaststellen`;
    const cases: [string[], string, RegExp][] = [
      [[onderwerp.Ruzie!, onderwerp.Drank!], 'body.gekozen', /kies 3 onderwerpen/],
      [[], 'body.gekozen', /ten minste één/],
      [[onderwerp.Ruzie!, onderwerp.Drank!, onderwerp.Geld!, onderwerp.Werk!], 'body.gekozen', /ten hoogste 3/],
      [[onderwerp.Ruzie!, onderwerp.Ruzie!, onderwerp.Geld!], 'body.gekozen', /twee keer/],
      [[onderwerp.Ruzie!, onderwerp.Drank!, randomUUID()], 'body.gekozen', /kies uit de genoemde/],
      [[onderwerp.Ruzie!, onderwerp.Drank!, onderwerp.Slapen!], 'body.gekozen.2', /een 6 \(veilig\)/],
    ];
    for (const [gekozen, path, message] of cases) {
      const e = fout(await send('lokaal-team', 'POST', url, { gekozen, versie: s1.versie }), 400);
      expect(e.issues, JSON.stringify(gekozen)).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    fout(await send('lokaal-team', 'POST', url, { gekozen: ['geen-uuid'], versie: s1.versie }), 400);
  });

  it('confirms a changed top-3: the session closes and the chosen matters become the plan\'s goals (a new version)', async () => {
    const r = ok<{ sessie: Sessie; plan: { fase: string; versie: number } }>(
      await send('lokaal-team', 'POST', `/api/v1/top3/${s1.id}/vaststellen`, {
        gekozen: [onderwerp.Ruzie, onderwerp.Drank, onderwerp.Geld],
        toelichting: 'Geld weegt voor het gezin zwaarder dan de kinderen nu',
        versie: s1.versie,
      }),
    );
    s1 = r.sessie;
    expect(r.plan).toEqual({ fase: 'directe-veiligheid', versie: 2 });
    expect(s1).toMatchObject({ status: 'vastgesteld', versie: 7, vastgesteldDoor: { id: fx.user['lokaal-team'].id, naam: 'Lotte Lokaalteam-A' } });
    expect(s1.vastgesteldOp).not.toBeNull();
    expect(s1.gekozen).toEqual([
      { onderwerpId: onderwerp.Ruzie, tekst: 'Ruzie' },
      { onderwerpId: onderwerp.Drank, tekst: 'Drank' },
      { onderwerpId: onderwerp.Geld, tekst: 'Geld' },
    ]);
    const plan = await planRij(fx.hh.lt);
    expect(plan.versie).toBe(2);
    const inhoud = planInhoudSchema.parse(plan.inhoud);
    expect(inhoud.voorwaarden.map((v) => v.tekst)).toEqual(['Geen geweld waar de kinderen bij zijn']);
    expect(inhoud.doelen).toEqual(
      ['Ruzie', 'Drank', 'Geld'].map((tekst) => ({ id: expect.stringMatching(/^top3-1-[0-9a-f]{32}$/), tekst, fase: 'directe-veiligheid', onderwerpId: onderwerp[tekst], sessieId: s1.id })),
    );
    const versie = (await t.db.query<{ auteur_id: string; toelichting: string }>(`SELECT auteur_id, toelichting FROM veiligheidsplan_versie WHERE plan_id = $1 AND versie = 2`, [plan.id])).rows[0]!;
    expect(versie.auteur_id).toBe(fx.user['lokaal-team'].id);
    expect(versie.toelichting).toMatch(/^TOP-3 van \d{4}-\d{2}-\d{2} vastgesteld \(voorstel gewijzigd\): Geld weegt/);
    expect((await audits('top3.vaststellen')).at(-1)).toMatchObject({ record_id: s1.id, doel: 'voorstel gewijzigd', uitkomst: 'ok' });
    expect((await audits('veiligheidsplan.wijzigen')).at(-1)).toMatchObject({ record_id: plan.id, doel: `doelen uit TOP-3-sessie ${s1.id}` });
  });

  it('refuses changes to a confirmed session (409)', async () => {
    const e = fout(await send('lokaal-team', 'PUT', `/api/v1/top3/${s1.id}/inbreng/${deelnemer(s1, 'Linda').id}`, { inbreng: [item('Ruzie', 1)], versie: s1.versie }), 409);
    expect(e.message).toMatch(/al vastgesteld/);
    fout(await send('lokaal-team', 'POST', `/api/v1/top3/${s1.id}/vaststellen`, { gekozen: [onderwerp.Ruzie], versie: s1.versie }), 409);
    expect((await planRij(fx.hh.lt)).versie).toBe(2);
  });

  it('a second session in a later phase: a child and the network take part; confirming the proposal sets that phase\'s goals', async () => {
    await t.db.query(`UPDATE veiligheidsplan SET fase = 'stabiele-veiligheid', fase_sinds = now() WHERE household_id = $1`, [fx.hh.lt]);
    s2 = ok<Sessie>(
      await send('vt-medewerker', 'POST', `/api/v1/huishoudens/${fx.hh.lt}/top3`, {
        deelnemers: [
          { soort: 'gezinslid', personId: lid.linda },
          { soort: 'kind', personId: lid.lieke },
          { soort: 'netwerk', naam: 'Oma Ria' },
          { soort: 'professional', userId: fx.user['lokaal-team'].id },
        ],
      }),
      201,
    );
    expect(s2.fase).toBe('stabiele-veiligheid');
    expect(s2.deelnemers.map((d) => [d.soort, d.naam])).toEqual([
      ['gezinslid', 'Linda Ltdossierman'],
      ['kind', 'Lieke Ltdossierman'],
      ['netwerk', 'Oma Ria'],
      ['professional', 'Lotte Lokaalteam-A'],
    ]);
    const put = async (naam: string, inbreng: unknown[]) => {
      s2 = ok<Sessie>(await send('vt-medewerker', 'PUT', `/api/v1/top3/${s2.id}/inbreng/${deelnemer(s2, naam).id}`, { inbreng, versie: s2.versie }));
    };
    await put('Linda', [item('ruzie', 4), item('geld', 3)]);
    // A matter named before, by its id: its first text is kept whatever text comes along.
    await put('Lieke', [item('Ruzie thuis', 3, { onderwerpId: onderwerp.Ruzie! }), item('School', 2)]);
    await put('Oma', [item('Geld', 5)]);
    await put('Lotte', [item('Ruzie', 5), item('Drank', 4)]);
    expect(deelnemer(s2, 'Lieke').inbreng.map((i) => i.tekst)).toEqual(['Ruzie', 'School']);
    expect(s2.voorstel.map((p) => [p.tekst, p.gewicht])).toEqual([
      ['Ruzie', 3 + 4 + 2],
      ['Geld', 4 + 2],
      ['School', 5],
    ]);
    const r = ok<{ sessie: Sessie; plan: { fase: string; versie: number } }>(
      await send('lokaal-team', 'POST', `/api/v1/top3/${s2.id}/vaststellen`, { gekozen: s2.voorstel.map((p) => p.onderwerpId), versie: s2.versie }),
    );
    s2 = r.sessie;
    onderwerp.School = s2.gekozen[2]!.onderwerpId;
    expect(r.plan).toEqual({ fase: 'stabiele-veiligheid', versie: 3 });
    const inhoud = planInhoudSchema.parse((await planRij(fx.hh.lt)).inhoud);
    // The goals of directe veiligheid stay; those of stabiele veiligheid are this session's.
    expect(inhoud.doelen.map((d) => [d.fase, d.tekst])).toEqual([
      ['directe-veiligheid', 'Ruzie'],
      ['directe-veiligheid', 'Drank'],
      ['directe-veiligheid', 'Geld'],
      ['stabiele-veiligheid', 'Ruzie'],
      ['stabiele-veiligheid', 'Geld'],
      ['stabiele-veiligheid', 'School'],
    ]);
    expect(new Set(inhoud.doelen.map((d) => d.id)).size).toBe(6);
    expect((await audits('top3.vaststellen')).at(-1)).toMatchObject({ record_id: s2.id, doel: 'voorstel gevolgd' });

    const o = ok<Overzicht>(await send('lokaal-team', 'GET', `/api/v1/huishoudens/${fx.hh.lt}/top3`));
    expect(o.plan).toEqual({ fase: 'stabiele-veiligheid', versie: 3 });
    expect(o.sessies.map((s) => s.id)).toEqual([s2.id, s1.id]); // newest first
    expect(o.onderwerpen.map((x) => [x.tekst, x.sessies])).toEqual([
      ['Drank', 2],
      ['Geld', 2],
      ['Kinderen', 1],
      ['Ruzie', 2],
      ['School', 1],
      ['Slapen', 1],
      ['Werk', 1],
    ]);
  });

  it('gives the trends per matter and per participant across sessions (audited)', async () => {
    const tr = ok<Trends>(await send('lokaal-team', 'GET', `/api/v1/huishoudens/${fx.hh.lt}/top3/trends`));
    const p1 = { sessieId: s1.id, gehoudenOp: s1.gehoudenOp, fase: 'directe-veiligheid' };
    const p2 = { sessieId: s2.id, gehoudenOp: s2.gehoudenOp, fase: 'stabiele-veiligheid' };
    expect(tr.sessies).toEqual([
      { ...p1, status: 'vastgesteld' },
      { ...p2, status: 'vastgesteld' },
    ]);
    const per = Object.fromEntries(tr.onderwerpen.map((o) => [o.tekst, o.punten]));
    expect(tr.onderwerpen.map((o) => o.tekst)).toEqual(['Ruzie', 'Drank', 'Geld', 'Werk', 'Kinderen', 'Slapen', 'School']);
    expect(per.Ruzie).toEqual([
      { ...p1, gemiddelde: 2.7, laagste: 1, vermeldingen: 3, gekozen: true },
      { ...p2, gemiddelde: 4, laagste: 3, vermeldingen: 3, gekozen: true },
    ]);
    expect(per.Drank).toEqual([
      { ...p1, gemiddelde: 2.5, laagste: 2, vermeldingen: 2, gekozen: true },
      { ...p2, gemiddelde: 4, laagste: 4, vermeldingen: 1, gekozen: false },
    ]);
    expect(per.Kinderen).toEqual([{ ...p1, gemiddelde: 2.5, laagste: 2, vermeldingen: 2, gekozen: false }]);
    expect(per.School).toEqual([{ ...p2, gemiddelde: 2, laagste: 2, vermeldingen: 1, gekozen: true }]);

    const wie = Object.fromEntries(tr.deelnemers.map((d) => [d.naam, d]));
    expect(tr.deelnemers.map((d) => [d.soort, d.naam, d.sleutel])).toEqual([
      ['gezinslid', 'Linda Ltdossierman', `persoon:${lid.linda}`],
      ['gezinslid', 'Luuk Ltdossierman', `persoon:${lid.luuk}`],
      ['kind', 'Lieke Ltdossierman', `persoon:${lid.lieke}`],
      ['netwerk', 'Oma Ria', 'netwerk:oma ria'],
      ['professional', 'Lotte Lokaalteam-A', `gebruiker:${fx.user['lokaal-team'].id}`],
      ['professional', 'Vera Medewerker', `gebruiker:${fx.user['vt-medewerker'].id}`],
    ]);
    // Linda, followed across both sessions by her person id.
    expect(wie['Linda Ltdossierman']).toMatchObject({ personId: lid.linda, userId: null, sessies: [s1.id, s2.id] });
    expect(wie['Linda Ltdossierman']!.reeksen.map((r) => [r.tekst, r.punten.map((p) => [p.sessieId, p.score])])).toEqual([
      ['Ruzie', [[s1.id, 2], [s2.id, 4]]],
      ['Drank', [[s1.id, 3]]],
      ['Geld', [[s1.id, 4], [s2.id, 3]]],
    ]);
    // The lokaal team's professional, by user id.
    expect(wie['Lotte Lokaalteam-A']!.reeksen.map((r) => [r.tekst, r.punten.map((p) => p.score)])).toEqual([
      ['Ruzie', [1, 5]],
      ['Drank', [2, 4]],
      ['Kinderen', [3]],
    ]);
    expect(wie['Lotte Lokaalteam-A']!.reeksen[0]!.punten[1]).toEqual({ ...p2, score: 5 });
    expect(wie['Vera Medewerker']).toMatchObject({ sessies: [s1.id], userId: fx.user['vt-medewerker'].id });
    expect(wie['Lieke Ltdossierman']!.reeksen.map((r) => [r.tekst, r.punten.map((p) => p.score)])).toEqual([
      ['Ruzie', [3]],
      ['School', [2]],
    ]);
    const a = (await audits('top3.trends.lezen')).at(-1)!;
    expect(a).toMatchObject({ actor_id: fx.user['lokaal-team'].id, record_id: fx.hh.lt, uitkomst: 'ok (2 sessies)' });
    expect([...a.personen].sort()).toEqual([...fx.persons.lt].sort());
  });

  describe('access', () => {
    const routes = (hh: string, sessie: string, d: string) => [
      ['GET', `/api/v1/huishoudens/${hh}/top3`, undefined],
      ['GET', `/api/v1/huishoudens/${hh}/top3/trends`, undefined],
      ['POST', `/api/v1/huishoudens/${hh}/top3`, { deelnemers: [{ soort: 'netwerk', naam: 'Oma Ria' }] }],
      ['PUT', `/api/v1/top3/${sessie}/inbreng/${d}`, { inbreng: [item('Ruzie', 1)], versie: 1 }],
      ['POST', `/api/v1/top3/${sessie}/vaststellen`, { gekozen: [randomUUID()], versie: 1 }],
    ] as const;
    let open: Sessie;

    beforeAll(async () => {
      open = ok<Sessie>(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${fx.hh.lt}/top3`, { deelnemers: [{ soort: 'gezinslid', personId: lid.linda }] }), 201);
    });

    it('is "not found" (404) for another organisation, another team of the involved organisation and another region, and audited', async () => {
      for (const who of ['opvang', 'csg', 'zvh-coordinator', 'lokaal-team-b', 'vt-ijsselland'] as const) {
        for (const [method, url, body] of routes(fx.hh.lt, open.id, open.deelnemers[0]!.id)) {
          const e = fout(await send(who, method, url, body), 404);
          expect(e.code, `${who} ${method} ${url}`).toBe('niet_gevonden');
        }
      }
      const geweigerd = (await t.db.query<{ actie: string; region_id: string }>(`SELECT actie, region_id FROM audit_log WHERE uitkomst = 'niet-gevonden' AND actor_id = $1`, [fx.user.opvang.id])).rows;
      expect(geweigerd.map((r) => r.actie).sort()).toEqual(['top3.inbreng', 'top3.lezen', 'top3.starten', 'top3.trends.lezen', 'top3.vaststellen']);
      const anders = (await t.db.query<{ region_id: string }>(`SELECT region_id FROM audit_log WHERE uitkomst = 'niet-gevonden' AND actor_id = $1`, [fx.user['vt-ijsselland'].id])).rows;
      expect(anders).toHaveLength(5);
      expect(anders.every((r) => r.region_id === 'ijsselland')).toBe(true);
      // Nothing changed.
      const o = ok<Overzicht>(await send('lokaal-team', 'GET', `/api/v1/huishoudens/${fx.hh.lt}/top3`));
      expect(o.sessies.find((s) => s.id === open.id)!.versie).toBe(1);
      expect(o.sessies).toHaveLength(3);
    });

    it('is "not found" for ids that do not exist or are no ids', async () => {
      for (const [method, url, body] of [...routes(randomUUID(), randomUUID(), randomUUID()), ...routes('abc', 'abc', 'abc')]) {
        fout(await send('lokaal-team', method, url, body), 404);
      }
    });

    it('is forbidden (403) for roles without dossier access, whatever the household', async () => {
      for (const who of ['politie', 'beleidsmedewerker', 'functioneel-beheerder', 'privacy-officer'] as const) {
        for (const [method, url, body] of routes(fx.hh.lt, open.id, open.deelnemers[0]!.id)) {
          const e = fout(await send(who, method, url, body), 403);
          expect(e.code, `${who} ${method} ${url}`).toBe('geen_toegang');
        }
      }
    });

    it('is open to every involved professional with a dossier role', async () => {
      for (const who of ['lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper'] as const) {
        ok(await send(who, 'GET', `/api/v1/huishoudens/${fx.hh.lt}/top3/trends`));
      }
    });
  });

  it('cannot confirm a session without entries, or one where everyone scored every matter 6 (409); an entry can be emptied', async () => {
    let s = ok<Sessie>(
      await send('vt-gedragswetenschapper', 'POST', `/api/v1/huishoudens/${fx.hh.lt}/top3`, { deelnemers: [{ soort: 'gezinslid', personId: lid.luuk }, { soort: 'netwerk', naam: 'Buurman Kees' }] }),
      201,
    );
    const vaststellen = () => send('vt-gedragswetenschapper', 'POST', `/api/v1/top3/${s.id}/vaststellen`, { gekozen: [onderwerp.Ruzie], versie: s.versie });
    expect(fout(await vaststellen(), 409).message).toMatch(/nog niets ingebracht/);
    const put = async (naam: string, inbreng: unknown[]) => {
      s = ok<Sessie>(await send('vt-gedragswetenschapper', 'PUT', `/api/v1/top3/${s.id}/inbreng/${deelnemer(s, naam).id}`, { inbreng, versie: s.versie }));
    };
    await put('Luuk', [item('Slapen', 6), item('Werk', 6)]);
    await put('Buurman', [item('Geluid', 6)]);
    expect(s.voorstel).toEqual([]);
    expect(s.kiesbaar).toEqual([]);
    expect(fout(await vaststellen(), 409).message).toMatch(/een 6 \(veilig\)/);
    await put('Buurman', [item('Geluid', 5)]);
    expect(s.voorstel.map((p) => p.tekst)).toEqual(['Geluid']);
    await put('Buurman', []);
    expect(deelnemer(s, 'Buurman').inbreng).toEqual([]);
    expect(s.voorstel).toEqual([]);
    expect(s.status).toBe('open');
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = ok<{ paths: Record<string, Record<string, unknown>> }>(await app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(Object.keys(doc.paths['/api/v1/huishoudens/{id}/top3']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/huishoudens/{id}/top3/trends']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/top3/{sessieId}/inbreng/{deelnemerId}']!)).toEqual(['put']);
    expect(Object.keys(doc.paths['/api/v1/top3/{sessieId}/vaststellen']!)).toEqual(['post']);
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });
});
