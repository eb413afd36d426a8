/**
 * Protected fields: the melder's identity, secret addresses, classified and private notes, and whole
 * dossiers out of scope never reach anyone without the right, in any response of any GET route
 * (nested objects and lists included), nor the logs. Those with the right do see them.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import * as pl from '../test-support/plan.js';
import * as vd from '../test-support/voordeur.js';
import {
  buildAppRecordingRoutes,
  createSecurityFixture,
  PASSWORD,
  REGIO,
  SECRETS,
  securityConfig,
  totpCode,
  WIE,
  type DiscoveredRoute,
  type SecurityFixture,
  type Wie,
} from '../test-support/security.js';

type Actor = Wie | 'anoniem';
const ACTORS: readonly Actor[] = [...WIE, 'anoniem'];
const VT: Actor[] = ['vt-medewerker', 'vt-gedragswetenschapper'];
const PRIVE_NOTITIE = 'PRIVE-NOTITIE: alleen binnen Veilig Thuis';
const SG_NOTITIE = 'SG-NOTITIE: details seksueel geweld, alleen CSG';

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;
let routes: DiscoveredRoute[];
const logLines: string[] = [];
/** Records of the front door to scan: every contact of the fixture, a handover, a draft. */
const extra = { contacten: [] as string[], overdracht: '', concept: '', regieVoorstellen: [] as string[] };

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  // A note private to Veilig Thuis on H_LT, and a sexual-violence note of the CSG on H_OPV.
  await t.db.query(`INSERT INTO notitie (region_id, household_id, organisation_id, auteur_id, klasse, prive_voor_organisatie, tekst) VALUES ($1, $2, $3, $4, 'algemeen', true, $5)`, [
    REGIO,
    fx.hh.lt,
    fx.org.vt,
    fx.user['vt-medewerker'].id,
    PRIVE_NOTITIE,
  ]);
  await t.db.query(`INSERT INTO notitie (region_id, household_id, organisation_id, auteur_id, klasse, tekst) VALUES ($1, $2, $3, $4, 'seksueel-geweld', $5)`, [
    REGIO,
    fx.hh.opv,
    fx.org.csg,
    fx.user.csg.id,
    SG_NOTITIE,
  ]);
  extra.contacten = (await t.db.query<{ id: string }>(`SELECT id FROM contact WHERE source = 'sec-test'`)).rows.map((r) => r.id);
  extra.overdracht = await vd.overdracht(fx, 'vt', 'vt');
  extra.concept = await vd.concept(fx, 'vt-medewerker');
  // Every household has its plan, a TOP-3 session with an entry, a waiting phase proposal and a check moment;
  // regie proposals go to people who may see the household's names already.
  for (const hh of ['vt', 'lt', 'opv', 'other'] as const) {
    await pl.actiefPlan(fx, hh);
    await pl.top3SessieMetInbreng(fx, hh);
    await pl.faseVoorstel(fx, hh, hh === 'other' ? 'vt-ijsselland' : 'lokaal-team-b');
    await pl.controlemoment(fx, hh);
  }
  extra.regieVoorstellen = [
    await pl.regieVoorstel(fx, 'lt', 'lokaal-team', 'vt-gedragswetenschapper'),
    await pl.regieVoorstel(fx, 'opv', 'opvang', 'csg'),
    await pl.regieVoorstel(fx, 'other', 'vt-ijsselland', 'vt-ijsselland'),
  ];
  const logStream = new Writable({ write: (chunk, _enc, cb) => (logLines.push(String(chunk)), cb()) });
  ({ app, routes } = await buildAppRecordingRoutes(() => buildApp({ config: securityConfig({ logLevel: 'debug' }), db: t.db, webDir: '/nonexistent', logStream })));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** Each protected value and who may see it. */
