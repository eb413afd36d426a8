/**
 * One household, one plan, one director, over HTTP on a real database: the accepted handover starts the
 * active dossier with its casusregisseur, plan and check moments; the plan's versions, diffs and conflicts;
 * phases with the exit criterion and four eyes; a new melding sends the plan back; regie passes only by a
 * proposal the receiver accepts; the invariants hold under concurrent attempts, and the database refuses
 * what the application should never try. Every run ends with the invariant checked on the whole database.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { verifyAudit } from '../audit/chain.js';
import { meldVerlopenTermijnen } from '../jobs/termijnbewaking.js';
import { meldControlemomenten, meldVerlopenAfspraken } from '../jobs/planbewaking.js';
import { ok, fout } from '../test-support/http.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { createSecurityFixture, REGIO, securityConfig, type SecurityFixture, type Wie } from '../test-support/security.js';
import * as vd from '../test-support/voordeur.js';

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  app = await buildApp({ config: securityConfig(), db: t.db, webDir: '/nonexistent' });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const send = (who: Wie, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: fx.as(who), ...(payload !== undefined ? { payload: payload as object } : {}) });
const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params)).rows[0]!;

/** The invariant, on the whole database: every active household has exactly one casusregisseur; nobody inactive or without a regie role holds regie. */
async function invariant() {
  const zonder = await t.db.query(
    `SELECT h.id FROM household h WHERE h.actief_sinds IS NOT NULL AND h.afgesloten_op IS NULL
       AND (SELECT count(*) FROM household_regie r WHERE r.household_id = h.id AND r.soort = 'casusregisseur' AND r.tot IS NULL) <> 1`,
  );
  expect(zonder.rows, 'active households without exactly one casusregisseur').toEqual([]);
  const vertrokken = await t.db.query(
    `SELECT r.user_id FROM household_regie r JOIN app_user u ON u.id = r.user_id WHERE r.tot IS NULL
       AND (NOT u.actief OR NOT EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id
            AND ur.rol IN ('lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper', 'opvang', 'csg', 'zvh-coordinator')))`,
  );
  expect(vertrokken.rows, 'regie held by someone inactive or without a regie role').toEqual([]);
}
afterEach(invariant);

interface Overdracht {
  id: string;
  versie: number;
  huishoudenId: string;
  regisseurKandidaten: { id: string; naam: string }[];
}
interface Plan {
  id: string;
  fase: string;
  versie: number;
  inhoud: { voorwaarden: { id: string; tekst: string }[]; afspraken: { id: string; wanneer: string; status: string }[]; netwerk: { naam: string }[]; incidenten: unknown[] };
  criterium: { dagenZonderGeweld: number; gehaald: boolean };
  faseVoorstel: { id: string; naar: string } | null;
  verlopenAfspraken: string[];
  versies: { versie: number; auteur: string | null; toelichting: string | null }[];
}
interface Dossier {
  actief: { sinds: string } | null;
  regie: { soort: string; userId: string; naam: string; email: string; organisatie: string }[];
  regieVoorstellen: { id: string; soort: string }[];
  plan: { fase: string; versie: number } | null;
  controlemomenten: { maanden: number; geplandOp: string; status: string }[];
  relaties: { van: string; naar: string; type: string }[];
  contacten: { id: string; beoordeling: { status: string } | null }[];
  tijdlijn: { soort: string; tekst: string }[];
}

/** A handover of a fresh melding (in a household of its own) to team A of the lokaal team, with voorwaarden; accepted by `door` making `regisseur` casusregisseur. */
async function actiefHuishouden(opts: { door?: Wie; regisseur?: Wie; voorwaarden?: string[] } = {}): Promise<string> {
  const id = await vd.overdracht(fx, 'vt', 'lt', fx.team.a);
  await t.db.query(`UPDATE overdracht SET voorwaarden = $2 WHERE id = $1`, [id, JSON.stringify(opts.voorwaarden ?? ['Vader komt niet in het huis zonder afspraak'])]);
  const door = opts.door ?? 'lokaal-team';
  const o = ok<Overdracht>(await send(door, 'GET', `/api/v1/overdrachten/${id}`));
  const body: Record<string, unknown> = { antwoord: 'accepteren', versie: o.versie };
  if (opts.regisseur) body.casusregisseurId = fx.user[opts.regisseur].id;
  ok(await send(door, 'POST', `/api/v1/overdrachten/${id}/antwoord`, body));
  return o.huishoudenId;
}

