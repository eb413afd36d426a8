/**
 * One contact (advies or melding) as the melding page shows it, and what can happen to it after
 * registration: an advies converted into a melding keeps its history (the conversion is an event,
 * the melding's deadlines start at the conversion); an erroneous registration is withdrawn (kept, but
 * it counts nowhere and its assessment stops).
 */
import {
  can,
  findGemeente,
  validateImportLine,
  type Actor,
  type ContactGebeurtenisSoort,
  type Involvement,
  type ValidImportLine,
} from '@samenveilig/domain';
import { appendAudit, weigering } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { addPersonsToContact } from '../import/loader.js';
import { kandidatenVanContact, type KandidaatView } from '../radar/kandidaten.js';
import { beoordelingVanContact, createBeoordelingen, lockBeoordelingVanContact, stopBijIntrekking, type BeoordelingView } from './beoordelingen.js';
import { isUuid, type AuditBase } from './common.js';
import { PERSON_COLUMNS, personView, type PersonRow } from './personen.js';

interface ContactRow {
  id: string;
  region_id: string;
  type: 'advies' | 'melding';
  status: string;
  ontvangen_op: Date;
  melding_op: Date | null;
  kanaal: string;
  gemeente_code: string;
  melder_type: string;
  melder_sector: string | null;
  melder_relatie: string | null;
  melder_anoniem: boolean;
  melder_anoniem_reden: string | null;
  household_id: string | null;
  omschrijving: string | null;
  acuut_gevaar: boolean;
  source: string;
  external_id: string;
  versie: number;
}

interface Loaded {
  contact: ContactRow;
  involvements: Involvement[];
  casusregisseur: string | null;
}

async function loadContact(tx: Queryable, actor: Actor, id: string, lock = false): Promise<Loaded | null> {
  if (!isUuid(id)) return null;
  const c = (await tx.query<ContactRow>(`SELECT * FROM contact WHERE id = $1 AND region_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [id, actor.regionId])).rows[0];
  if (!c) return null;
  const inv = c.household_id
    ? (
        await tx.query<{ organisation_id: string; team_id: string | null; user_id: string | null }>(
          `SELECT organisation_id, team_id, user_id FROM household_involvement WHERE household_id = $1 AND region_id = $2 AND (tot IS NULL OR tot > now())`,
          [c.household_id, actor.regionId],
        )
      ).rows
    : [];
  const regie = c.household_id
    ? (await tx.query<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND soort = 'casusregisseur' AND tot IS NULL`, [c.household_id])).rows[0]
    : undefined;
  return {
    contact: c,
    involvements: inv.map((i) => ({ organisationId: i.organisation_id, teamId: i.team_id, userId: i.user_id })),
    casusregisseur: regie?.user_id ?? null,
  };
}

const contactResource = (actor: Actor, l: Loaded) =>
  ({ type: 'contact', regionId: actor.regionId, householdId: l.contact.household_id, involvements: l.involvements }) as const;

export interface ContactView {
  id: string;
  type: 'advies' | 'melding';
  status: string;
  ontvangenOp: string;
  meldingOp: string | null;
  kanaal: string;
  gemeente: { code: string; naam: string };
  melder: {
    type: string;
    sector: string | null;
    relatie: string | null;
    anoniem: boolean;
    anoniemReden: string | null;
    identiteit: { naam: string | null; organisatie: string | null; telefoon: string | null; email: string | null } | null;
  };
  huishoudenId: string | null;
  personen: (ReturnType<typeof personView> & { rol: string })[];
  relaties: { van: string; naar: string; type: string }[];
  geweldsvormen: string[];
  omschrijving: string | null;
  acuutGevaar: boolean;
  gebeurtenissen: { soort: ContactGebeurtenisSoort; op: string; door: string | null; toelichting: string | null }[];
  beoordeling: BeoordelingView | null;
  radar: KandidaatView[] | null;
  versie: number;
}

