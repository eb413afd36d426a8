/**
 * Radar candidates as a Veilig Thuis worker sees and decides them: who the known person is, why the
 * engine thinks it is the same person, what is known of their household (prior contacts and outcomes,
 * open work, who has regie now), and the decision. Confirming joins the two identities (never rewriting
 * a registration) and can attach the new contact to the known household; rejecting is remembered.
 *
 * Need-to-know: the radar is a task of Veilig Thuis. For a known household Veilig Thuis is not involved
 * with, only which organisations are involved and who has regie is shown (like the national Veilig Thuis
 * register: that someone is involved, not why), and the contact cannot be attached to it.
 */
import { can, type Actor, type FieldResult } from '@samenveilig/domain';
import { appendAudit, weigering } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from '../repositories/common.js';
import { scopeCondition } from '../repositories/dossiers.js';
import { nieuweMeldingBijPlan } from '../repositories/plan.js';
import { RADAR_PERSON_COLUMNS, searchCandidates, toLinkInput, type RadarMatch, type RadarPerson } from './store.js';

export interface BekendHuishouden {
  id: string;
  /** False: Veilig Thuis is not involved; only organisations and regie are shown. */
  inZicht: boolean;
  contacten: { id: string; type: string; ontvangenOp: string; gemeente: string; besluit: string | null; status: string | null }[];
  openWerk: string[];
  regie: { naam: string; organisatie: string; email: string } | null;
  betrokkenOrganisaties: string[];
}

export interface BekendePersoon {
  personId: string;
  naam: string;
  geboortedatum: string | null;
  geslacht: string | null;
  adres: string | null;
  bsn: string | null;
  registraties: number;
  huishoudens: BekendHuishouden[];
}

export interface KandidaatView {
  id: string;
  /** The person of the new contact. */
  persoon: { id: string; naam: string };
  kandidaat: BekendePersoon;
  kans: number;
  uitleg: FieldResult[];
  status: 'open' | 'bevestigd' | 'afgewezen';
  besluit: { door: string; op: string; huishoudenGekoppeld: boolean } | null;
}