const plan = async (hh: string, who: Wie = 'lokaal-team') => ok<Plan>(await send(who, 'GET', `/api/v1/huishoudens/${hh}/plan`));
const dossier = async (hh: string, who: Wie = 'lokaal-team') => ok<Dossier>(await send(who, 'GET', `/api/v1/huishoudens/${hh}`));
const afspraak = (id: string, wanneer: string) => ({ id, wie: 'Oma', wat: 'Haalt de kinderen op en brengt ze naar de andere ouder', wanneer, gevolg: 'Het lokaal team belt dezelfde dag' });

describe(`the active dossier (${testDbKind()})`, () => {
  it('an accepted handover makes the household active with its casusregisseur, its plan (the voorwaarden of Veilig Thuis) and check moments', async () => {
    const hh = await actiefHuishouden({ voorwaarden: ['Vader komt niet in het huis zonder afspraak', 'De kinderen gaan elke dag naar school'] });
    const d = await dossier(hh);
    expect(d.actief).not.toBeNull();
    expect(d.regie).toEqual([expect.objectContaining({ soort: 'casusregisseur', userId: fx.user['lokaal-team'].id, naam: fx.user['lokaal-team'].naam, email: fx.user['lokaal-team'].email })]);
    expect(d.plan).toMatchObject({ fase: 'directe-veiligheid', versie: 1 });
    expect(d.controlemomenten.map((c) => c.maanden)).toEqual([3, 12]);
    expect(d.tijdlijn.map((x) => x.soort)).toEqual(expect.arrayContaining(['contact', 'overdracht', 'regie', 'plan']));
    const p = await plan(hh);
    expect(p.inhoud.voorwaarden.map((v) => v.tekst)).toEqual(['Vader komt niet in het huis zonder afspraak', 'De kinderen gaan elke dag naar school']);
    expect(p.criterium).toMatchObject({ dagenZonderGeweld: 91, gehaald: false });
    // Veilig Thuis (involved as registrar) sees the same plan.
    expect((await plan(hh, 'vt-medewerker')).id).toBe(p.id);
  });

  it('a plan out of scope is a 404 whose attempt stays in the audit trail', async () => {
    const hh = await actiefHuishouden();
    const e = fout(await send('opvang', 'GET', `/api/v1/huishoudens/${hh}/plan`), 404);
    expect(e.code).toBe('niet_gevonden');
    fout(await send('opvang', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: {}, versie: 1 }), 404);
    const rows = (await t.db.query<{ actie: string; uitkomst: string; actor_id: string }>(`SELECT actie, uitkomst, actor_id FROM audit_log WHERE record_id = $1 AND uitkomst = 'niet-gevonden'`, [hh])).rows;
    expect(rows.map((r) => r.actie).sort()).toEqual(['veiligheidsplan.lezen', 'veiligheidsplan.wijzigen']);
    expect(rows.every((r) => r.actor_id === fx.user.opvang.id)).toBe(true);
  });

  it('the receiver may name a colleague as casusregisseur, not someone of another organisation', async () => {
    const hh = await actiefHuishouden({ regisseur: 'lokaal-team-b' });
    expect((await dossier(hh)).regie[0]!.userId).toBe(fx.user['lokaal-team-b'].id);
    const id = await vd.overdracht(fx, 'vt', 'lt', fx.team.a);
    const o = ok<Overdracht>(await send('lokaal-team', 'GET', `/api/v1/overdrachten/${id}`));
    expect(o.regisseurKandidaten.map((k) => k.id)).toEqual([fx.user['lokaal-team'].id, fx.user['lokaal-team-b'].id]); // own team first
    const e = fout(await send('lokaal-team', 'POST', `/api/v1/overdrachten/${id}/antwoord`, { antwoord: 'accepteren', versie: o.versie, casusregisseurId: fx.user.opvang.id }), 400);
    expect(e.issues?.[0]?.path).toBe('body.casusregisseurId');
    expect((await one<{ status: string }>(`SELECT status FROM overdracht WHERE id = $1`, [id])).status).toBe('voorgesteld');
  });
});

