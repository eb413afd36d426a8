import {
  AUDIT_ACTOR_SOORTEN,
  BEOORDELING_STATUSSEN,
  BESLUIT_SOORTEN,
  BESLUIT_STATUSSEN,
  CONTACT_GEBEURTENIS_SOORTEN,
  NOTIFICATIE_SOORTEN,
  ONDERZOEK_UITKOMSTEN,
  OVERDRACHT_SOORTEN,
  OVERDRACHT_STATUSSEN,
  CONTACT_TYPES,
  NOTITIE_KLASSEN,
  ROLLEN,
  GESLACHTEN,
  GEMEENTEN,
  GEWELDSVORMEN,
  KANALEN,
  MELDER_RELATIES,
  MELDER_SECTOREN,
  MELDER_TYPES,
  PERSOON_ROLLEN,
  REGIONS,
  RELATIE_TYPES,
  DEELNEMER_SOORTEN,
  FASEN,
  REGIE_ROLLEN,
  REGIE_SOORTEN,
  REGIE_VOORSTEL_STATUSSEN,
} from '@samenveilig/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyDb, createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { openPostgres } from './database.js';
import { migrate, migrationStatus, readMigrations } from './migrate.js';
import { prepareDatabase } from './setup.js';

const dbs: TestDb[] = [];
afterEach(async () => {
  while (dbs.length) await dbs.pop()!.drop();
});
const track = (t: TestDb) => (dbs.push(t), t);

describe(`migrations (${testDbKind()})`, () => {
  it('applies every migration once, records it, and reports nothing pending', async () => {
    const { db } = track(await createEmptyDb());
    expect((await migrationStatus(db)).applied).toEqual([]);
    const first = await migrate(db);
    expect(first).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    const status = await migrationStatus(db);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(first);
  });

  it('is safe when two runners start at the same time', async () => {
    const t = track(await createEmptyDb());
    const second = t.url ? await openPostgres(t.url, 2) : t.db;
    try {
      const results = await Promise.all([migrate(t.db), migrate(second)]);
      expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.version));
      const rows = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
      expect(rows.rows[0]!.n).toBe(readMigrations().length);
    } finally {
      if (second !== t.db) await second.close();
    }
  });

  it('refuses a migration that was changed after it was applied', async () => {
    const { db } = track(await createEmptyDb());
    await migrate(db);
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    await expect(migrate(db, changed)).rejects.toThrow(/was changed after it was applied/);
  });

  it('loads the reference data, and loading it again changes nothing', async () => {
    const { db } = track(await createTestDb());
    await prepareDatabase(db);
    const count = async (t: string) => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n;
    expect(await count('region')).toBe(REGIONS.length);
    expect(await count('gemeente')).toBe(GEMEENTEN.length);
    expect(await count('geweldsvorm')).toBe(GEWELDSVORMEN.length);
  });

  it('check constraints allow exactly the values of the domain model', async () => {
    const { db } = track(await createTestDb());
    const constraints = await db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'c' AND conrelid::regclass::text IN ('contact', 'person', 'contact_person', 'person_relation', 'user_role', 'notitie', 'audit_log',
         'beoordeling', 'besluit', 'overdracht', 'notificatie', 'contact_gebeurtenis')`,
    );
    const defs = constraints.rows.map((r) => r.def).join('\n');
    const lists: [string, readonly string[]][] = [
      ['type', CONTACT_TYPES],
      ['kanaal', KANALEN],
      ['melder_type', MELDER_TYPES],
      ['melder_sector', MELDER_SECTOREN],
      ['melder_relatie', MELDER_RELATIES],
      ['rol', PERSOON_ROLLEN],
      ['geslacht', GESLACHTEN],
      ['rol', ROLLEN],
      ['klasse', NOTITIE_KLASSEN],
      ['actor_soort', AUDIT_ACTOR_SOORTEN],
      ['besluit_soort', BESLUIT_SOORTEN],
      ['vervolg_besluit_soort', BESLUIT_SOORTEN],
      ['overdracht_naar', OVERDRACHT_SOORTEN],
      ['onderzoek_uitkomst', ONDERZOEK_UITKOMSTEN],
      ['status', BEOORDELING_STATUSSEN],
      ['status', BESLUIT_STATUSSEN],
      ['status', OVERDRACHT_STATUSSEN],
      ['soort', NOTIFICATIE_SOORTEN],
      ['soort', CONTACT_GEBEURTENIS_SOORTEN],
    ];
    for (const [column, values] of lists) {
      const def = constraints.rows.map((r) => r.def).find((d) => new RegExp(`\\b${column} = ANY`).test(d) && values.every((v) => d.includes(`'${v}'`)));
      expect(def, `CHECK on ${column} lists every value of the domain`).toBeDefined();
      const quoted = [...def!.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      expect(new Set(quoted), `CHECK on ${column} has no extra values`).toEqual(new Set(values));
    }
    expect(defs).toContain("'ex-partner'");
    for (const t of RELATIE_TYPES) expect(defs).toContain(`'${t}'`);
  });

  it('plan, regie and TOP-3 tables allow exactly the values of the domain model', async () => {
    const { db } = track(await createTestDb());
    const defsOf = async (table: string) =>
      (await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'c' AND conrelid::regclass::text = $1`, [table])).rows.map(
        (r) => r.def,
      );
    const valuesOf = (defs: string[], column: string) => {
      const def = defs.find((d) => new RegExp(`\\(${column} = ANY`).test(d));
      expect(def, `a CHECK on ${column}`).toBeDefined();
      return new Set([...def!.matchAll(/'([^']+)'/g)].map((m) => m[1]));
    };
    for (const table of ['veiligheidsplan', 'veiligheidsplan_versie', 'top3_sessie']) expect(valuesOf(await defsOf(table), 'fase')).toEqual(new Set(FASEN));
    const fv = await defsOf('fase_voorstel');
    expect(valuesOf(fv, 'van_fase')).toEqual(new Set(FASEN));
    expect(valuesOf(fv, 'naar_fase')).toEqual(new Set(FASEN));
    const rv = await defsOf('regie_voorstel');
    expect(valuesOf(rv, 'soort')).toEqual(new Set(REGIE_SOORTEN));
    expect(valuesOf(rv, 'status')).toEqual(new Set(REGIE_VOORSTEL_STATUSSEN));
    expect(valuesOf(await defsOf('household_regie'), 'soort')).toEqual(new Set(REGIE_SOORTEN));
    expect(valuesOf(await defsOf('top3_deelnemer'), 'soort')).toEqual(new Set(DEELNEMER_SOORTEN));
    // The roles that can hold regie, as the database's trigger lists them.
    const src = (await db.query<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'user_role_regie_check'`)).rows[0]!.src;
    const inList = src.match(/rol IN \(([^)]*)\)/)![1]!;
    expect(new Set([...inList.matchAll(/'([^']+)'/g)].map((m) => m[1]))).toEqual(new Set(REGIE_ROLLEN));
  });

  it('keeps every record in one region: a reference into another region is refused', async () => {
    const { db } = track(await createTestDb());
    const a = await db.query<{ id: string }>(`INSERT INTO household (region_id) VALUES ('ijsselland') RETURNING id`);
    const p = await db.query<{ id: string }>(`INSERT INTO person (region_id, achternaam) VALUES ('noord-veluwe-mijov', 'X') RETURNING id`);
    await expect(
      db.query(`INSERT INTO household_member (household_id, person_id, region_id) VALUES ($1, $2, 'noord-veluwe-mijov')`, [a.rows[0]!.id, p.rows[0]!.id]),
    ).rejects.toThrow();
  });
});
