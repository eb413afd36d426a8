/**
 * The per-contact facts of the figures (table cijfer_feit): the stored records are read as the domain's
 * plain input (CijferContact, CijferBeoordeling), classified by the domain (bereidCijfersVoor) over a whole
 * connected group of records, and reduced to one row per contact that SQL can count. Nothing here decides
 * what a figure means: that is packages/domain/src/cijfers.
 */
import {
  bereidCijfersVoor,
  geweldscategorieen,
  huishoudenSleutel,
  INTERVENTIE_BESLUITEN,
  interventies,
  maandenNa,
  melderGroep,
  meldingMoment,
  NAMETING_MAANDEN,
  opnieuwGemeld,
  periodeSleutelVan,
  telAlsAdvies,
  type BesluitSoort,
  type CijferBeoordeling,
  type CijferContact,
  type ContactType,
  type MelderSector,
  type MelderType,
} from '@samenveilig/domain';
import type { Queryable } from '../db/database.js';

/** The records of the figures, as the domain reads them. */
export interface CijferInvoer {
  contacten: (CijferContact & { regionId: string })[];
  beoordelingen: CijferBeoordeling[];
}

interface InvoerRij {
  id: string;
  region_id: string;
  type: ContactType;
  status: string;
  ontvangen_op: Date;
  melding_op: Date | null;
  gemeente_code: string;
  melder_type: MelderType;
  melder_sector: MelderSector | null;
  huishouden: string | null;
  omgezet: boolean;
  personen: string[] | null;
  geweld: string[] | null;
  deadline_wettelijk: Date | null;
  deadline_regionaal: Date | null;
  beoordeeld_op: Date | null;
  besluit_soort: BesluitSoort | null;
  afgerond_op: Date | null;
}

/**
 * Reads contacts with everything the figures need: the household after merges, the person identities
 * after confirmed radar links (a registration without an identity row is its own identity), the forms
 * of violence, whether an advies was converted, and the assessment. `waar` selects the contacts.
 */
const INVOER_SQL = (waar: string) => `
  SELECT c.id, c.region_id, c.type, c.status, c.ontvangen_op, c.melding_op, c.gemeente_code, c.melder_type, c.melder_sector,
         coalesce(h.samengevoegd_in, c.household_id)::text AS huishouden,
         EXISTS (SELECT 1 FROM contact_gebeurtenis e WHERE e.contact_id = c.id AND e.soort = 'omgezet-naar-melding') AS omgezet,
         (SELECT array_agg(DISTINCT coalesce(pi.identiteit_id, cp.person_id)::text) FROM contact_person cp
            LEFT JOIN person_identiteit pi ON pi.person_id = cp.person_id WHERE cp.contact_id = c.id) AS personen,
         (SELECT array_agg(g.geweldsvorm_code) FROM contact_geweldsvorm g WHERE g.contact_id = c.id) AS geweld,
         b.deadline_wettelijk, b.deadline_regionaal, b.beoordeeld_op, b.besluit_soort, b.afgerond_op
  FROM contact c
  LEFT JOIN household h ON h.id = c.household_id AND h.region_id = c.region_id
  LEFT JOIN beoordeling b ON b.contact_id = c.id AND b.region_id = c.region_id
  WHERE ${waar}`;

const d = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function naarInvoer(rows: InvoerRij[]): CijferInvoer {
  const contacten: CijferInvoer['contacten'] = [];
  const beoordelingen: CijferBeoordeling[] = [];
  for (const r of rows) {
    contacten.push({
      id: r.id,
      regionId: r.region_id,
      soort: r.type,
      ontvangenOp: d(r.ontvangen_op)!,
      meldingOp: d(r.melding_op),
      omgezetVanAdvies: r.omgezet,
      gemeente: r.gemeente_code,
      huishoudenId: r.huishouden,
      persoonIds: [...(r.personen ?? [])].sort(),
      melderType: r.melder_type,
      melderSector: r.melder_sector,
      geweldsvormen: r.geweld ?? [],
      ingetrokken: r.status === 'ingetrokken',
    });
    if (r.deadline_wettelijk !== null) {
      beoordelingen.push({
        contactId: r.id,
        deadlineWettelijk: d(r.deadline_wettelijk)!,
        deadlineRegionaal: d(r.deadline_regionaal)!,
        beoordeeldOp: d(r.beoordeeld_op),
        besluit: r.besluit_soort,
        afgerondOp: d(r.afgerond_op),
      });
    }
  }
  return { contacten, beoordelingen };
}

