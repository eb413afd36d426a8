/**
 * Withdrawing an erroneous registration over HTTP (POST /api/v1/contacten/:id/intrekken), on a real
 * database: the contact is kept with who, when and why, its assessment stops (it leaves the queue, a
 * waiting proposal is withdrawn), the action is audited; a second withdrawal is a 409, a contact out of
 * scope a 404 (audited), a missing or short reason a 400 in Dutch, and a handover waiting for its
 * receiver blocks it (409). Which roles may call it is in the access matrix.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { fout, ok } from '../test-support/http.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { createSecurityFixture, securityConfig, type SecurityFixture, type Wie } from '../test-support/security.js';
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

const send = (who: Wie, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: fx.as(who), ...(payload !== undefined ? { payload: payload as object } : {}) });
const intrekken = (who: Wie, id: string, payload: unknown = { reden: 'Dubbel geregistreerd: dezelfde melding kwam twee keer binnen.' }) =>
  send(who, 'POST', `/api/v1/contacten/${id}/intrekken`, payload);
const audits = async (actie: string, recordId: string | null) =>
  (
    await t.db.query<{ actor_id: string; uitkomst: string; personen: string[]; doel: string | null; record_id: string | null }>(
      `SELECT actor_id, uitkomst, personen, doel, record_id FROM audit_log WHERE actie = $1 AND record_id IS NOT DISTINCT FROM $2 ORDER BY seq`,
      [actie, recordId],
    )
  ).rows;
const contactRow = async (id: string) =>
  (
    await t.db.query<{ status: string; ingetrokken_op: Date | null; ingetrokken_door: string | null; intrekking_reden: string | null; versie: number }>(
      `SELECT status, ingetrokken_op, ingetrokken_door, intrekking_reden, versie FROM contact WHERE id = $1`,
      [id],
    )
  ).rows[0]!;
const werkvoorraadIds = async (who: Wie) =>
  ok<{ items: { contactId: string }[] }>(await send(who, 'GET', '/api/v1/werkvoorraad?team=alle&limit=1000')).items.map((i) => i.contactId);

describe(`withdrawing an erroneous registration (${testDbKind()})`, () => {
  let contactId: string;
  let beoordelingId: string;
  let besluitId: string;

  it('withdraws a melding in scope: status, who, when and why recorded; its assessment and waiting proposal stop; it leaves the queue', async () => {
    ({ beoordelingId, besluitId } = await vd.voorstel(fx, 'vt', 'vt-gedragswetenschapper'));
    contactId = (await t.db.query<{ contact_id: string }>(`SELECT contact_id FROM beoordeling WHERE id = $1`, [beoordelingId])).rows[0]!.contact_id;
    expect(await werkvoorraadIds('vt-medewerker')).toContain(contactId);
    const before = await contactRow(contactId);

    const r = ok<{ id: string; status: string; ingetrokkenOp: string }>(await intrekken('vt-medewerker', contactId));
    expect(r).toMatchObject({ id: contactId, status: 'ingetrokken' });
    expect(Math.abs(new Date(r.ingetrokkenOp).getTime() - Date.now())).toBeLessThan(60_000);

    const c = await contactRow(contactId);
    expect(c).toMatchObject({ status: 'ingetrokken', ingetrokken_door: fx.user['vt-medewerker'].id, intrekking_reden: 'Dubbel geregistreerd: dezelfde melding kwam twee keer binnen.', versie: before.versie + 1 });
    expect(new Date(c.ingetrokken_op!).toISOString()).toBe(r.ingetrokkenOp);
    const b = (await t.db.query<{ status: string; deadline: Date | null; afgerond_op: Date | null }>(`SELECT status, deadline, afgerond_op FROM beoordeling WHERE id = $1`, [beoordelingId])).rows[0]!;
    expect(b.status).toBe('afgerond');
    expect(b.deadline).toBeNull();
    expect(b.afgerond_op).not.toBeNull();
    expect((await t.db.query<{ status: string }>(`SELECT status FROM besluit WHERE id = $1`, [besluitId])).rows[0]!.status).toBe('ingetrokken');
    expect(await werkvoorraadIds('vt-medewerker')).not.toContain(contactId);

    // The melding page shows it, with the event in its history (who, when, why).
    const view = ok<{ status: string; gebeurtenissen: { soort: string; door: string | null; toelichting: string | null }[] }>(await send('vt-gedragswetenschapper', 'GET', `/api/v1/contacten/${contactId}`));
    expect(view.status).toBe('ingetrokken');
    expect(view.gebeurtenissen).toContainEqual(expect.objectContaining({ soort: 'ingetrokken', door: fx.user['vt-medewerker'].naam, toelichting: 'Dubbel geregistreerd: dezelfde melding kwam twee keer binnen.' }));

    // Audited with the persons of the contact.
    const personen = (await t.db.query<{ person_id: string }>(`SELECT person_id FROM contact_person WHERE contact_id = $1`, [contactId])).rows.map((p) => p.person_id);
    const a = await audits('contact.intrekken', contactId);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ actor_id: fx.user['vt-medewerker'].id, uitkomst: 'ok (beoordeling voorgesteld gestopt, voorstel ingetrokken)' });
    expect([...a[0]!.personen].sort()).toEqual([...personen].sort());
  });

  it('a second withdrawal is a 409 and changes nothing', async () => {
    const before = await contactRow(contactId);
    const e = fout(await intrekken('vt-gedragswetenschapper', contactId, { reden: 'Nog een keer intrekken, per ongeluk.' }), 409);
    expect(e.message).toBe('Deze registratie is al ingetrokken.');
    expect(await contactRow(contactId)).toEqual(before);
    expect((await t.db.query(`SELECT 1 FROM contact_gebeurtenis WHERE contact_id = $1 AND soort = 'ingetrokken'`, [contactId])).rows).toHaveLength(1);
    expect(await audits('contact.intrekken', contactId)).toHaveLength(1);
  });

  it('a contact out of scope, unknown or with a malformed id is a 404, like one that does not exist, and the refusal is audited', async () => {
    const { contactId: opv } = await vd.nieuwContact(fx, 'opv');
    const e = fout(await intrekken('vt-medewerker', opv), 404);
    expect(e.message).toBe('Contact niet gevonden.');
    expect((await contactRow(opv)).status).toBe('actief');
    expect(await audits('contact.intrekken', opv)).toEqual([expect.objectContaining({ actor_id: fx.user['vt-medewerker'].id, uitkomst: 'niet-gevonden' })]);
    // Another region: the same answer.
    const { contactId: other } = await vd.nieuwContact(fx, 'other');
    fout(await intrekken('vt-medewerker', other), 404);
    expect((await contactRow(other)).status).toBe('actief');
    fout(await intrekken('vt-medewerker', '6f1c1c3e-0000-4000-8000-000000000000'), 404);
    fout(await intrekken('vt-medewerker', 'geen-id'), 404);
    expect(await audits('contact.intrekken', null)).toEqual([expect.objectContaining({ uitkomst: 'niet-gevonden' })]);
  });

  it('a missing, short or extra field is a 400 with a Dutch message naming the field, and nothing changes', async () => {
    const { contactId: id } = await vd.nieuwContact(fx, 'vt');
    const kort = fout(await intrekken('vt-medewerker', id, { reden: 'te kort' }), 400);
    expect(kort.issues).toEqual([{ path: 'body.reden', message: 'geef de reden van de intrekking (ten minste 10 tekens)' }]);
    // Spaces do not count towards the reason.
    expect(fout(await intrekken('vt-medewerker', id, { reden: '   kort       ' }), 400).issues?.[0]?.path).toBe('body.reden');
    expect(fout(await intrekken('vt-medewerker', id, {}), 400).issues).toEqual([{ path: 'body.reden', message: 'geef de reden van de intrekking' }]);
    expect(fout(await intrekken('vt-medewerker', id, { reden: 'Dubbel geregistreerd (test).', versie: 1 }), 400).message).toMatch(/^Ongeldige invoer/);
    expect(fout(await intrekken('vt-medewerker', id, { reden: 'x'.repeat(4001) }), 400).issues?.[0]?.message).toBe('maximaal 4000 tekens');
    expect((await contactRow(id)).status).toBe('actief');
    expect(await audits('contact.intrekken', id)).toEqual([]);
  });

  it('an anonymous advies (no household) is withdrawn too; it had no assessment to stop', async () => {
    const { contactId: id, beoordelingId: geen } = await vd.nieuwContact(fx, 'vt', 'advies');
    expect(geen).toBeNull();
    await t.db.query(`UPDATE contact SET household_id = NULL WHERE id = $1`, [id]);
    ok(await intrekken('vt-gedragswetenschapper', id, { reden: 'Testgesprek van de nieuwe collega, geen echt advies.' }));
    expect(await contactRow(id)).toMatchObject({ status: 'ingetrokken', ingetrokken_door: fx.user['vt-gedragswetenschapper'].id });
    expect(await audits('contact.intrekken', id)).toEqual([expect.objectContaining({ uitkomst: 'ok' })]);
  });

  it('a running onderzoek stops; a handover waiting for its receiver blocks the withdrawal (409) until it is answered', async () => {
    const onderzoek = await vd.klaarVoorBesluit(fx, 'vt');
    await t.db.query(`UPDATE beoordeling SET status = 'onderzoek', beoordeeld_op = now(), besluit_soort = 'vt-onderzoek', onderzoek_gestart_op = now() WHERE id = $1`, [onderzoek]);
    const oc = (await t.db.query<{ contact_id: string }>(`SELECT contact_id FROM beoordeling WHERE id = $1`, [onderzoek])).rows[0]!.contact_id;
    ok(await intrekken('vt-medewerker', oc));
    expect((await t.db.query<{ status: string; deadline: Date | null }>(`SELECT status, deadline FROM beoordeling WHERE id = $1`, [onderzoek])).rows[0]).toEqual({ status: 'afgerond', deadline: null });

    const overdrachtId = await vd.overdracht(fx, 'vt', 'lt');
    const hc = (await t.db.query<{ contact_id: string }>(`SELECT b.contact_id FROM overdracht o JOIN beoordeling b ON b.id = o.beoordeling_id WHERE o.id = $1`, [overdrachtId])).rows[0]!.contact_id;
    const e = fout(await intrekken('vt-medewerker', hc), 409);
    expect(e.message).toMatch(/wacht een overdracht op het antwoord van de ontvanger/);
    expect((await contactRow(hc)).status).toBe('actief');
    expect((await t.db.query<{ status: string }>(`SELECT status FROM beoordeling WHERE contact_id = $1`, [hc])).rows[0]!.status).toBe('overdracht');
  });
});