const markers = (): [string, string, readonly Actor[]][] => {
  const { melder, geheimAdresLt: lt, geheimAdresOpv: opv, andereRegio } = SECRETS;
  return [
    ['melder naam', melder.naam, VT],
    ['melder organisatie', melder.organisatie, VT],
    ['melder telefoon', melder.telefoon, VT],
    ['melder e-mail', melder.email, VT],
    ['geheim adres H_LT straat', lt.straat, VT],
    ['geheim adres H_LT postcode', lt.postcode, VT],
    ['geheim adres H_LT postcode (invoer)', lt.postcodeInvoer, []],
    ['geheim adres H_OPV straat', opv.straat, ['opvang']],
    ['geheim adres H_OPV postcode', opv.postcode, ['opvang']],
    ['geheim adres H_OPV postcode (invoer)', opv.postcodeInvoer, []],
    ['medische notitie', SECRETS.notitieMedisch, VT],
    ['algemene notitie', SECRETS.notitieAlgemeen, [...VT, 'lokaal-team']],
    ['privé-notitie', PRIVE_NOTITIE, VT],
    ['notitie seksueel geweld', SG_NOTITIE, ['csg']],
    // Whole dossiers: names only in scope (and to the privacy officer's person search), the BSN only in scope.
    ['achternaam H_LT', 'Ltdossierman', [...VT, 'lokaal-team', 'privacy-officer']],
    ['BSN H_LT', '111222333', [...VT, 'lokaal-team']],
    ['achternaam H_VT', 'Vtdossierman', [...VT, 'privacy-officer']],
    ['achternaam H_OPV', 'Opvangdossierman', ['opvang', 'csg', 'zvh-coordinator', 'privacy-officer']],
    ...Object.entries(andereRegio).map(([k, v]): [string, string, readonly Actor[]] => [`andere regio ${k}`, v, ['vt-ijsselland']]),
  ];
};

/** Every GET request worth making: all routes, with every record id of the fixture. */
function getRequests(): string[] {
  const hh = Object.values(fx.hh);
  const persons = Object.values(fx.persons).flat();
  const users = WIE.map((w) => fx.user[w].id);
  return [
    '/healthz',
    '/readyz',
    '/api/openapi.json',
    '/api/docs',
    '/api/v1/installatie',
    '/api/v1/regios',
    '/api/v1/referentie/geweldsvormen',
    '/api/v1/referentie/organisatietypen',
    '/api/v1/auth/oidc/start',
    '/api/v1/auth/oidc/callback?code=x&state=y',
    '/api/v1/auth/sessie',
    '/api/v1/huishoudens?perPagina=100',
    ...hh.map((id) => `/api/v1/huishoudens/${id}`),
    '/api/v1/beheer/organisaties',
    '/api/v1/beheer/gebruikers',
    ...['Ltdossierman', 'Vtdossierman', 'Opvangdossierman', SECRETS.andereRegio.achternaam, '111222333', SECRETS.andereRegio.bsn].map((z) => `/api/v1/privacy/personen?zoek=${z}`),
    ...persons.map((id) => `/api/v1/privacy/audit/persoon/${id}`),
    ...users.map((id) => `/api/v1/privacy/audit/gebruiker/${id}`),
    '/api/v1/privacy/break-glass?status=alle',
    '/api/v1/privacy/audit/verificatie',
    '/api/v1/werkvoorraad?team=alle',
    ...extra.contacten.map((id) => `/api/v1/contacten/${id}`),
    '/api/v1/intake/concepten',
    `/api/v1/intake/concepten/${extra.concept}`,
    '/api/v1/ketenpartners',
    '/api/v1/overdrachten?status=alle',
    `/api/v1/overdrachten/${extra.overdracht}`,
    '/api/v1/notificaties',
    '/api/v1/notificaties/aantal',
    '/api/v1/beheer/instellingen/termijnen',
    ...hh.flatMap((id) => [
      `/api/v1/huishoudens/${id}/plan`,
      `/api/v1/huishoudens/${id}/plan/versies/1`,
      `/api/v1/huishoudens/${id}/plan/afdruk`,
      `/api/v1/huishoudens/${id}/regie/kandidaten`,
      `/api/v1/huishoudens/${id}/top3`,
      `/api/v1/huishoudens/${id}/top3/trends`,
    ]),
    '/api/v1/regie/voorstellen',
    ...extra.regieVoorstellen.map((id) => `/api/v1/regie/voorstellen/${id}`),
    '/api/v1/beheer/instellingen/plan',
    // The figures: aggregates only, never a name (also not in a download).
    '/api/v1/cijfers?periode=2024',
    '/api/v1/cijfers?periode=2024&regio=nl',
    '/api/v1/cijfers/export?periode=2024&formaat=csv',
    '/api/v1/cijfers/export?periode=2024&formaat=cbs',
    '/api/v1/beheer/instellingen/cijfers',
  ];
}

const headersOf = (a: Actor) => (a === 'anoniem' ? {} : fx.as(a));