/** The input records of these contacts. */
export async function leesInvoer(tx: Queryable, contactIds: readonly string[]): Promise<CijferInvoer> {
  if (contactIds.length === 0) return { contacten: [], beoordelingen: [] };
  return naarInvoer((await tx.query<InvoerRij>(INVOER_SQL('c.id = ANY($1::uuid[])'), [contactIds])).rows);
}

/** The input records of a whole region, read in pages by id (a national region holds hundreds of thousands). */
export async function leesRegio(tx: Queryable, regionId: string, pagina = 20_000): Promise<CijferInvoer> {
  const rows: InvoerRij[] = [];
  let na = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = (await tx.query<InvoerRij>(`${INVOER_SQL('c.region_id = $1 AND c.id > $2::uuid')} ORDER BY c.id LIMIT $3`, [regionId, na, pagina])).rows;
    rows.push(...page);
    if (page.length < pagina) break;
    na = page[page.length - 1]!.id;
  }
  return naarInvoer(rows);
}

/** One row of cijfer_feit. */
export interface Feit {
  contactId: string;
  regionId: string;
  gemeente: string;
  huishouden: string;
  personen: string[];
  ingetrokken: boolean;
  adviesKwartaal: string | null;
  meldingOp: Date | null;
  meldingKwartaal: string | null;
  meldingSoort: string | null;
  melderGroep: string | null;
  geweld: string[] | null;
  deadlineWettelijk: Date | null;
  deadlineRegionaal: Date | null;
  beoordeeldOp: Date | null;
  besluit: string | null;
  binnenWettelijk: boolean | null;
  binnenRegionaal: boolean | null;
  doorlooptijdMs: number | null;
  interventieOp: Date | null;
  interventieKwartaal: string | null;
  recidief: boolean | null;
}

const kwartaal = (t: Date) => periodeSleutelVan(t, 'kwartaal');

/**
 * The facts of every contact given, classified over all of them: pass whole connected groups (or a whole
 * region), since a melding's kind and an intervention's recidivism depend on the other meldingen of its
 * household and persons.
 */
export function berekenFeiten(invoer: CijferInvoer): Feit[] {
  const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
  const perMelding = new Map(basis.meldingen.map((m) => [m.contact.id, m]));
  // interventies() lists the starts in the order of basis.meldingen; pair each with its melding.
  const starts = basis.meldingen.filter((m) => m.beoordeling?.beoordeeldOp && m.beoordeling.besluit && INTERVENTIE_BESLUITEN.includes(m.beoordeling.besluit));
  const interventiePerContact = new Map(interventies(basis).map((i, k) => [starts[k]!.contact.id, i]));
  return invoer.contacten.map((c) => {
    const m = perMelding.get(c.id);
    const b = m?.beoordeling ?? null;
    const i = interventiePerContact.get(c.id);
    const op = m ? meldingMoment(c)! : null;
    return {
      contactId: c.id,
      regionId: c.regionId,
      gemeente: c.gemeente,
      huishouden: huishoudenSleutel(c),
      personen: [...(c.persoonIds ?? [])],
      ingetrokken: c.ingetrokken === true,
      adviesKwartaal: telAlsAdvies(c) ? kwartaal(c.ontvangenOp) : null,
      meldingOp: op,
      meldingKwartaal: op ? kwartaal(op) : null,
      meldingSoort: m?.soort ?? null,
      melderGroep: m ? melderGroep(c) : null,
      geweld: m ? geweldscategorieen(c).sort() : null,
      deadlineWettelijk: m && b ? b.deadlineWettelijk : null,
      deadlineRegionaal: m && b ? b.deadlineRegionaal : null,
      beoordeeldOp: m && b ? b.beoordeeldOp : null,
      besluit: m && b?.beoordeeldOp ? b.besluit : null,
      binnenWettelijk: m && b?.beoordeeldOp ? b.beoordeeldOp.getTime() <= b.deadlineWettelijk.getTime() : null,
      binnenRegionaal: m && b?.beoordeeldOp ? b.beoordeeldOp.getTime() <= b.deadlineRegionaal.getTime() : null,
      doorlooptijdMs: m && b?.beoordeeldOp ? b.beoordeeldOp.getTime() - op!.getTime() : null,
      interventieOp: i ? i.gestartOp : null,
      interventieKwartaal: i ? kwartaal(i.gestartOp) : null,
      recidief: i ? opnieuwGemeld(basis, i.sleutels, i.gestartOp, maandenNa(i.gestartOp, NAMETING_MAANDEN)) : null,
    };
  });
}

