import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { advies, melding } from '../test-support/fixtures.js';
import { importLines } from './loader.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.drop());

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0]!.n;
const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
const totals = async () => ({
  contact: await count('contact'),
  person: await count('person'),
  household: await count('household'),
  contact_person: await count('contact_person'),
  melder: await count('melder_identiteit'),
});

describe(`JSON Lines import (${testDbKind()})`, () => {
  it('stores a melding with its household, persons, roles, relations, forms and melder identity apart', async () => {
    const line = melding({ externalId: 'M-STORE-1' });
    const s = await importLines(t.db, jsonl(line), { source: 'politie' });
    expect(s).toMatchObject({ read: 1, stored: 1, skipped: 0, rejected: 0 });
    const c = await t.db.query<Record<string, unknown>>(`SELECT * FROM contact WHERE external_id = 'M-STORE-1'`);
    const row = c.rows[0]!;
    expect(row).toMatchObject({ type: 'melding', region_id: 'noord-veluwe-mijov', gemeente_code: 'GM0200', melder_type: 'politie', status: 'actief' });
    expect(row).not.toHaveProperty('melder_naam');
    const melder = await t.db.query<{ naam: string }>(`SELECT naam FROM melder_identiteit WHERE contact_id = $1`, [row.id]);
    expect(melder.rows[0]!.naam).toBe('Agent Testbeeld');
    const persons = await t.db.query<{ achternaam: string; tussenvoegsel: string | null; postcode: string | null; rol: string }>(
      `SELECT p.achternaam, p.tussenvoegsel, p.postcode, cp.rol FROM contact_person cp JOIN person p ON p.id = cp.person_id
       WHERE cp.contact_id = $1 ORDER BY cp.rol`,
      [row.id],
    );
    expect(persons.rows.map((p) => p.rol)).toEqual(['kind', 'pleger', 'slachtoffer']);
    expect(persons.rows.find((p) => p.rol === 'slachtoffer')).toMatchObject({ tussenvoegsel: 'van der', postcode: '7311AB' });
    expect(await count('household_member', 'household_id = $1', [row.household_id])).toBe(3);
    expect(await count('person_relation', `region_id = 'noord-veluwe-mijov' AND type IN ('partner', 'ouder')`)).toBeGreaterThanOrEqual(2);
    expect(await count('contact_geweldsvorm', 'contact_id = $1', [row.id])).toBe(2);
  });

  it('is idempotent: importing the same lines again stores nothing new', async () => {
    const lines = jsonl(melding({ externalId: 'M-IDEM-1' }), advies({ externalId: 'A-IDEM-1' }));
    await importLines(t.db, lines, { source: 'politie' });
    const before = await totals();
    const again = await importLines(t.db, lines, { source: 'politie' });
    expect(again).toMatchObject({ read: 2, stored: 0, skipped: 2, rejected: 0 });
    expect(await totals()).toEqual(before);
  });

  it('treats the same external id from another sender as another contact', async () => {
    const line = melding({ externalId: 'M-SHARED-ID' });
    await importLines(t.db, jsonl(line), { source: 'politie' });
    const s = await importLines(t.db, jsonl(line), { source: 'huisarts-import' });
    expect(s.stored).toBe(1);
    expect(await count('contact', `external_id = 'M-SHARED-ID'`)).toBe(2);
  });

  it("joins contacts on the sender's household and person ids", async () => {
    const first = melding({ externalId: 'M-JOIN-1', huishouden: { externalId: 'HH-JOIN' } });
    const second = melding({
      externalId: 'M-JOIN-2',
      ontvangenOp: '2024-09-01T08:00:00+02:00',
      huishouden: { externalId: 'HH-JOIN' },
      personen: first.personen,
    });
    await importLines(t.db, jsonl(first, second), { source: 'politie' });
    const hh = await t.db.query<{ household_id: string }>(`SELECT DISTINCT household_id FROM contact WHERE external_id IN ('M-JOIN-1', 'M-JOIN-2')`);
    expect(hh.rows).toHaveLength(1);
    // persons a and b carry external ids and are one registration each; c has none and is registered twice
    expect(await count('household_member', 'household_id = $1', [hh.rows[0]!.household_id])).toBe(4);
  });

  it('rejects bad lines naming line and field, stores the good ones, and nothing of a bad one', async () => {
    const before = await totals();
    const good = melding({ externalId: 'M-GOOD-1' });
    const badBsn = melding({ externalId: 'M-BAD-BSN' });
    badBsn.personen[0]!.bsn = '123456789';
    const badDate = melding({ externalId: 'M-BAD-DATE' });
    badDate.personen[1]!.geboortedatum = '1990-02-30';
    const future = melding({ externalId: 'M-BAD-FUTURE' });
    future.personen[2]!.geboortedatum = '2030-01-01';
    const badPostcode = melding({ externalId: 'M-BAD-PC' });
    badPostcode.personen[0]!.adres!.postcode = '0123 AB';
    const badGemeente = melding({ externalId: 'M-BAD-GM', gemeente: 'Atlantis' });
    const lines = jsonl(good, '{"type": "melding",', badBsn, badDate, future, badPostcode, badGemeente, '', advies({ externalId: 'A-GOOD-1' }));
    const s = await importLines(t.db, lines, { source: 'politie' });
    expect(s).toMatchObject({ read: 8, stored: 2, rejected: 6 });
    const byLine = Object.fromEntries(s.errors.map((e) => [e.line, e]));
    expect(byLine[2]).toMatchObject({ path: '', message: 'geen geldige JSON' });
    expect(byLine[3]).toMatchObject({ path: 'personen.0.bsn', message: expect.stringContaining('11-proef') });
    expect(byLine[4]).toMatchObject({ path: 'personen.1.geboortedatum' });
    expect(byLine[5]).toMatchObject({ path: 'personen.2.geboortedatum', message: expect.stringContaining('na de ontvangstdatum') });
    expect(byLine[6]).toMatchObject({ path: 'personen.0.adres.postcode' });
    expect(byLine[7]).toMatchObject({ path: 'gemeente', message: expect.stringContaining('onbekende gemeente') });
    const after = await totals();
    expect(after.contact - before.contact).toBe(2);
    expect(after.person - before.person).toBe(3); // only the good melding's persons
    expect(await count('contact', `external_id LIKE 'M-BAD-%'`)).toBe(0);
  });

  it('rejects a duplicate external id within one import', async () => {
    const s = await importLines(t.db, jsonl(advies({ externalId: 'A-DUP' }), advies({ externalId: 'A-DUP' })), { source: 'politie' });
    expect(s).toMatchObject({ stored: 1, rejected: 1 });
    expect(s.errors[0]).toMatchObject({ line: 2, path: 'externalId' });
  });

  it('refuses lines outside the region it was told to import into', async () => {
    const s = await importLines(t.db, jsonl(advies({ externalId: 'A-OUT', gemeente: 'GM0200' })), { source: 'x', regionId: 'ijsselland' });
    expect(s.rejected).toBe(1);
    expect(s.errors[0]!.path).toBe('gemeente');
  });

  it('stores a line whole or not at all when the database refuses part of it', async () => {
    // The database refuses one line after its household and persons were written (a test trigger on contact);
    // the batch falls back to line by line, and only that line is lost, entirely.
    const before = await totals();
    const ok1 = melding({ externalId: 'M-TX-OK-1' });
    const broken = melding({ externalId: 'M-TX-BROKEN' });
    const ok2 = melding({ externalId: 'M-TX-OK-2' });
    await t.db.exec(`
      CREATE FUNCTION refuse_broken() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.external_id = 'M-TX-BROKEN' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_broken BEFORE INSERT ON contact FOR EACH ROW EXECUTE FUNCTION refuse_broken();`);
    try {
      const s = await importLines(t.db, jsonl(ok1, broken, ok2), { source: 'politie' });
      expect(s).toMatchObject({ stored: 2, rejected: 1 });
      expect(s.errors[0]).toMatchObject({ line: 2 });
      expect(s.errors[0]!.message).not.toContain('refused for the test');
    } finally {
      await t.db.exec(`DROP TRIGGER refuse_broken ON contact; DROP FUNCTION refuse_broken();`);
    }
    const after = await totals();
    expect(after.contact - before.contact).toBe(2);
    expect(after.person - before.person).toBe(6);
    expect(after.household - before.household).toBe(2);
  });

  it('keeps the moment: 31 December 23:30 Amsterdam time belongs to that year', async () => {
    await importLines(t.db, jsonl(advies({ externalId: 'A-NYE', ontvangenOp: '2024-12-31T23:30' })), { source: 'politie' });
    const r = await t.db.query<{ utc: string; year: number }>(
      `SELECT to_char(ontvangen_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS utc,
              extract(year FROM ontvangen_op AT TIME ZONE 'Europe/Amsterdam')::int AS year
       FROM contact WHERE external_id = 'A-NYE'`,
    );
    expect(r.rows[0]).toEqual({ utc: '2024-12-31T22:30', year: 2024 });
  });
});