/** The contact for the melding page; null when it does not exist or is out of scope (same answer). */
export async function getContact(db: Database, actor: Actor, audit: AuditBase, id: string, now = new Date()): Promise<ContactView | null> {
  return db.transaction(async (tx) => {
    const l = await loadContact(tx, actor, id);
    if (!l || !can(actor, 'read', contactResource(actor, l), now)) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'contact.lezen', recordType: 'contact', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    const c = l.contact;
    const persons = (
      await tx.query<PersonRow & { rol: string }>(
        `SELECT ${PERSON_COLUMNS}, cp.rol FROM contact_person cp JOIN person p ON p.id = cp.person_id AND p.region_id = cp.region_id
         WHERE cp.contact_id = $1 ORDER BY cp.rol, p.geboortedatum NULLS LAST, p.id`,
        [c.id],
      )
    ).rows;
    const personIds = persons.map((p) => p.id);
    const relaties = personIds.length
      ? (
          await tx.query<{ van: string; naar: string; type: string }>(
            `SELECT van_person_id AS van, naar_person_id AS naar, type FROM person_relation WHERE van_person_id = ANY($1::uuid[]) AND naar_person_id = ANY($1::uuid[])`,
            [personIds],
          )
        ).rows
      : [];
    const vormen = (await tx.query<{ code: string }>(`SELECT geweldsvorm_code AS code FROM contact_geweldsvorm WHERE contact_id = $1 ORDER BY 1`, [c.id])).rows;
    const mayMelder = can(actor, 'read', { type: 'melder-identiteit', regionId: actor.regionId, householdId: c.household_id, involvements: l.involvements }, now) ||
      (c.household_id === null && can(actor, 'update', contactResource(actor, l), now));
    const m = mayMelder
      ? (await tx.query<{ naam: string | null; organisatie: string | null; telefoon: string | null; email: string | null }>(`SELECT naam, organisatie, telefoon, email FROM melder_identiteit WHERE contact_id = $1`, [c.id]))
          .rows[0]
      : undefined;
    const events = (
      await tx.query<{ soort: ContactGebeurtenisSoort; op: Date; door: string | null; toelichting: string | null }>(
        `SELECT e.soort, e.op, u.naam AS door, e.toelichting FROM contact_gebeurtenis e LEFT JOIN app_user u ON u.id = e.door AND u.region_id = e.region_id
         WHERE e.contact_id = $1 ORDER BY e.op, e.id`,
        [c.id],
      )
    ).rows;
    const vt = can(actor, 'read', { type: 'beoordeling', regionId: actor.regionId }, now);
    const beoordeling = vt ? await beoordelingVanContact(tx, actor, c.id) : null;
    const radar = can(actor, 'read', { type: 'radar', regionId: actor.regionId }, now) ? await kandidatenVanContact(tx, actor, c.id, now) : null;
    const g = findGemeente(c.gemeente_code)!;
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'contact.lezen',
        recordType: 'contact',
        recordId: c.id,
        personen: [...personIds, ...(radar?.personen ?? [])],
        uitkomst: 'ok',
      },
    ]);
    return {
      id: c.id,
      type: c.type,
      status: c.status,
      ontvangenOp: new Date(c.ontvangen_op).toISOString(),
      meldingOp: c.melding_op ? new Date(c.melding_op).toISOString() : null,
      kanaal: c.kanaal,
      gemeente: { code: g.code, naam: g.naam },
      melder: {
        type: c.melder_type,
        sector: c.melder_sector,
        relatie: c.melder_relatie,
        anoniem: c.melder_anoniem,
        anoniemReden: mayMelder ? c.melder_anoniem_reden : null,
        identiteit: m && (m.naam || m.organisatie || m.telefoon || m.email) ? m : null,
      },
      huishoudenId: c.household_id,
      personen: persons.map((p) => ({ ...personView(actor, p, l.casusregisseur, now), rol: p.rol })),
      relaties,
      geweldsvormen: vormen.map((v) => v.code),
      omschrijving: c.omschrijving,
      acuutGevaar: c.acuut_gevaar,
      gebeurtenissen: events.map((e) => ({ soort: e.soort, op: new Date(e.op).toISOString(), door: e.door, toelichting: e.toelichting })),
      beoordeling,
      radar: radar?.items ?? null,
      versie: c.versie,
    };
  });
}

/**
 * An advies becomes a melding: the persons it is about are named (added here when the advies left them
 * anonymous), responsibility for their safety moves to Veilig Thuis, and the assessment's deadlines start
 * now. The advies and its history stay as they were; the conversion is recorded as an event.
 */