/** A stable text of a fact's content, to tell which facts changed. */
export function feitTekst(f: Feit): string {
  const t = (v: Date | null) => (v ? v.getTime() : null);
  return JSON.stringify([
    f.regionId, f.gemeente, f.huishouden, f.personen, f.ingetrokken, f.adviesKwartaal, t(f.meldingOp), f.meldingKwartaal, f.meldingSoort, f.melderGroep,
    f.geweld, t(f.deadlineWettelijk), t(f.deadlineRegionaal), t(f.beoordeeldOp), f.besluit, f.binnenWettelijk, f.binnenRegionaal, f.doorlooptijdMs,
    t(f.interventieOp), f.interventieKwartaal, f.recidief,
  ]);
}

interface FeitRij {
  contact_id: string;
  region_id: string;
  gemeente: string;
  huishouden: string;
  personen: string[];
  ingetrokken: boolean;
  advies_kwartaal: string | null;
  melding_op: Date | null;
  melding_kwartaal: string | null;
  melding_soort: string | null;
  melder_groep: string | null;
  geweld: string[] | null;
  deadline_wettelijk: Date | null;
  deadline_regionaal: Date | null;
  beoordeeld_op: Date | null;
  besluit: string | null;
  binnen_wettelijk: boolean | null;
  binnen_regionaal: boolean | null;
  doorlooptijd_ms: string | number | null;
  interventie_op: Date | null;
  interventie_kwartaal: string | null;
  recidief: boolean | null;
}

const FEIT_KOLOMMEN = `contact_id, region_id, gemeente, huishouden, personen::text[] AS personen, ingetrokken, advies_kwartaal, melding_op, melding_kwartaal, melding_soort,
  melder_groep, geweld, deadline_wettelijk, deadline_regionaal, beoordeeld_op, besluit, binnen_wettelijk, binnen_regionaal, doorlooptijd_ms,
  interventie_op, interventie_kwartaal, recidief`;

/** The stored facts of these contacts. */
export async function leesFeiten(tx: Queryable, contactIds: readonly string[]): Promise<Feit[]> {
  if (contactIds.length === 0) return [];
  const rows = (await tx.query<FeitRij>(`SELECT ${FEIT_KOLOMMEN} FROM cijfer_feit WHERE contact_id = ANY($1::uuid[])`, [contactIds])).rows;
  return rows.map((r) => ({
    contactId: r.contact_id,
    regionId: r.region_id,
    gemeente: r.gemeente,
    huishouden: r.huishouden,
    personen: r.personen,
    ingetrokken: r.ingetrokken,
    adviesKwartaal: r.advies_kwartaal,
    meldingOp: d(r.melding_op),
    meldingKwartaal: r.melding_kwartaal,
    meldingSoort: r.melding_soort,
    melderGroep: r.melder_groep,
    geweld: r.geweld,
    deadlineWettelijk: d(r.deadline_wettelijk),
    deadlineRegionaal: d(r.deadline_regionaal),
    beoordeeldOp: d(r.beoordeeld_op),
    besluit: r.besluit,
    binnenWettelijk: r.binnen_wettelijk,
    binnenRegionaal: r.binnen_regionaal,
    doorlooptijdMs: r.doorlooptijd_ms === null ? null : Number(r.doorlooptijd_ms),
    interventieOp: d(r.interventie_op),
    interventieKwartaal: r.interventie_kwartaal,
    recidief: r.recidief,
  }));
}