describe(`protected fields in responses (${testDbKind()})`, () => {
  it('the scan covers every GET route of the app', () => {
    const requested = getRequests().map((u) => u.split('?')[0]!);
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const pattern = new RegExp(`^${r.url.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
      expect(requested.some((u) => pattern.test(u)), `GET ${r.url} is not scanned`).toBe(true);
    }
  });

  it('some activity first, so the audit trails and queues hold something to leak', async () => {
    for (const who of ['vt-medewerker', 'lokaal-team', 'opvang', 'csg'] as const) {
      for (const id of Object.values(fx.hh)) await app.inject({ method: 'GET', url: `/api/v1/huishoudens/${id}`, headers: fx.as(who) });
    }
    const r = await app.inject({
      method: 'POST',
      url: `/api/v1/huishoudens/${fx.hh.opv}/break-glass`,
      headers: fx.as('zvh-coordinator'),
      payload: { reden: 'Crisis: zorgcoördinatie nodig (scan)' },
    });
    expect(r.statusCode).toBe(201); // zvh is involved with H_OPV already: this changes nobody's scope
  });

  for (const actor of ACTORS) {
    it(`${actor}: no protected value without the right, in any GET response`, async () => {
      const leaks: string[] = [];
      for (const url of getRequests()) {
        const res = await app.inject({ method: 'GET', url, headers: headersOf(actor) });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        for (const [name, value, allowed] of markers()) {
          if (!allowed.includes(actor) && res.body.includes(value)) leaks.push(`${name} in GET ${url}`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }
});

interface Lid {
  id: string;
  adres: { straat: string; postcode: string } | null;
  adresAfgeschermd: boolean;
}
interface Dossier {
  leden: Lid[];
  contacten: { melder: { type: string; identiteit: Record<string, string | null> | null } }[];
  notities: { klasse: string; tekst: string; prive: boolean }[];
}
const read = async (who: Wie, hh: keyof SecurityFixture['hh']) => {
  const r = await app.inject({ method: 'GET', url: `/api/v1/huishoudens/${fx.hh[hh]}`, headers: fx.as(who) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Dossier;
};

describe(`those with the right see the protected fields (${testDbKind()})`, () => {
  it('Veilig Thuis in scope sees the melder identity; the lokaal team sees the melding without it', async () => {
    for (const who of ['vt-medewerker', 'vt-gedragswetenschapper'] as const) {
      const d = await read(who, 'lt');
      expect(d.contacten[0]!.melder.identiteit).toEqual(SECRETS.melder);
    }
    const lt = await read('lokaal-team', 'lt');
    expect(lt.contacten).toHaveLength(1);
    expect(lt.contacten[0]!.melder).toMatchObject({ type: 'beroepskracht', identiteit: null });
  });

  it('Veilig Thuis of another region sees the melder of its own household', async () => {
    const d = await read('vt-ijsselland', 'other');
    expect(d.contacten[0]!.melder.identiteit).toMatchObject({ naam: SECRETS.andereRegio.melderNaam, email: SECRETS.andereRegio.melderEmail });
  });

  it('the holding organisation sees the secret address; others in scope get adresAfgeschermd', async () => {
    const { geheimAdresLt, geheimAdresOpv } = SECRETS;
    for (const who of ['vt-medewerker', 'vt-gedragswetenschapper'] as const) {
      const lid = (await read(who, 'lt')).leden.find((l) => l.id === fx.geheimPersoon.lt)!;
      expect(lid).toMatchObject({ adres: { straat: geheimAdresLt.straat, postcode: geheimAdresLt.postcode }, adresAfgeschermd: false });
    }
    const ltLeden = (await read('lokaal-team', 'lt')).leden;
    expect(ltLeden.find((l) => l.id === fx.geheimPersoon.lt)).toMatchObject({ adres: null, adresAfgeschermd: true });
    expect(ltLeden.filter((l) => l.id !== fx.geheimPersoon.lt).every((l) => !l.adresAfgeschermd)).toBe(true);

    expect((await read('opvang', 'opv')).leden.find((l) => l.id === fx.geheimPersoon.opv)).toMatchObject({
      adres: { straat: geheimAdresOpv.straat, postcode: geheimAdresOpv.postcode },
      adresAfgeschermd: false,
    });
    for (const who of ['csg', 'zvh-coordinator'] as const) {
      expect((await read(who, 'opv')).leden.find((l) => l.id === fx.geheimPersoon.opv)).toMatchObject({ adres: null, adresAfgeschermd: true });
    }
  });

  it('an ordinary address is visible to everyone in scope', async () => {
    const vera = (await read('vt-medewerker', 'vt')).leden.find((l) => l.adres !== null);
    expect(vera).toMatchObject({ adres: { straat: 'Proefstraat', postcode: '7311AB' }, adresAfgeschermd: false });
  });

  it("note classes: the lokaal team sees 'algemeen' but not 'medisch' nor Veilig Thuis' private note; Veilig Thuis sees all", async () => {
    const lt = (await read('lokaal-team', 'lt')).notities;
    expect(lt.map((n) => [n.klasse, n.tekst])).toEqual([['algemeen', SECRETS.notitieAlgemeen]]);
    const vt = (await read('vt-medewerker', 'lt')).notities;
    expect(vt.map((n) => n.tekst).sort()).toEqual([SECRETS.notitieAlgemeen, SECRETS.notitieMedisch, PRIVE_NOTITIE].sort());
    expect(vt.find((n) => n.tekst === PRIVE_NOTITIE)?.prive).toBe(true);
  });

  it('a note written through the API: a private one stays in the organisation; a class the role may not read cannot be written', async () => {
    const post = (who: Wie, body: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/v1/huishoudens/${fx.hh.lt}/notities`, headers: fx.as(who), payload: body });
    const tekst = `PRIVE-LT-NOTITIE ${Date.now()}`;
    const ok = await post('lokaal-team', { tekst, prive: true });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await read('lokaal-team', 'lt')).notities.find((n) => n.tekst === tekst)).toMatchObject({ klasse: 'algemeen', prive: true });
    expect((await read('vt-medewerker', 'lt')).notities.some((n) => n.tekst === tekst)).toBe(false);
    // The lokaal team may not read medical notes, so it cannot write one either (as if the dossier were not there).
    const medisch = await post('lokaal-team', { klasse: 'medisch', tekst: 'Diagnose die het lokaal team niet mag vastleggen' });
    expect(medisch.statusCode).toBe(404);
    const slecht = await post('lokaal-team', { klasse: 'geheim', tekst: '' });
    expect(slecht.statusCode).toBe(400);
    expect(slecht.body).toMatch(/klasse/);
    await fx.db.query(`DELETE FROM notitie WHERE tekst = $1`, [tekst]);
  });

  it("note classes: 'seksueel-geweld' for the CSG, not for the opvang or the ZVH on the same household", async () => {
    expect((await read('csg', 'opv')).notities.map((n) => n.klasse)).toEqual(['seksueel-geweld']);
    expect((await read('opvang', 'opv')).notities).toEqual([]);
    expect((await read('zvh-coordinator', 'opv')).notities).toEqual([]);
  });
});