describe(`the plan: versions and conflicts (${testDbKind()})`, () => {
  it('every change is a new version with author and time, and a readable diff', async () => {
    const hh = await actiefHuishouden();
    const p1 = await plan(hh);
    const inhoud = { ...p1.inhoud, afspraken: [afspraak('oma-halen', '2030-01-31')], netwerk: [{ id: 'oma', naam: 'Oma Jansen', relatie: 'oma', rol: 'Haalt de kinderen op' }] };
    const p2 = ok<Plan>(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud, versie: p1.versie, toelichting: 'Na het gesprek met oma' }));
    expect(p2.versie).toBe(p1.versie + 1);
    expect(p2.versies[0]).toMatchObject({ versie: p2.versie, auteur: fx.user['lokaal-team'].naam, toelichting: 'Na het gesprek met oma' });
    const v = ok<{ verschil: string[]; vergelekenMet: number }>(await send('vt-medewerker', 'GET', `/api/v1/huishoudens/${hh}/plan/versies/${p2.versie}`));
    expect(v.vergelekenMet).toBe(p1.versie);
    expect(v.verschil.join('\n')).toMatch(/Oma Jansen/);
    expect(v.verschil.join('\n')).toMatch(/Haalt de kinderen op en brengt ze naar de andere ouder/);
    // Saving the same content again makes no version.
    expect(ok<Plan>(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud, versie: p2.versie })).versie).toBe(p2.versie);
    fout(await send('lokaal-team', 'GET', `/api/v1/huishoudens/${hh}/plan/versies/99`), 404);
  });

  it('a change made on an older version is a 409 that names who changed what; nothing is overwritten', async () => {
    const hh = await actiefHuishouden();
    const basis = await plan(hh);
    ok(await send('vt-medewerker', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { ...basis.inhoud, samenvatting: 'Moeder en kinderen wonen bij oma.' }, versie: basis.versie }));
    const e = fout(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { ...basis.inhoud, samenvatting: 'Iets anders.' }, versie: basis.versie }), 409);
    expect(e.code).toBe('conflict');
    expect(e.message).toContain(fx.user['vt-medewerker'].naam);
    expect(e.issues?.map((i) => i.message).join('\n')).toMatch(/Samenvatting toegevoegd: Moeder en kinderen wonen bij oma/);
    expect((await plan(hh)).inhoud).toMatchObject({ samenvatting: 'Moeder en kinderen wonen bij oma.' });
  });

  it('concurrent edits on the same version: exactly one is saved, every other one is a 409, no edit is lost silently', async () => {
    const hh = await actiefHuishouden();
    const basis = await plan(hh);
    const wie: Wie[] = ['lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper'];
    const results = await Promise.all(
      wie.map((w, i) => send(w, 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { ...basis.inhoud, samenvatting: `Versie van schrijver ${i}` }, versie: basis.versie })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = results.findIndex((r) => r.statusCode === 200);
    const na = await plan(hh);
    expect(na.versie).toBe(basis.versie + 1);
    expect((na.inhoud as { samenvatting?: string }).samenvatting).toBe(`Versie van schrijver ${winner}`);
    expect((await one<{ n: number }>(`SELECT count(*) AS n FROM veiligheidsplan_versie WHERE plan_id = $1`, [na.id])).n).toBe(na.versie);
  });

  it('bad plan content is a 400 naming the field', async () => {
    const hh = await actiefHuishouden();
    const p = await plan(hh);
    const e = fout(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { afspraken: [{ ...afspraak('x', '2030-02-30') }] }, versie: p.versie }), 400);
    expect(e.issues?.some((i) => i.path.includes('afspraken') && /datum/.test(i.message))).toBe(true);
    fout(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { afspraken: [{ ...afspraak('x', '2030-01-01'), voorwaardeId: 'bestaat-niet' }] }, versie: p.versie }), 400);
    fout(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: {}, versie: p.versie, extra: true }), 400);
  });

  it('the printed plan: first names, regie, voorwaarden and afspraken; no melder, no notes, no surname or address', async () => {
    const hh = await actiefHuishouden();
    const p = await plan(hh);
    ok(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { ...p.inhoud, afspraken: [afspraak('a1', '2030-01-31')] }, versie: p.versie }));
    await t.db.query(`INSERT INTO notitie (region_id, household_id, organisation_id, auteur_id, klasse, tekst) VALUES ($1, $2, $3, $4, 'algemeen', 'NOTITIE-NIET-AFDRUKKEN')`, [
      REGIO,
      hh,
      fx.org.lt,
      fx.user['lokaal-team'].id,
    ]);
    const r = await send('lokaal-team', 'GET', `/api/v1/huishoudens/${hh}/plan/afdruk`);
    const a = ok<{ voornamen: string[]; regie: { naam: string }[]; afspraken: { wat: string }[] }>(r);
    expect(a.voornamen).toEqual(['Nieuwe']);
    expect(a.regie[0]!.naam).toBe(fx.user['lokaal-team'].naam);
    expect(a.afspraken).toHaveLength(1);
    expect(r.body).not.toMatch(/NOTITIE-NIET-AFDRUKKEN|Voordeurpersoon|buren/);
  });
});

