/**
 * What the dossier shows beyond persons and contacts: whether the household is an active dossier, who
 * has regie and how to reach them, the relations between its members, the plan's phase, the check
 * moments, the assessment of each contact, and one timeline of everything that happened. Read in the
 * caller's transaction after the caller checked the actor may read the household; none of it is
 * organisation-private (notes stay in `notitie`) and none of it names a melder.
 */
import { BESLUIT_NAMEN, FASE_NAMEN, REGIE_NAMEN, type BesluitSoort, type Fase, type RegieSoort, type RelatieType } from '@samenveilig/domain';
import type { Queryable } from '../db/database.js';
import { regieVan } from './regie.js';

export interface TijdlijnItem {
  op: string;
  soort: 'contact' | 'besluit' | 'overdracht' | 'regie' | 'plan' | 'fase' | 'controle' | 'top3';
  tekst: string;
  door: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function dossierAanvulling(tx: Queryable, householdId: string) {
  const h = (await tx.query<{ actief_sinds: Date | null; afgesloten_op: Date | null }>(`SELECT actief_sinds, afgesloten_op FROM household WHERE id = $1`, [householdId])).rows[0]!;
  const regie = await regieVan(tx, householdId);
  const relaties = (
    await tx.query<{ van: string; naar: string; type: RelatieType }>(
      `SELECT r.van_person_id AS van, r.naar_person_id AS naar, r.type FROM person_relation r
       WHERE r.van_person_id IN (SELECT person_id FROM household_member WHERE household_id = $1)
          OR r.naar_person_id IN (SELECT person_id FROM household_member WHERE household_id = $1)
       ORDER BY r.type, r.van_person_id, r.naar_person_id`,
      [householdId],
    )
  ).rows;
  const voorstellen = (
    await tx.query<{ id: string; soort: RegieSoort; naar: string; door: string; op: Date }>(
      `SELECT v.id, v.soort, n.naam AS naar, d.naam AS door, v.voorgesteld_op AS op FROM regie_voorstel v
       JOIN app_user n ON n.id = v.naar_user_id AND n.region_id = v.region_id JOIN app_user d ON d.id = v.voorgesteld_door AND d.region_id = v.region_id
       WHERE v.household_id = $1 AND v.status = 'voorgesteld' ORDER BY v.voorgesteld_op`,
      [householdId],
    )
  ).rows;
  const plan = (await tx.query<{ fase: Fase; versie: number; fase_sinds: Date }>(`SELECT fase, versie, fase_sinds FROM veiligheidsplan WHERE household_id = $1`, [householdId])).rows[0];
  const controles = (
    await tx.query<{ id: string; maanden: number; gepland_op: string; status: 'gepland' | 'afgerond'; uitkomst: 'veilig' | 'zorgen' | 'onveilig' | null }>(
      `SELECT id, maanden, gepland_op::text AS gepland_op, status, uitkomst FROM controlemoment WHERE household_id = $1 ORDER BY gepland_op, maanden`,
      [householdId],
    )
  ).rows;
  const beoordelingen = (
    await tx.query<{ contact_id: string; id: string; status: string; besluit_soort: BesluitSoort | null; afgerond_op: Date | null }>(
      `SELECT b.contact_id, b.id, b.status, b.besluit_soort, b.afgerond_op FROM beoordeling b JOIN contact c ON c.id = b.contact_id AND c.region_id = b.region_id
       WHERE c.household_id = $1`,
      [householdId],
    )
  ).rows;
  return {
    actief: h.actief_sinds ? { sinds: iso(h.actief_sinds), afgeslotenOp: h.afgesloten_op ? iso(h.afgesloten_op) : null } : null,
    regie,
    regieVoorstellen: voorstellen.map((v) => ({ id: v.id, soort: v.soort, naar: v.naar, voorgesteldDoor: v.door, voorgesteldOp: iso(v.op) })),
    relaties,
    plan: plan ? { fase: plan.fase, versie: plan.versie, faseSinds: iso(plan.fase_sinds) } : null,
    controlemomenten: controles.map((c) => ({ id: c.id, maanden: c.maanden, geplandOp: c.gepland_op, status: c.status, uitkomst: c.uitkomst })),
    beoordelingen: new Map(
      beoordelingen.map((b) => [b.contact_id, { id: b.id, status: b.status, besluit: b.besluit_soort ? BESLUIT_NAMEN[b.besluit_soort] : null, afgerondOp: b.afgerond_op ? iso(b.afgerond_op) : null }]),
    ),
    tijdlijn: await tijdlijn(tx, householdId),
  };
}

/** Everything that happened to the household, newest first. */
export async function tijdlijn(tx: Queryable, householdId: string): Promise<TijdlijnItem[]> {
  const items: TijdlijnItem[] = [];
  const contacten = (
    await tx.query<{ type: string; kanaal: string; ontvangen_op: Date }>(`SELECT type, kanaal, ontvangen_op FROM contact WHERE household_id = $1 AND status = 'actief'`, [householdId])
  ).rows;
  for (const c of contacten) {
    items.push({ op: iso(c.ontvangen_op), soort: 'contact', tekst: `${c.type === 'melding' ? 'Melding' : 'Adviesvraag'} ontvangen door Veilig Thuis (${c.kanaal})`, door: null });
  }
  const besluiten = (
    await tx.query<{ soort: BesluitSoort; op: Date; naam: string }>(
      `SELECT s.soort, s.beoordeeld_op AS op, u.naam FROM besluit s JOIN beoordeling b ON b.id = s.beoordeling_id AND b.region_id = s.region_id
       JOIN contact c ON c.id = b.contact_id AND c.region_id = b.region_id JOIN app_user u ON u.id = s.beoordeeld_door AND u.region_id = s.region_id
       WHERE c.household_id = $1 AND s.status = 'bevestigd'`,
      [householdId],
    )
  ).rows;
  for (const b of besluiten) items.push({ op: iso(b.op), soort: 'besluit', tekst: `Besluit van Veilig Thuis: ${BESLUIT_NAMEN[b.soort].toLowerCase()}`, door: b.naam });
  const overdrachten = (
    await tx.query<{ naar: string; status: string; voorgesteld_op: Date; beantwoord_op: Date | null; reden: string | null }>(
      `SELECT o2.naam AS naar, o.status, o.voorgesteld_op, o.beantwoord_op, o.reden FROM overdracht o JOIN organisation o2 ON o2.id = o.naar_organisation_id AND o2.region_id = o.region_id
       WHERE o.household_id = $1`,
      [householdId],
    )
  ).rows;
  for (const o of overdrachten) {
    items.push({ op: iso(o.voorgesteld_op), soort: 'overdracht', tekst: `Overdracht voorgesteld aan ${o.naar}`, door: null });
    if (o.beantwoord_op) {
      items.push({ op: iso(o.beantwoord_op), soort: 'overdracht', tekst: `${o.naar} heeft de overdracht ${o.status === 'geaccepteerd' ? 'geaccepteerd' : 'geweigerd'}`, door: null });
    }
  }
  const regie = (
    await tx.query<{ soort: RegieSoort; naam: string; organisatie: string; sinds: Date; tot: Date | null }>(
      `SELECT r.soort, u.naam, o.naam AS organisatie, r.sinds, r.tot FROM household_regie r JOIN app_user u ON u.id = r.user_id AND u.region_id = r.region_id
       JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id WHERE r.household_id = $1`,
      [householdId],
    )
  ).rows;
  for (const r of regie) {
    items.push({ op: iso(r.sinds), soort: 'regie', tekst: `${r.naam} (${r.organisatie}) is ${REGIE_NAMEN[r.soort].toLowerCase()}`, door: null });
    if (r.tot) items.push({ op: iso(r.tot), soort: 'regie', tekst: `${REGIE_NAMEN[r.soort]} van ${r.naam} beëindigd`, door: null });
  }
  const versies = (
    await tx.query<{ versie: number; fase: Fase; op: Date; naam: string | null; toelichting: string | null }>(
      `SELECT v.versie, v.fase, v.op, u.naam, v.toelichting FROM veiligheidsplan_versie v JOIN veiligheidsplan p ON p.id = v.plan_id AND p.region_id = v.region_id
       LEFT JOIN app_user u ON u.id = v.auteur_id AND u.region_id = v.region_id WHERE p.household_id = $1 ORDER BY v.versie`,
      [householdId],
    )
  ).rows;
  let vorigeFase: Fase | null = null;
  for (const v of versies) {
    const toelichting = v.toelichting ? `: ${v.toelichting}` : '';
    if (vorigeFase === null) items.push({ op: iso(v.op), soort: 'plan', tekst: `Veiligheidsplan gestart (fase ${FASE_NAMEN[v.fase].toLowerCase()})`, door: v.naam });
    else if (v.fase !== vorigeFase) items.push({ op: iso(v.op), soort: 'fase', tekst: `Fase van ${FASE_NAMEN[vorigeFase].toLowerCase()} naar ${FASE_NAMEN[v.fase].toLowerCase()}${toelichting}`, door: v.naam });
    else items.push({ op: iso(v.op), soort: 'plan', tekst: `Veiligheidsplan bijgewerkt (versie ${v.versie})${toelichting}`, door: v.naam });
    vorigeFase = v.fase;
  }
  const controles = (
    await tx.query<{ maanden: number; uitkomst: string; op: Date; naam: string | null }>(
      `SELECT c.maanden, c.uitkomst, c.afgerond_op AS op, u.naam FROM controlemoment c LEFT JOIN app_user u ON u.id = c.afgerond_door AND u.region_id = c.region_id
       WHERE c.household_id = $1 AND c.status = 'afgerond'`,
      [householdId],
    )
  ).rows;
  const UITKOMST: Record<string, string> = { veilig: 'veilig', zorgen: 'er zijn zorgen', onveilig: 'niet veilig' };
  for (const c of controles) items.push({ op: iso(c.op), soort: 'controle', tekst: `Controle door Veilig Thuis na ${c.maanden} maanden: ${UITKOMST[c.uitkomst] ?? c.uitkomst}`, door: c.naam });
  const sessies = (
    await tx.query<{ fase: Fase; op: Date; naam: string | null }>(
      `SELECT s.fase, s.vastgesteld_op AS op, u.naam FROM top3_sessie s LEFT JOIN app_user u ON u.id = s.vastgesteld_door AND u.region_id = s.region_id
       WHERE s.household_id = $1 AND s.status = 'vastgesteld'`,
      [householdId],
    )
  ).rows;
  for (const s of sessies) items.push({ op: iso(s.op), soort: 'top3', tekst: `TOP-3 vastgesteld (fase ${FASE_NAMEN[s.fase].toLowerCase()})`, door: s.naam });
  return items.sort((a, b) => (a.op < b.op ? 1 : a.op > b.op ? -1 : 0));
}