describe(`the printed plan (${testDbKind()})`, () => {
  it('holds no melder identity, no note and no address, also for Veilig Thuis who may see them in the dossier', async () => {
    const { melder, geheimAdresLt } = SECRETS;
    for (const who of ['vt-medewerker', 'lokaal-team'] as const) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/huishoudens/${fx.hh.lt}/plan/afdruk`, headers: fx.as(who) });
      expect(r.statusCode, r.body).toBe(200);
      for (const v of [...Object.values(melder), geheimAdresLt.straat, geheimAdresLt.postcode, SECRETS.notitieAlgemeen, SECRETS.notitieMedisch, PRIVE_NOTITIE, '111222333']) {
        expect(r.body).not.toContain(v);
      }
      expect((r.json() as { voorwaarden: { tekst: string }[] }).voorwaarden.map((v) => v.tekst)).toEqual([pl.VOORWAARDE]);
    }
  });
});

describe(`logs (${testDbKind()})`, () => {
  it('at debug level hold no protected value, name, id, token, password or e-mail address', async () => {
    // A login (password, e-mail, TOTP code), a failed login and a request that fails inside, on top of all of the above.
    const u = fx.user['vt-gedragswetenschapper'];
    const first = await app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: u.email, wachtwoord: PASSWORD } });
    const cookie = String([first.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const code = totpCode(u.totpSecret);
    await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie }, payload: { code } });
    await app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'melder-zoekt@sec-test.samenveilig.example', wachtwoord: 'Geheim-Fout-Wachtwoord' } });
    await app.inject({ method: 'GET', url: `/api/v1/privacy/personen?zoek=${SECRETS.andereRegio.bsn}`, headers: fx.as('privacy-officer') });
    await app.inject({ method: 'POST', url: '/api/v1/beheer/organisaties', headers: fx.as('functioneel-beheerder'), payload: { naam: `Org ${SECRETS.melder.naam}\u0000`, type: 'overig' } });

    const text = logLines.join('');
    expect(logLines.length).toBeGreaterThan(100);
    expect(text).toContain('"route":"/api/v1/huishoudens/:id"');
    const never = [
      ...markers().map(([, v]) => v),
      ...Object.values(fx.hh),
      ...Object.values(fx.persons).flat(),
      ...WIE.flatMap((w) => [fx.user[w].email, fx.user[w].token, fx.user[w].csrf, fx.user[w].totpSecret]),
      cookie.split('=')[1]!,
      PASSWORD,
      'Geheim-Fout-Wachtwoord',
      'melder-zoekt@',
      `"${code}"`, // quoted: six digits alone may occur inside a timestamp
      'Verzonnenveld',
    ];
    const found = never.filter((v) => text.includes(v));
    expect(found).toEqual([]);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