const iso = (v: Date | null) => (v ? v.toISOString() : null);

/** Replaces the facts of these contacts (deleting those of contacts not given is the caller's choice), in batches. */
export async function schrijfFeiten(tx: Queryable, feiten: readonly Feit[], now: Date, batch = 5_000): Promise<void> {
  for (let s = 0; s < feiten.length; s += batch) {
    const part = feiten.slice(s, s + batch);
    // Arrays of arrays do not fit unnest(); personen and geweld travel as JSON.
    await tx.query(
      `INSERT INTO cijfer_feit (contact_id, region_id, gemeente, huishouden, personen, ingetrokken, advies_kwartaal, melding_op, melding_kwartaal, melding_soort,
         melder_groep, geweld, deadline_wettelijk, deadline_regionaal, beoordeeld_op, besluit, binnen_wettelijk, binnen_regionaal, doorlooptijd_ms,
         interventie_op, interventie_kwartaal, recidief, berekend_op)
       SELECT t.contact_id, t.region_id, t.gemeente, t.huishouden, ARRAY(SELECT jsonb_array_elements_text(t.personen))::uuid[], t.ingetrokken,
         t.advies_kwartaal, t.melding_op, t.melding_kwartaal, t.melding_soort, t.melder_groep,
         CASE WHEN t.geweld IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(t.geweld)) END,
         t.deadline_wettelijk, t.deadline_regionaal, t.beoordeeld_op, t.besluit, t.binnen_wettelijk, t.binnen_regionaal, t.doorlooptijd_ms,
         t.interventie_op, t.interventie_kwartaal, t.recidief, $2
       FROM jsonb_to_recordset($1::jsonb) AS t(contact_id uuid, region_id text, gemeente text, huishouden text, personen jsonb, ingetrokken boolean,
         advies_kwartaal text, melding_op timestamptz, melding_kwartaal text, melding_soort text, melder_groep text, geweld jsonb,
         deadline_wettelijk timestamptz, deadline_regionaal timestamptz, beoordeeld_op timestamptz, besluit text, binnen_wettelijk boolean,
         binnen_regionaal boolean, doorlooptijd_ms bigint, interventie_op timestamptz, interventie_kwartaal text, recidief boolean)
       ON CONFLICT (contact_id) DO UPDATE SET region_id = EXCLUDED.region_id, gemeente = EXCLUDED.gemeente, huishouden = EXCLUDED.huishouden,
         personen = EXCLUDED.personen, ingetrokken = EXCLUDED.ingetrokken, advies_kwartaal = EXCLUDED.advies_kwartaal, melding_op = EXCLUDED.melding_op,
         melding_kwartaal = EXCLUDED.melding_kwartaal, melding_soort = EXCLUDED.melding_soort, melder_groep = EXCLUDED.melder_groep, geweld = EXCLUDED.geweld,
         deadline_wettelijk = EXCLUDED.deadline_wettelijk, deadline_regionaal = EXCLUDED.deadline_regionaal, beoordeeld_op = EXCLUDED.beoordeeld_op,
         besluit = EXCLUDED.besluit, binnen_wettelijk = EXCLUDED.binnen_wettelijk, binnen_regionaal = EXCLUDED.binnen_regionaal,
         doorlooptijd_ms = EXCLUDED.doorlooptijd_ms, interventie_op = EXCLUDED.interventie_op, interventie_kwartaal = EXCLUDED.interventie_kwartaal,
         recidief = EXCLUDED.recidief, berekend_op = EXCLUDED.berekend_op`,
      [
        JSON.stringify(
          part.map((f) => ({
            contact_id: f.contactId,
            region_id: f.regionId,
            gemeente: f.gemeente,
            huishouden: f.huishouden,
            personen: f.personen,
            ingetrokken: f.ingetrokken,
            advies_kwartaal: f.adviesKwartaal,
            melding_op: iso(f.meldingOp),
            melding_kwartaal: f.meldingKwartaal,
            melding_soort: f.meldingSoort,
            melder_groep: f.melderGroep,
            geweld: f.geweld,
            deadline_wettelijk: iso(f.deadlineWettelijk),
            deadline_regionaal: iso(f.deadlineRegionaal),
            beoordeeld_op: iso(f.beoordeeldOp),
            besluit: f.besluit,
            binnen_wettelijk: f.binnenWettelijk,
            binnen_regionaal: f.binnenRegionaal,
            doorlooptijd_ms: f.doorlooptijdMs,
            interventie_op: iso(f.interventieOp),
            interventie_kwartaal: f.interventieKwartaal,
            recidief: f.recidief,
          })),
        ),
        now.toISOString(),
      ],
    );
  }
}