describe(`phases (${testDbKind()})`, () => {
  const zetCriterium = async (dagen: number) => {
    const i = ok<{ versie: number; controleMaanden: number[] }>(await send('functioneel-beheerder', 'GET', '/api/v1/beheer/instellingen/plan'));
    ok(await send('functioneel-beheerder', 'PUT', '/api/v1/beheer/instellingen/plan', { dagenZonderGeweld: dagen, controleMaanden: i.controleMaanden, versie: i.versie }));
  };
  afterEach(() => zetCriterium(91));

  it('forward without the criterion needs a reason and a second professional; the proposer cannot approve it', async () => {
    const hh = await actiefHuishouden();
    const p = await plan(hh);
    const e = fout(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/plan/fase`, { naar: 'stabiele-veiligheid', versie: p.versie }), 400);
    expect(e.issues?.[0]?.path).toBe('body.reden');
    const v = ok<Plan>(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/plan/fase`, { naar: 'stabiele-veiligheid', reden: 'Vader woont elders en houdt zich aan de afspraken', versie: p.versie }));
    expect(v.fase).toBe('directe-veiligheid');
    expect(v.faseVoorstel).toMatchObject({ naar: 'stabiele-veiligheid' });
    fout(await send('lokaal-team', 'POST', `/api/v1/fasevoorstellen/${v.faseVoorstel!.id}/beoordeling`, { antwoord: 'goedkeuren' }), 403);
    // A second professional in scope: someone of the lokaal team's other team is not involved (404); Veilig Thuis is.
    fout(await send('lokaal-team-b', 'POST', `/api/v1/fasevoorstellen/${v.faseVoorstel!.id}/beoordeling`, { antwoord: 'goedkeuren' }), 404);
    const na = ok<Plan>(await send('vt-gedragswetenschapper', 'POST', `/api/v1/fasevoorstellen/${v.faseVoorstel!.id}/beoordeling`, { antwoord: 'goedkeuren' }));
    expect(na.fase).toBe('stabiele-veiligheid');
    expect(na.faseVoorstel).toBeNull();
    fout(await send('vt-gedragswetenschapper', 'POST', `/api/v1/fasevoorstellen/${v.faseVoorstel!.id}/beoordeling`, { antwoord: 'goedkeuren' }), 409);
    expect((await dossier(hh)).tijdlijn.some((x) => x.soort === 'fase' && /naar stabiele veiligheid/.test(x.tekst))).toBe(true);
  });

  it('with the criterion met the phase moves at once; a phase cannot be skipped; back is always allowed', async () => {
    await zetCriterium(0);
    const hh = await actiefHuishouden();
    let p = await plan(hh);
    expect(p.criterium.gehaald).toBe(true);
    fout(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/plan/fase`, { naar: 'duurzame-veiligheid', versie: p.versie }), 400);
    p = ok<Plan>(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/plan/fase`, { naar: 'stabiele-veiligheid', versie: p.versie }));
    expect(p.fase).toBe('stabiele-veiligheid');
    p = ok<Plan>(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/plan/fase`, { naar: 'directe-veiligheid', reden: 'Er was weer een incident', versie: p.versie }));
    expect(p.fase).toBe('directe-veiligheid');
  });

  it('an incident recorded in the plan resets the criterion', async () => {
    await zetCriterium(30);
    const hh = await actiefHuishouden();
    await t.db.query(`UPDATE veiligheidsplan SET gestart_op = now() - interval '60 days' WHERE household_id = $1`, [hh]);
    await t.db.query(`UPDATE contact SET ontvangen_op = now() - interval '61 days' WHERE household_id = $1`, [hh]);
    let p = await plan(hh);
    expect(p.criterium.gehaald).toBe(true);
    const gisteren = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    p = ok<Plan>(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { ...p.inhoud, incidenten: [{ id: 'i1', datum: gisteren, omschrijving: 'Duw in de gang' }] }, versie: p.versie }));
    expect(p.criterium.gehaald).toBe(false);
  });

  it('a new melding about the household sends the plan back to directe veiligheid and tells the regisseur at once', async () => {
    await zetCriterium(0);
    const hh = await actiefHuishouden();
    let p = await plan(hh);
    p = ok<Plan>(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/plan/fase`, { naar: 'stabiele-veiligheid', versie: p.versie }));
    expect(p.fase).toBe('stabiele-veiligheid');
    const ext = (await one<{ external_id: string }>(`SELECT external_id FROM household WHERE id = $1`, [hh])).external_id;
    const { importLines } = await import('../import/loader.js');
    const s = await importLines(
      t.db,
      [
        {
          externalId: `NIEUW-${hh}`,
          type: 'melding',
          ontvangenOp: new Date().toISOString(),
          kanaal: 'politie-import',
          gemeente: 'GM0200',
          melder: { type: 'politie' },
          huishouden: { externalId: ext },
          personen: [{ ref: 'a', rol: 'slachtoffer', voornamen: 'Nieuwe', achternaam: 'Terugvalpersoon' }],
        },
      ],
      { source: 'sec-test', registeredBy: fx.org.politie },
    );
    expect(s.stored, JSON.stringify(s.errors)).toBe(1);
    p = await plan(hh);
    expect(p.fase).toBe('directe-veiligheid');
    expect(p.versies[0]!.toelichting).toMatch(/Nieuwe melding/);
    const n = ok<{ items: { soort: string; link: string | null }[] }>(await send('lokaal-team', 'GET', '/api/v1/notificaties'));
    expect(n.items.some((i) => i.soort === 'melding-bekend-huishouden' && i.link === `/dossiers/${hh}`)).toBe(true);
    expect((await dossier(hh)).tijdlijn.find((x) => x.soort === 'fase')?.tekst).toMatch(/naar directe veiligheid: Nieuwe melding/);
  });
});