export async function omzettenNaarMelding(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { reden: string; personen: ValidImportLine['personen']; relaties: ValidImportLine['relaties']; acuutGevaar?: boolean | undefined; versie: number },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const l = await loadContact(tx, actor, id, true);
    if (!l || !can(actor, 'update', contactResource(actor, l), now)) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'contact.omzetten', recordType: 'contact', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    const c = l.contact;
    if (c.versie !== input.versie) throw new AppError('conflict', 'Dit contact is intussen gewijzigd. Herlaad de pagina; er is niets omgezet.');
    if (c.type !== 'advies' || c.status !== 'actief') throw new AppError('conflict', 'Alleen een actief advies kan worden omgezet in een melding.');
    const existing = (
      await tx.query<{ ref: string; rol: string; achternaam: string | null; bsn: string | null }>(
        `SELECT p.id AS ref, cp.rol, p.achternaam, p.bsn FROM contact_person cp JOIN person p ON p.id = cp.person_id WHERE cp.contact_id = $1`,
        [c.id],
      )
    ).rows;
    // The melding's rules (named persons, valid relations) checked on the whole: persons it had and persons added now.
    const check = validateImportLine({
      externalId: 'omzetting',
      type: 'melding',
      ontvangenOp: now.toISOString(),
      kanaal: c.kanaal,
      gemeente: c.gemeente_code,
      melder: { type: 'politie' },
      personen: [
        ...existing.map((p, i) => ({ ref: `\u0000bestaand-${i}`, rol: p.rol, ...(p.achternaam ? { achternaam: p.achternaam } : {}), ...(p.bsn ? { bsn: p.bsn } : {}) })),
        ...input.personen,
      ],
      relaties: input.relaties,
    });
    if (!check.ok) {
      const issues = check.issues.map((i) => ({ path: `body.${i.path.replace(/^personen\.(\d+)/, (_m, n: string) => `personen.${Number(n) - existing.length}`)}`, message: i.message }));
      throw new AppError('ongeldige_invoer', `Dit advies kan zo niet worden omgezet: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    }
    if ((await tx.query(`SELECT 1 FROM beoordeling WHERE contact_id = $1`, [c.id])).rows.length > 0) {
      // It was a melding before, turned into an advies by a decision: new information is a new melding.
      throw new AppError('conflict', 'Dit advies was eerder een melding en is na beoordeling omgezet; registreer nieuwe informatie als een nieuwe melding.');
    }
    const acuut = input.acuutGevaar ?? c.acuut_gevaar;
    const householdId = await addPersonsToContact(tx, { id: c.id, regionId: c.region_id, gemeenteCode: c.gemeente_code, householdId: c.household_id, registrar: actor.organisationId }, input.personen, input.relaties);
    await tx.query(`UPDATE contact SET type = 'melding', melding_op = $2, acuut_gevaar = $3, household_id = $4, versie = versie + 1 WHERE id = $1`, [
      c.id,
      now.toISOString(),
      acuut,
      householdId,
    ]);
    await tx.query(`INSERT INTO contact_gebeurtenis (region_id, contact_id, soort, op, door, toelichting) VALUES ($1, $2, 'omgezet-naar-melding', $3, $4, $5)`, [
      actor.regionId,
      c.id,
      now.toISOString(),
      actor.id,
      input.reden,
    ]);
    await createBeoordelingen(tx, [{ contactId: c.id, regionId: c.region_id, gemeenteCode: c.gemeente_code, meldingOp: now, acuut, registrar: actor.organisationId }]);
    const personen = (await tx.query<{ person_id: string }>(`SELECT person_id FROM contact_person WHERE contact_id = $1`, [c.id])).rows.map((r) => r.person_id);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'contact.omzetten', recordType: 'contact', recordId: c.id, personen, doel: input.reden, uitkomst: 'ok' }]);
    return { id: c.id };
  });
}

/**
 * Withdraws a registration made in error (registered twice, about the wrong household, a test call): the
 * contact is kept with its data and history, gets status 'ingetrokken' with who, when and why (also as an
 * event on the melding page), its assessment stops (stopBijIntrekking: it leaves the queue) and it counts
 * nowhere in the figures. Out of scope or absent: 404 (audited); already withdrawn: 409.
 */
export async function trekContactIn(db: Database, actor: Actor, audit: AuditBase, id: string, input: { reden: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    // Lock order of a confirmed decision (which may change the contact): the assessment, then the contact.
    await lockBeoordelingVanContact(tx, actor.regionId, id);
    const l = await loadContact(tx, actor, id, true);
    if (!l || !can(actor, 'update', contactResource(actor, l), now)) {
      throw weigering(new AppError('niet_gevonden', 'Contact niet gevonden.'), [
        { ...audit, regionId: actor.regionId, actie: 'contact.intrekken', recordType: 'contact', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' },
      ]);
    }
    const c = l.contact;
    if (c.status === 'ingetrokken') throw new AppError('conflict', 'Deze registratie is al ingetrokken.');
    const gestopt = await stopBijIntrekking(tx, actor, c.id, now);
    await tx.query(
      `UPDATE contact SET status = 'ingetrokken', ingetrokken_op = $2, ingetrokken_door = $3, intrekking_reden = $4, versie = versie + 1 WHERE id = $1 AND region_id = $5`,
      [c.id, now.toISOString(), actor.id, input.reden, actor.regionId],
    );
    await tx.query(`INSERT INTO contact_gebeurtenis (region_id, contact_id, soort, op, door, toelichting) VALUES ($1, $2, 'ingetrokken', $3, $4, $5)`, [
      actor.regionId,
      c.id,
      now.toISOString(),
      actor.id,
      input.reden,
    ]);
    const personen = (await tx.query<{ person_id: string }>(`SELECT person_id FROM contact_person WHERE contact_id = $1`, [c.id])).rows.map((r) => r.person_id);
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'contact.intrekken', recordType: 'contact', recordId: c.id, personen, doel: input.reden, uitkomst: gestopt ? `ok (${gestopt})` : 'ok' },
    ]);
    return { id: c.id, status: 'ingetrokken' as const, ingetrokkenOp: now.toISOString() };
  });
}