/**
 * The contacts connected to these ones through households (after merges) and person identities, the
 * given ones and those of the given households and identities included: the group whose facts must be
 * computed together. The caller also passes the keys the contacts had when their facts were last computed,
 * so a group that fell apart is recomputed on both sides.
 */
export async function verbondenContacten(tx: Queryable, start: { contacten: readonly string[]; huishoudens: readonly string[]; identiteiten: readonly string[] }): Promise<string[]> {
  const gezien = new Set<string>();
  const hhGezien = new Set<string>();
  const pGezien = new Set<string>();
  let nieuweC = [...new Set(start.contacten)];
  let nieuweH = [...new Set(start.huishoudens)];
  let nieuweP = [...new Set(start.identiteiten)];
  for (let ronde = 0; nieuweC.length + nieuweH.length + nieuweP.length > 0; ronde++) {
    for (const h of nieuweH) hhGezien.add(h);
    for (const p of nieuweP) pGezien.add(p);
    // Contacts of the new keys, and the keys of the new contacts, in one round trip.
    const r = (
      await tx.query<{ soort: string; id: string }>(
        `WITH hh AS (SELECT unnest($2::uuid[]) AS id),
              hh_alle AS (SELECT id FROM hh UNION SELECT h.id FROM household h WHERE h.samengevoegd_in IN (SELECT id FROM hh)),
              pp AS (SELECT unnest($3::uuid[]) AS id),
              pp_alle AS (SELECT id FROM pp UNION SELECT pi.person_id FROM person_identiteit pi WHERE pi.identiteit_id IN (SELECT id FROM pp))
         SELECT 'c' AS soort, c.id::text AS id FROM contact c WHERE c.household_id IN (SELECT id FROM hh_alle)
         UNION SELECT 'c', cp.contact_id::text FROM contact_person cp WHERE cp.person_id IN (SELECT id FROM pp_alle)
         UNION SELECT 'h', coalesce(h.samengevoegd_in, c.household_id)::text FROM contact c LEFT JOIN household h ON h.id = c.household_id AND h.region_id = c.region_id
               WHERE c.id = ANY($1::uuid[]) AND c.household_id IS NOT NULL
         UNION SELECT 'p', coalesce(pi.identiteit_id, cp.person_id)::text FROM contact_person cp LEFT JOIN person_identiteit pi ON pi.person_id = cp.person_id
               WHERE cp.contact_id = ANY($1::uuid[])`,
        [nieuweC, nieuweH, nieuweP],
      )
    ).rows;
    for (const c of nieuweC) gezien.add(c);
    const c2: string[] = [];
    const h2: string[] = [];
    const p2: string[] = [];
    for (const row of r) {
      if (row.soort === 'c' && !gezien.has(row.id)) {
        gezien.add(row.id);
        c2.push(row.id);
      } else if (row.soort === 'h' && !hhGezien.has(row.id)) h2.push(row.id);
      else if (row.soort === 'p' && !pGezien.has(row.id)) p2.push(row.id);
    }
    // The contacts found in this round still need their keys looked up: they are the next round's new contacts.
    nieuweC = c2;
    nieuweH = h2;
    nieuweP = p2;
    if (ronde > 10_000) throw new Error('verbondenContacten: geen einde');
  }
  return [...gezien];
}