describe(`monitoring and watches (${testDbKind()})`, () => {
  it('a due check moment enters Veilig Thuis’ queue, is reported once, and is closed with its outcome; concerns tell the regisseur', async () => {
    const hh = await actiefHuishouden();
    await t.db.query(`UPDATE controlemoment SET gepland_op = current_date - 1 WHERE household_id = $1 AND maanden = 3`, [hh]);
    const c = (await one<{ id: string }>(`SELECT id FROM controlemoment WHERE household_id = $1 AND maanden = 3`, [hh])).id;
    const q = ok<{ controles: { id: string; huishoudenId: string; overgedragenAan: string | null }[] }>(await send('vt-medewerker', 'GET', '/api/v1/werkvoorraad?team=alle'));
    expect(q.controles.find((x) => x.id === c)).toMatchObject({ huishoudenId: hh, overgedragenAan: 'Lokaal team Apeldoorn (test)' });
    expect(await meldControlemomenten(t.db)).toBeGreaterThanOrEqual(1);
    expect(await meldControlemomenten(t.db)).toBe(0);
    fout(await send('lokaal-team', 'POST', `/api/v1/controlemomenten/${c}/afronden`, { uitkomst: 'veilig', toelichting: 'Gaat goed' }), 403);
    const e = fout(await send('vt-medewerker', 'POST', `/api/v1/controlemomenten/${c}/afronden`, { uitkomst: 'misschien', toelichting: 'Gaat goed' }), 400);
    expect(e.issues?.[0]?.path).toBe('body.uitkomst');
    ok(await send('vt-medewerker', 'POST', `/api/v1/controlemomenten/${c}/afronden`, { uitkomst: 'zorgen', toelichting: 'School ziet weer blauwe plekken' }));
    fout(await send('vt-medewerker', 'POST', `/api/v1/controlemomenten/${c}/afronden`, { uitkomst: 'veilig', toelichting: 'Nog eens' }), 409);
    const n = ok<{ items: { soort: string }[] }>(await send('lokaal-team', 'GET', '/api/v1/notificaties'));
    expect(n.items.some((i) => i.soort === 'controlemoment')).toBe(true);
    const q2 = ok<{ controles: { id: string }[] }>(await send('vt-medewerker', 'GET', '/api/v1/werkvoorraad?team=alle'));
    expect(q2.controles.some((x) => x.id === c)).toBe(false);
  });

  it('an open afspraak past its date is reported to the regisseur once per date; a new date is reported again', async () => {
    const hh = await actiefHuishouden();
    const p = await plan(hh);
    const gisteren = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const p2 = ok<Plan>(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { ...p.inhoud, afspraken: [afspraak('a1', gisteren), afspraak('a2', '2099-01-01')] }, versie: p.versie }));
    expect(p2.verlopenAfspraken).toEqual(['a1']);
    const voor = (await one<{ n: number }>(`SELECT count(*) AS n FROM notificatie WHERE user_id = $1 AND soort = 'afspraak-verlopen'`, [fx.user['lokaal-team'].id])).n;
    expect(await meldVerlopenAfspraken(t.db)).toBe(1);
    expect(await meldVerlopenAfspraken(t.db)).toBe(0);
    const eergisteren = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    ok(await send('lokaal-team', 'PUT', `/api/v1/huishoudens/${hh}/plan`, { inhoud: { ...p2.inhoud, afspraken: [afspraak('a1', eergisteren), afspraak('a2', '2099-01-01')] }, versie: p2.versie }));
    expect(await meldVerlopenAfspraken(t.db)).toBe(1);
    const na = (await one<{ n: number }>(`SELECT count(*) AS n FROM notificatie WHERE user_id = $1 AND soort = 'afspraak-verlopen'`, [fx.user['lokaal-team'].id])).n;
    expect(na - voor).toBe(2);
    await meldVerlopenTermijnen(t.db);
  });
});