describe(`import audit (${testDbKind()})`, () => {
  it('records every stored batch as a system write naming the persons, in the chain of its region', async () => {
    const { verifyAudit } = await import('../audit/chain.js');
    const before = await count('audit_log', `actie = 'contact.importeren'`);
    await importLines(t.db, jsonl(melding({ externalId: 'M-AUDIT-1' })), { source: 'politie' });
    const rows = await t.db.query<{ actor_soort: string; actor_id: string; personen: string[]; region_id: string }>(
      `SELECT actor_soort, actor_id, personen, region_id FROM audit_log WHERE actie = 'contact.importeren' ORDER BY seq DESC LIMIT 1`,
    );
    expect(await count('audit_log', `actie = 'contact.importeren'`)).toBe(before + 1);
    const contactPersons = await t.db.query<{ person_id: string }>(
      `SELECT cp.person_id FROM contact_person cp JOIN contact c ON c.id = cp.contact_id WHERE c.external_id = 'M-AUDIT-1'`,
    );
    expect(rows.rows[0]).toMatchObject({ actor_soort: 'systeem', actor_id: 'system:import:politie', region_id: 'noord-veluwe-mijov' });
    expect([...rows.rows[0]!.personen].sort()).toEqual(contactPersons.rows.map((r) => r.person_id).sort());
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