/**
 * The connected groups of a whole region (contacts linked by a household or a person identity), read as
 * keys only and joined with union-find, so a national region is rebuilt group by group in bounded memory.
 * Returns batches of contact ids of about `batch` contacts, each holding whole groups.
 */
export async function groepenVanRegio(tx: Queryable, regionId: string, batch = 20_000, pagina = 50_000): Promise<string[][]> {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const ouder: number[] = [];
  const vind = (i: number): number => {
    while (ouder[i] !== i) {
      ouder[i] = ouder[ouder[i]!]!;
      i = ouder[i]!;
    }
    return i;
  };
  const sleutelEerste = new Map<string, number>();
  const verbind = (i: number, sleutel: string) => {
    const j = sleutelEerste.get(sleutel);
    if (j === undefined) sleutelEerste.set(sleutel, i);
    else {
      const a = vind(i);
      const b = vind(j);
      if (a !== b) ouder[a] = b;
    }
  };
  let na = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (
      await tx.query<{ id: string; hh: string | null }>(
        `SELECT c.id::text AS id, coalesce(h.samengevoegd_in, c.household_id)::text AS hh FROM contact c
         LEFT JOIN household h ON h.id = c.household_id AND h.region_id = c.region_id
         WHERE c.region_id = $1 AND c.id > $2::uuid ORDER BY c.id LIMIT $3`,
        [regionId, na, pagina],
      )
    ).rows;
    for (const r of rows) {
      const i = ids.length;
      ids.push(r.id);
      index.set(r.id, i);
      ouder.push(i);
      if (r.hh) verbind(i, `h:${r.hh}`);
    }
    if (rows.length < pagina) break;
    na = rows[rows.length - 1]!.id;
  }
  na = '00000000-0000-0000-0000-000000000000';
  let naPersoon = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (
      await tx.query<{ contact_id: string; person_id: string; p: string }>(
        `SELECT cp.contact_id::text AS contact_id, cp.person_id::text AS person_id, coalesce(pi.identiteit_id, cp.person_id)::text AS p FROM contact_person cp
         LEFT JOIN person_identiteit pi ON pi.person_id = cp.person_id
         WHERE cp.region_id = $1 AND (cp.contact_id, cp.person_id) > ($2::uuid, $3::uuid) ORDER BY cp.contact_id, cp.person_id LIMIT $4`,
        [regionId, na, naPersoon, pagina],
      )
    ).rows;
    for (const r of rows) {
      const i = index.get(r.contact_id);
      if (i !== undefined) verbind(i, `p:${r.p}`);
    }
    if (rows.length < pagina) break;
    na = rows[rows.length - 1]!.contact_id;
    naPersoon = rows[rows.length - 1]!.person_id;
  }
  const groepen = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const w = vind(i);
    const g = groepen.get(w);
    if (g) g.push(id);
    else groepen.set(w, [id]);
  });
  const uit: string[][] = [];
  let cur: string[] = [];
  for (const g of groepen.values()) {
    if (cur.length > 0 && cur.length + g.length > batch) {
      uit.push(cur);
      cur = [];
    }
    cur.push(...g);
  }
  if (cur.length > 0) uit.push(cur);
  return uit;
}