describe(`regie (${testDbKind()})`, () => {
  it('passes only when the receiver accepts; until then the sender keeps it; a refusal needs a reason', async () => {
    const hh = await actiefHuishouden();
    const { id } = ok<{ id: string }>(
      await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort: 'casusregisseur', naarUserId: fx.user['vt-medewerker'].id, toelichting: 'Veilig Thuis neemt het over: onderzoek nodig' }),
      201,
    );
    expect((await dossier(hh)).regie[0]!.userId).toBe(fx.user['lokaal-team'].id);
    expect((await dossier(hh)).regieVoorstellen).toEqual([expect.objectContaining({ id, soort: 'casusregisseur' })]);
    // The receiver sees a summary, anyone else a 404.
    const v = ok<{ leden: { naam: string }[]; voorgesteldDoor: { naam: string } }>(await send('vt-medewerker', 'GET', `/api/v1/regie/voorstellen/${id}`));
    expect(v.voorgesteldDoor.naam).toBe(fx.user['lokaal-team'].naam);
    fout(await send('vt-gedragswetenschapper', 'GET', `/api/v1/regie/voorstellen/${id}`), 404);
    expect(ok<{ id: string }[]>(await send('vt-medewerker', 'GET', '/api/v1/regie/voorstellen')).map((x) => x.id)).toContain(id);
    fout(await send('vt-medewerker', 'POST', `/api/v1/regie/voorstellen/${id}/antwoord`, { antwoord: 'weigeren' }), 400);
    ok(await send('vt-medewerker', 'POST', `/api/v1/regie/voorstellen/${id}/antwoord`, { antwoord: 'accepteren' }));
    const d = await dossier(hh, 'vt-medewerker');
    expect(d.regie).toEqual([expect.objectContaining({ soort: 'casusregisseur', userId: fx.user['vt-medewerker'].id })]);
    expect(d.tijdlijn.some((x) => x.soort === 'regie' && /beëindigd/.test(x.tekst))).toBe(true);
    const n = ok<{ items: { soort: string }[] }>(await send('lokaal-team', 'GET', '/api/v1/notificaties'));
    expect(n.items.some((i) => i.soort === 'regie-beantwoord')).toBe(true);
  });

  it('refuses proposals to oneself, to the current holder, to someone who cannot hold regie, and a second open one', async () => {
    const hh = await actiefHuishouden();
    const voorstel = (naar: Wie, soort = 'casusregisseur') =>
      send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort, naarUserId: fx.user[naar].id, toelichting: 'Overdracht van regie in het overleg' });
    fout(await voorstel('lokaal-team'), 400);
    fout(await voorstel('politie'), 400);
    fout(await voorstel('beleidsmedewerker'), 400);
    fout(await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort: 'casusregisseur', naarUserId: 'geen-uuid', toelichting: 'Overdracht van regie' }), 400);
    ok(await voorstel('opvang'), 201);
    fout(await voorstel('csg'), 409);
    // A procesregisseur next to the casusregisseur, who ends it when it is no longer needed.
    const { id } = ok<{ id: string }>(await voorstel('zvh-coordinator', 'procesregisseur'), 201);
    ok(await send('zvh-coordinator', 'POST', `/api/v1/regie/voorstellen/${id}/antwoord`, { antwoord: 'accepteren' }));
    expect((await dossier(hh)).regie.map((r) => r.soort)).toEqual(['casusregisseur', 'procesregisseur']);
    ok(await send('zvh-coordinator', 'POST', `/api/v1/huishoudens/${hh}/procesregie/beeindigen`));
    expect((await dossier(hh)).regie.map((r) => r.soort)).toEqual(['casusregisseur']);
  });

  it('a holder of regie cannot be deactivated or lose the last role that can hold it, until a successor accepted', async () => {
    const hh = await actiefHuishouden({ regisseur: 'lokaal-team-b' });
    const u = fx.user['lokaal-team-b'];
    const versie = async () => (await one<{ versie: number }>(`SELECT versie FROM app_user WHERE id = $1`, [u.id])).versie;
    const e = fout(await send('functioneel-beheerder', 'PATCH', `/api/v1/beheer/gebruikers/${u.id}`, { actief: false, versie: await versie() }), 409);
    expect(e.message).toMatch(/regie/);
    fout(await send('functioneel-beheerder', 'PATCH', `/api/v1/beheer/gebruikers/${u.id}`, { rollen: ['politie'], versie: await versie() }), 409);
    expect((await one<{ actief: boolean }>(`SELECT actief FROM app_user WHERE id = $1`, [u.id])).actief).toBe(true);
    // After a successor accepted, deactivation works.
    const { id } = ok<{ id: string }>(
      await send('lokaal-team-b', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort: 'casusregisseur', naarUserId: fx.user['lokaal-team'].id, toelichting: 'Ik ga met verlof; Lotte neemt het over' }),
      201,
    );
    ok(await send('lokaal-team', 'POST', `/api/v1/regie/voorstellen/${id}/antwoord`, { antwoord: 'accepteren' }));
    const rest = await t.db.query<{ household_id: string }>(`SELECT household_id FROM household_regie WHERE user_id = $1 AND tot IS NULL`, [u.id]);
    for (const r of rest.rows) {
      // Regie over households made by earlier tests moves too.
      await t.db.transaction(async (tx) => {
        await tx.query(`UPDATE household_regie SET tot = now() WHERE household_id = $1 AND user_id = $2 AND tot IS NULL`, [r.household_id, u.id]);
        await tx.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds) VALUES ($1, $2, $3, 'casusregisseur', now())`, [r.household_id, REGIO, fx.user['lokaal-team'].id]);
      });
    }
    ok(await send('functioneel-beheerder', 'PATCH', `/api/v1/beheer/gebruikers/${u.id}`, { actief: false, versie: await versie() }));
    await t.db.query(`UPDATE app_user SET actief = true WHERE id = $1`, [u.id]);
    await fx.renew('lokaal-team-b');
  });

  it('the database refuses a household without casusregisseur and a holder who leaves, whatever the application does', async () => {
    const hh = await actiefHuishouden();
    const regie = (await one<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND tot IS NULL`, [hh])).user_id;
    await expect(t.db.query(`UPDATE household_regie SET tot = now() WHERE household_id = $1 AND tot IS NULL`, [hh])).rejects.toThrow(/casusregisseur/);
    await expect(t.db.query(`DELETE FROM household_regie WHERE household_id = $1`, [hh])).rejects.toThrow(/casusregisseur/);
    await expect(t.db.query(`UPDATE app_user SET actief = false WHERE id = $1`, [regie])).rejects.toThrow(/regie/);
    await expect(t.db.query(`UPDATE app_user SET organisation_id = $2 WHERE id = $1`, [regie, fx.org.opvang])).rejects.toThrow(/regie/);
    await expect(t.db.query(`DELETE FROM user_role WHERE user_id = $1`, [regie])).rejects.toThrow(/regie/);
    const leeg = (await one<{ id: string }>(`INSERT INTO household (region_id) VALUES ($1) RETURNING id`, [REGIO])).id;
    await expect(t.db.query(`UPDATE household SET actief_sinds = now() WHERE id = $1`, [leeg])).rejects.toThrow(/casusregisseur/);
    // A handover of regie in one transaction passes.
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE household_regie SET tot = now() WHERE household_id = $1 AND tot IS NULL`, [hh]);
      await tx.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds) VALUES ($1, $2, $3, 'casusregisseur', now())`, [hh, REGIO, fx.user['lokaal-team-b'].id]);
    });
    // Two casusregisseurs at once are refused too.
    await expect(
      t.db.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds) VALUES ($1, $2, $3, 'casusregisseur', now())`, [hh, REGIO, fx.user['lokaal-team'].id]),
    ).rejects.toThrow();
  });
});

describe(`regie under concurrent attempts (${testDbKind()})`, () => {
  it('the same proposal accepted twice at once (a double click): one acceptance, one 409', async () => {
    const hh = await actiefHuishouden();
    const { id } = ok<{ id: string }>(
      await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort: 'casusregisseur', naarUserId: fx.user.opvang.id, toelichting: 'De opvang neemt het over' }),
      201,
    );
    const r = await Promise.all([1, 2, 3].map(() => send('opvang', 'POST', `/api/v1/regie/voorstellen/${id}/antwoord`, { antwoord: 'accepteren' })));
    expect(r.map((x) => x.statusCode).sort()).toEqual([200, 409, 409]);
    expect((await t.db.query(`SELECT 1 FROM household_regie WHERE household_id = $1 AND soort = 'casusregisseur'`, [hh])).rows).toHaveLength(2); // old (ended) and new
  });

  it('accepting and withdrawing at once: exactly one wins, and regie is with exactly one person', async () => {
    for (let i = 0; i < 4; i++) {
      const hh = await actiefHuishouden();
      const { id } = ok<{ id: string }>(
        await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort: 'casusregisseur', naarUserId: fx.user.csg.id, toelichting: 'Het CSG neemt het over' }),
        201,
      );
      const [a, b] = await Promise.all([
        send('csg', 'POST', `/api/v1/regie/voorstellen/${id}/antwoord`, { antwoord: 'accepteren' }),
        send('lokaal-team', 'POST', `/api/v1/regie/voorstellen/${id}/intrekken`),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const status = (await one<{ status: string }>(`SELECT status FROM regie_voorstel WHERE id = $1`, [id])).status;
      const holder = (await one<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND soort = 'casusregisseur' AND tot IS NULL`, [hh])).user_id;
      expect(holder).toBe(status === 'geaccepteerd' ? fx.user.csg.id : fx.user['lokaal-team'].id);
    }
  });

  it('two proposals for the same household at once: one is made, the other is a 409', async () => {
    const hh = await actiefHuishouden();
    const r = await Promise.all(
      (['opvang', 'csg', 'zvh-coordinator'] as const).map((naar) =>
        send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort: 'casusregisseur', naarUserId: fx.user[naar].id, toelichting: 'Regie naar een ketenpartner' }),
      ),
    );
    expect(r.map((x) => x.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('deactivating the receiver while they accept: never an inactive regisseur', async () => {
    for (let i = 0; i < 4; i++) {
      const hh = await actiefHuishouden();
      const { id } = ok<{ id: string }>(
        await send('lokaal-team', 'POST', `/api/v1/huishoudens/${hh}/regie/voorstellen`, { soort: 'casusregisseur', naarUserId: fx.user['zvh-coordinator'].id, toelichting: 'Het ZVH neemt het over' }),
        201,
      );
      const u = fx.user['zvh-coordinator'];
      const versie = (await one<{ versie: number }>(`SELECT versie FROM app_user WHERE id = $1`, [u.id])).versie;
      const [accept, deactivate] = await Promise.all([
        send('zvh-coordinator', 'POST', `/api/v1/regie/voorstellen/${id}/antwoord`, { antwoord: 'accepteren' }),
        send('functioneel-beheerder', 'PATCH', `/api/v1/beheer/gebruikers/${u.id}`, { actief: false, versie }),
      ]);
      // Either order is fine; both succeeding is not (the invariant check after each test proves it).
      expect([accept.statusCode, deactivate.statusCode]).not.toEqual([200, 200]);
      await invariant();
      // Hand the regie back and reactivate, for the next round.
      await t.db.transaction(async (tx) => {
        await tx.query(`UPDATE household_regie SET tot = now() WHERE user_id = $1 AND tot IS NULL`, [u.id]);
        await tx.query(
          `INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds) SELECT h.id, $1, $2, 'casusregisseur', now() FROM household h
           WHERE h.actief_sinds IS NOT NULL AND NOT EXISTS (SELECT 1 FROM household_regie r WHERE r.household_id = h.id AND r.soort = 'casusregisseur' AND r.tot IS NULL) AND h.region_id = $1`,
          [REGIO, fx.user['lokaal-team'].id],
        );
      });
      await t.db.query(`UPDATE app_user SET actief = true WHERE id = $1`, [u.id]);
      await fx.renew('zvh-coordinator');
    }
  });

  it('the audit chain still verifies', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