const naamVan = (p: Pick<RadarPerson, 'voornamen' | 'roepnaam' | 'tussenvoegsel' | 'achternaam'>) =>
  [p.roepnaam ?? p.voornamen?.split(' ')[0], p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ') || 'Onbekend';

/** What is known of each identity: its registrations, their households and those households' history. */
async function bekend(tx: Queryable, actor: Actor, personIds: readonly string[], now: Date): Promise<Map<string, BekendePersoon>> {
  const result = new Map<string, BekendePersoon>();
  if (personIds.length === 0) return result;
  const persons = (
    await tx.query<RadarPerson & { identiteit_id: string; adres_geheim: boolean; registraties: number }>(
      `SELECT ${RADAR_PERSON_COLUMNS}, i.identiteit_id, p.adres_geheim,
              (SELECT count(*) FROM person_identiteit j WHERE j.identiteit_id = i.identiteit_id) AS registraties
       FROM person p JOIN person_identiteit i ON i.person_id = p.id WHERE p.id = ANY($1::uuid[]) AND p.region_id = $2`,
      [personIds, actor.regionId],
    )
  ).rows;
  // Households of every registration of these identities, followed to where they were merged.
  const households = (
    await tx.query<{ identiteit_id: string; household_id: string }>(
      `SELECT DISTINCT i.identiteit_id, coalesce(h.samengevoegd_in, h.id) AS household_id
       FROM person_identiteit i JOIN household_member hm ON hm.person_id = i.person_id
       JOIN household h ON h.id = hm.household_id AND h.region_id = hm.region_id
       WHERE i.identiteit_id = ANY($1::uuid[])`,
      [[...new Set(persons.map((p) => p.identiteit_id))]],
    )
  ).rows;
  const hhIds = [...new Set(households.map((h) => h.household_id))];
  const params: unknown[] = [hhIds];
  const visible = new Set(
    hhIds.length ? (await tx.query<{ id: string }>(`SELECT h.id FROM household h WHERE h.id = ANY($1::uuid[]) AND ${scopeCondition(actor, params, now)}`, params)).rows.map((r) => r.id) : [],
  );
  const contacts = hhIds.length
    ? (
        await tx.query<{ household_id: string; id: string; type: string; ontvangen_op: Date; gemeente: string; besluit_soort: string | null; status: string | null }>(
          `SELECT c.household_id, c.id, c.type, c.ontvangen_op, g.naam AS gemeente, b.besluit_soort, b.status
           FROM contact c JOIN gemeente g ON g.code = c.gemeente_code LEFT JOIN beoordeling b ON b.contact_id = c.id
           WHERE c.household_id = ANY($1::uuid[]) AND c.status = 'actief' ORDER BY c.ontvangen_op DESC`,
          [hhIds.filter((h) => visible.has(h))],
        )
      ).rows
    : [];
  const open = hhIds.length
    ? (
        await tx.query<{ household_id: string; wat: string }>(
          `SELECT c.household_id, 'melding in behandeling bij Veilig Thuis' AS wat FROM beoordeling b JOIN contact c ON c.id = b.contact_id
           WHERE c.household_id = ANY($1::uuid[]) AND b.status <> 'afgerond'
           UNION ALL
           SELECT o.household_id, 'overdracht wacht op acceptatie' FROM overdracht o WHERE o.household_id = ANY($1::uuid[]) AND o.status = 'voorgesteld'`,
          [hhIds],
        )
      ).rows
    : [];
  const regie = hhIds.length
    ? (
        await tx.query<{ household_id: string; naam: string; email: string; organisatie: string }>(
          `SELECT r.household_id, u.naam, u.email, o.naam AS organisatie FROM household_regie r
           JOIN app_user u ON u.id = r.user_id AND u.region_id = r.region_id JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id
           WHERE r.household_id = ANY($1::uuid[]) AND r.soort = 'casusregisseur' AND r.tot IS NULL`,
          [hhIds],
        )
      ).rows
    : [];
  const orgs = hhIds.length
    ? (
        await tx.query<{ household_id: string; naam: string }>(
          `SELECT DISTINCT i.household_id, o.naam FROM household_involvement i JOIN organisation o ON o.id = i.organisation_id AND o.region_id = i.region_id
           WHERE i.household_id = ANY($1::uuid[]) AND (i.tot IS NULL OR i.tot > now()) ORDER BY o.naam`,
          [hhIds],
        )
      ).rows
    : [];
  for (const p of persons) {
    const own = households.filter((h) => h.identiteit_id === p.identiteit_id);
    // Known only outside Veilig Thuis' involvement: name and birth date to recognise the person, nothing more.
    const inZicht = own.some((h) => visible.has(h.household_id));
    const mayAddress = inZicht && !p.adres_geheim;
    result.set(p.id, {
      personId: p.id,
      naam: naamVan(p),
      geboortedatum: p.geboortedatum,
      geslacht: p.geslacht,
      adres: mayAddress && p.straat ? `${p.straat} ${p.huisnummer ?? ''}${p.huisnummer_toevoeging ?? ''}, ${p.postcode ?? ''} ${p.woonplaats ?? ''}`.replace(/\s+/g, ' ').trim() : null,
      bsn: inZicht ? p.bsn : null,
      registraties: p.registraties,
      huishoudens: own.map((h) => {
          const inZicht = visible.has(h.household_id);
          const r = regie.find((x) => x.household_id === h.household_id);
          return {
            id: h.household_id,
            inZicht,
            contacten: inZicht
              ? contacts
                  .filter((c) => c.household_id === h.household_id)
                  .map((c) => ({ id: c.id, type: c.type, ontvangenOp: new Date(c.ontvangen_op).toISOString(), gemeente: c.gemeente, besluit: c.besluit_soort, status: c.status }))
              : [],
            openWerk: open.filter((o) => o.household_id === h.household_id).map((o) => o.wat),
            regie: r ? { naam: r.naam, organisatie: r.organisatie, email: r.email } : null,
            betrokkenOrganisaties: orgs.filter((o) => o.household_id === h.household_id).map((o) => o.naam),
          };
        }),
    });
  }
  return result;
}

/** The stored candidates of a contact's persons, with what is known of each. */
export async function kandidatenVanContact(tx: Queryable, actor: Actor, contactId: string, now: Date): Promise<{ items: KandidaatView[]; personen: string[] }> {
  const rows = (
    await tx.query<{
      id: string; person_id: string; kandidaat_person_id: string; kans: number; uitleg: FieldResult[]; status: KandidaatView['status'];
      beslist_door_naam: string | null; beslist_op: Date | null; huishouden_gekoppeld: boolean;
      voornamen: string | null; roepnaam: string | null; tussenvoegsel: string | null; achternaam: string | null;
    }>(
      `SELECT k.id, k.person_id, k.kandidaat_person_id, k.kans, k.uitleg, k.status, u.naam AS beslist_door_naam, k.beslist_op, k.huishouden_gekoppeld,
              p.voornamen, p.roepnaam, p.tussenvoegsel, p.achternaam
       FROM radar_kandidaat k JOIN person p ON p.id = k.person_id AND p.region_id = k.region_id
       LEFT JOIN app_user u ON u.id = k.beslist_door AND u.region_id = k.region_id
       WHERE k.contact_id = $1 AND k.region_id = $2 ORDER BY k.person_id, k.kans DESC, k.id`,
      [contactId, actor.regionId],
    )
  ).rows;
  const known = await bekend(tx, actor, [...new Set(rows.map((r) => r.kandidaat_person_id))], now);
  return {
    items: rows
      .filter((r) => known.has(r.kandidaat_person_id))
      .map((r) => ({
        id: r.id,
        persoon: { id: r.person_id, naam: naamVan(r) },
        kandidaat: known.get(r.kandidaat_person_id)!,
        kans: r.kans,
        uitleg: r.uitleg,
        status: r.status,
        besluit: r.beslist_op ? { door: r.beslist_door_naam ?? '', op: new Date(r.beslist_op).toISOString(), huishoudenGekoppeld: r.huishouden_gekoppeld } : null,
      })),
    personen: [...new Set(rows.flatMap((r) => [r.person_id, r.kandidaat_person_id]))],
  };
}

/**
 * Radar while a contact is being entered (the intake screen): candidates for the persons typed so far,
 * nothing stored. The search itself is audited with the persons it showed.
 */
export async function radarVoorbeeld(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  personen: readonly { ref: string; persoon: Omit<RadarPerson, 'id' | 'region_id'> }[],
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const found = await searchCandidates(
      tx,
      actor.regionId,
      personen.map((p) => ({ ref: p.ref, input: toLinkInput({ id: p.ref, ...p.persoon }) })),
    );
    const all = [...found.values()].flat();
    const known = await bekend(tx, actor, all.map((m) => m.personId), now);
    const items = [...found].map(([ref, matches]) => ({
      ref,
      kandidaten: matches.filter((m) => known.has(m.personId)).map((m: RadarMatch) => ({ kandidaat: known.get(m.personId)!, kans: m.result.probability, uitleg: m.result.fields })),
    }));
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'radar.zoeken', recordType: 'persoon', personen: all.map((m) => m.personId), uitkomst: `ok (${all.length})` },
    ]);
    return items;
  });
}

