import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { appendAudit, verifyAudit, weigering, type AuditEvent } from './chain.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  const ev = (i: number, regionId = 'noord-veluwe-mijov'): AuditEvent => ({
    regionId,
    actorSoort: 'gebruiker',
    actorId: `u-${i}`,
    organisationId: null,
    rol: 'vt-medewerker',
    actie: 'huishouden.lezen',
    recordType: 'huishouden',
    recordId: `h-${i}`,
    personen: ['0190a1b2-0000-7000-8000-000000000001'],
    uitkomst: 'ok',
    requestId: `req-${i}`,
    clientAdres: '127.0.0.1',
  });
  for (let i = 1; i <= 5; i++) await t.db.transaction((tx) => appendAudit(tx, [ev(i), ev(100 + i, 'ijsselland')]));
});
afterEach(async () => t.drop());

const tamper = async (sql: string) => {
  await t.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;`);
};

describe(`audit hash chain (${testDbKind()})`, () => {
  it('a refusal thrown inside a transaction rolls back its work but keeps its audit row, in the chain', async () => {
    const refusal: AuditEvent = { regionId: 'noord-veluwe-mijov', actorSoort: 'gebruiker', actorId: 'u-x', organisationId: null, rol: null, actie: 'veiligheidsplan.lezen', uitkomst: 'niet-gevonden' };
    const err = new Error('niet gevonden');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO household (region_id, external_id, source) VALUES ('noord-veluwe-mijov', 'WEIGERING', 'chain-test')`);
        await appendAudit(tx, [{ ...refusal, actie: 'binnen.de.transactie', uitkomst: 'ok' }]);
        throw weigering(err, [refusal]);
      }),
    ).rejects.toBe(err);
    expect((await t.db.query(`SELECT 1 FROM household WHERE external_id = 'WEIGERING'`)).rows).toHaveLength(0);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE actie = 'binnen.de.transactie'`)).rows).toHaveLength(0);
    expect((await t.db.query<{ uitkomst: string }>(`SELECT uitkomst FROM audit_log WHERE actie = 'veiligheidsplan.lezen'`)).rows).toEqual([{ uitkomst: 'niet-gevonden' }]);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
    // An ordinary error leaves nothing behind.
    await expect(t.db.transaction(async (tx) => appendAudit(tx, [{ ...refusal, actie: 'gewone.fout' }]).then(() => Promise.reject(new Error('x'))))).rejects.toThrow('x');
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE actie = 'gewone.fout'`)).rows).toHaveLength(0);
  });

  it('verifies intact chains per region', async () => {
    expect(await verifyAudit(t.db)).toEqual({
      ok: true,
      chains: [
        { regionId: 'ijsselland', entries: 5 },
        { regionId: 'noord-veluwe-mijov', entries: 5 },
      ],
    });
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    await expect(t.db.query(`UPDATE audit_log SET uitkomst = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('catches a changed row, naming it', async () => {
    await tamper(`UPDATE audit_log SET actor_id = 'someone-else' WHERE region_id = 'noord-veluwe-mijov' AND seq = 3`);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: false, regionId: 'noord-veluwe-mijov', seq: 3, reason: expect.stringContaining('gewijzigd') });
    expect((await verifyAudit(t.db, 'ijsselland')).ok).toBe(true);
  });

  it('catches a changed list of persons (the AVG inzage answer)', async () => {
    await tamper(`UPDATE audit_log SET personen = '{}' WHERE region_id = 'ijsselland' AND seq = 2`);
    expect(await verifyAudit(t.db, 'ijsselland')).toMatchObject({ ok: false, seq: 2 });
  });

  it('catches a removed row in the middle and at the end', async () => {
    await tamper(`DELETE FROM audit_log WHERE region_id = 'noord-veluwe-mijov' AND seq = 2`);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: false, regionId: 'noord-veluwe-mijov', seq: 2 });
    const u = await createTestDb();
    try {
      await u.db.transaction((tx) => appendAudit(tx, [{ regionId: 'ijsselland', actorSoort: 'systeem', actorId: 'system:x', organisationId: null, rol: null, actie: 'a', uitkomst: 'ok' }, { regionId: 'ijsselland', actorSoort: 'systeem', actorId: 'system:x', organisationId: null, rol: null, actie: 'b', uitkomst: 'ok' }]));
      await u.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; DELETE FROM audit_log WHERE seq = 2; ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;`);
      expect(await verifyAudit(u.db)).toMatchObject({ ok: false, regionId: 'ijsselland', seq: 2, reason: expect.stringContaining('ontbreken') });
    } finally {
      await u.drop();
    }
  });

  it('catches reordered rows', async () => {
    await tamper(`
      UPDATE audit_log SET seq = -4 WHERE region_id = 'ijsselland' AND seq = 4;
      UPDATE audit_log SET seq = 4 WHERE region_id = 'ijsselland' AND seq = 3;
      UPDATE audit_log SET seq = 3 WHERE region_id = 'ijsselland' AND seq = -4`);
    expect(await verifyAudit(t.db, 'ijsselland')).toMatchObject({ ok: false, seq: 3 });
  });
});