/**
 * A VT worker's decision on a candidate. Confirm: the two identities become one (refused when a
 * registration of one was judged different from one of the other before), and with `huishoudenId` the
 * contact joins that known household. Reject: the pair is remembered and never proposed again.
 */
export async function beslisKandidaat(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { besluit: 'bevestigen' | 'afwijzen'; huishoudenId?: string | undefined },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const k = isUuid(id)
      ? (
          await tx.query<{ id: string; contact_id: string; person_id: string; kandidaat_person_id: string; status: string; household_id: string | null }>(
            `SELECT k.id, k.contact_id, k.person_id, k.kandidaat_person_id, k.status, c.household_id FROM radar_kandidaat k
             JOIN contact c ON c.id = k.contact_id AND c.region_id = k.region_id
             WHERE k.id = $1 AND k.region_id = $2 FOR UPDATE OF k`,
            [id, actor.regionId],
          )
        ).rows[0]
      : undefined;
    const params: unknown[] = [k?.household_id ?? null];
    const visible = k?.household_id ? (await tx.query(`SELECT 1 FROM household h WHERE h.id = $1 AND ${scopeCondition(actor, params, now)}`, params)).rows.length > 0 : false;
    if (!k || !visible || !can(actor, 'update', { type: 'radar', regionId: actor.regionId }, now)) {
      throw weigering(new AppError('niet_gevonden', 'Kandidaat niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie: 'radar.beslissen', recordType: 'radar_kandidaat', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
    }
    if (k.status !== 'open') throw new AppError('conflict', 'Over deze kandidaat is al beslist.');
    const personen = [k.person_id, k.kandidaat_person_id];
    if (input.besluit === 'afwijzen') {
      const [a, b] = [k.person_id, k.kandidaat_person_id].sort();
      await tx.query(`INSERT INTO radar_afwijzing (region_id, person_a, person_b, door, op) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        actor.regionId,
        a,
        b,
        actor.id,
        now.toISOString(),
      ]);
      await tx.query(`UPDATE radar_kandidaat SET status = 'afgewezen', beslist_door = $2, beslist_op = $3 WHERE id = $1`, [k.id, actor.id, now.toISOString()]);
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'radar.afwijzen', recordType: 'radar_kandidaat', recordId: k.id, personen, uitkomst: 'ok' }]);
      return { status: 'afgewezen' as const, huishoudenId: k.household_id };
    }

    // Confirm: one identity. The identities are locked in a fixed order.
    const ids = (
      await tx.query<{ person_id: string; identiteit_id: string }>(
        `SELECT person_id, identiteit_id FROM person_identiteit WHERE person_id = ANY($1::uuid[]) ORDER BY person_id FOR UPDATE`,
        [personen],
      )
    ).rows;
    const nieuw = ids.find((r) => r.person_id === k.person_id)!.identiteit_id;
    const bekendId = ids.find((r) => r.person_id === k.kandidaat_person_id)!.identiteit_id;
    if (nieuw !== bekendId) {
      const conflict = await tx.query(
        `SELECT 1 FROM radar_afwijzing r JOIN person_identiteit ia ON ia.person_id = r.person_a JOIN person_identiteit ib ON ib.person_id = r.person_b
         WHERE (ia.identiteit_id = $1 AND ib.identiteit_id = $2) OR (ia.identiteit_id = $2 AND ib.identiteit_id = $1) LIMIT 1`,
        [nieuw, bekendId],
      );
      if (conflict.rows.length > 0) {
        throw new AppError('conflict', 'Deze personen zijn eerder als verschillende personen beoordeeld (via een andere registratie); koppelen kan daarom niet.');
      }
      await tx.query(`UPDATE person_identiteit SET identiteit_id = $1 WHERE identiteit_id = $2`, [bekendId, nieuw]);
    }
    await tx.query(`UPDATE radar_kandidaat SET status = 'bevestigd', beslist_door = $2, beslist_op = $3 WHERE id = $1`, [k.id, actor.id, now.toISOString()]);
    // Other open candidates of this person that are now the same identity are settled with it.
    await tx.query(
      `UPDATE radar_kandidaat k SET status = 'bevestigd', beslist_door = $1, beslist_op = $2
       FROM person_identiteit i WHERE k.person_id = $3 AND k.status = 'open' AND i.person_id = k.kandidaat_person_id AND i.identiteit_id = $4`,
      [actor.id, now.toISOString(), k.person_id, bekendId],
    );

    let huishoudenId = k.household_id;
    if (input.huishoudenId && input.huishoudenId !== k.household_id) {
      const known = await bekend(tx, actor, [k.kandidaat_person_id], now);
      const target = known.get(k.kandidaat_person_id)?.huishoudens.find((h) => h.id === input.huishoudenId);
      if (!target || !target.inZicht) {
        throw new AppError('ongeldige_invoer', 'Dit huishouden hoort niet bij de gekozen persoon, of Veilig Thuis is er niet bij betrokken.', [
          { path: 'body.huishoudenId', message: 'kies een huishouden van deze persoon' },
        ]);
      }
      await mergeHousehold(tx, actor.regionId, k.household_id!, target.id, now);
      await tx.query(`UPDATE radar_kandidaat SET huishouden_gekoppeld = true WHERE id = $1`, [k.id]);
      huishoudenId = target.id;
      // A new melding about a household with a plan: back to directe veiligheid, and the regisseurs hear of it at once.
      await nieuweMeldingBijPlan(tx, target.id, k.contact_id, now);
    }
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'radar.bevestigen',
        recordType: 'radar_kandidaat',
        recordId: k.id,
        personen,
        doel: huishoudenId !== k.household_id ? `huishouden gekoppeld aan ${huishoudenId}` : null,
        uitkomst: 'ok',
      },
    ]);
    return { status: 'bevestigd' as const, huishoudenId };
  });
}

/** The household of a new contact joins a known one: contacts, members and involvements move over; the old one points to it. */
async function mergeHousehold(tx: Queryable, regionId: string, from: string, into: string, now: Date): Promise<void> {
  await tx.query(`UPDATE contact SET household_id = $2, versie = versie + 1 WHERE household_id = $1 AND region_id = $3`, [from, into, regionId]);
  await tx.query(
    `INSERT INTO household_member (household_id, person_id, region_id, sinds) SELECT $2::uuid, person_id, region_id, sinds FROM household_member WHERE household_id = $1
     ON CONFLICT (household_id, person_id) DO NOTHING`,
    [from, into],
  );
  await tx.query(
    `INSERT INTO household_involvement (household_id, region_id, organisation_id, team_id, user_id, grondslag, sinds)
     SELECT $2::uuid, region_id, organisation_id, team_id, user_id, grondslag, sinds FROM household_involvement i
     WHERE i.household_id = $1 AND i.tot IS NULL
       AND NOT EXISTS (SELECT 1 FROM household_involvement j WHERE j.household_id = $2 AND j.organisation_id = i.organisation_id
                       AND j.team_id IS NOT DISTINCT FROM i.team_id AND j.user_id IS NOT DISTINCT FROM i.user_id AND j.tot IS NULL)`,
    [from, into],
  );
  // Households merged into this one before follow it, so every merged household points at a living one.
  await tx.query(`UPDATE household SET samengevoegd_in = $2 WHERE samengevoegd_in = $1 AND region_id = $3`, [from, into, regionId]);
  await tx.query(`UPDATE household SET samengevoegd_in = $2, samengevoegd_op = $3 WHERE id = $1 AND region_id = $4`, [from, into, now.toISOString(), regionId]);
}
