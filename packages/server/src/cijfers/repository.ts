/**
 * The figures of issue 6 as the API serves them, and the work that keeps them fresh:
 * - `cijfersVoor`: the dashboard answer for one period and area (installation, region, gemeente), with the
 *   areas one level down and a series over five years, protected for aggregate-only roles;
 * - `herberekenCijfers`: rebuilds facts and cells from the records (after a bulk load);
 * - `werkCijfersBij`: one bounded step of the incremental update (the background job calls it).
 * The definitions are the domain's (packages/domain/src/cijfers); docs/cijfers.md describes the design.
 */
import {
  AGGREGATE_ONLY_ROLLEN,
  beschermKerncijferBoom,
  can,
  CIJFERS,
  natermijnVerstreken,
  parsePeriode,
  periodeGrenzen,
  periodenPerJaar,
  periodeNaam,
  periodeSleutel,
  REGIONS,
  type Actor,
  type Cel,
  type Kerncijfers,
  type Periode,
  type PeriodeSoort,
} from '@samenveilig/domain';
import { appendAudit, weigering, type AuditEvent } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { getInstellingen } from '../repositories/instellingen.js';
import type { AuditBase } from '../repositories/common.js';
import { herberekenCellen, INSTALLATIE, kwartalenVan, periodenVanKwartalen, type CelWaarden, type Niveau } from './cellen.js';
import { berekenFeiten, feitTekst, groepenVanRegio, leesFeiten, leesInvoer, schrijfFeiten, verbondenContacten, type Feit } from './feiten.js';

export { INSTALLATIE } from './cellen.js';

// ---------------------------------------------------------------------------------------------
// The answer

export type GebiedSoort = 'installatie' | 'regio' | 'gemeente';

export interface CijfersVraag {
  /** "2025", "2025-H1", "2025-K3". */
  periode: string;
  /** A region id or "nl" (the whole installation); default the actor's region. */
  regio?: string | undefined;
  /** A CBS gemeentecode of the region. */
  gemeente?: string | undefined;
}

export interface CijferDefinitieUit {
  code: string;
  naam: string;
  eenheid: string;
  variabele: string;
  cbs: string | null;
}

export interface CijfersAntwoord {
  periode: { sleutel: string; soort: PeriodeSoort; naam: string; van: string; tot: string };
  gebied: { soort: GebiedSoort; code: string; naam: string };
  beschermd: boolean;
  afronden: boolean;
  bijgewerktOp: string;
  definities: CijferDefinitieUit[];
  totaal: Record<string, Cel>;
  delen: { soort: 'regio' | 'gemeente'; code: string; naam: string; cijfers: Record<string, Cel> }[];
  reeks: { periode: string; naam: string; cijfers: Record<string, Cel> }[];
}

/** The name of the whole installation as an area. */
export const INSTALLATIE_NAAM = 'Hele installatie (alle regio’s)';

/** Years of history in the series. */
const REEKS_JAREN = 5;

const ongeldig = (veld: string, message: string) => new AppError('ongeldige_invoer', message, [{ path: `querystring.${veld}`, message }]);

/** The period of a key, or a 400 naming the field. */
export function leesPeriode(sleutel: string, now: Date): Periode {
  const p = parsePeriode(sleutel);
  const maxJaar = now.getUTCFullYear() + 1;
  if (!p) throw ongeldig('periode', `periode: "${sleutel.slice(0, 20)}" is geen periode; gebruik een jaar (2025), een halfjaar (2025-H1) of een kwartaal (2025-K3).`);
  if (p.jaar < 2000 || p.jaar > maxJaar) throw ongeldig('periode', `periode: kies een jaar van 2000 tot en met ${maxJaar}.`);
  return p;
}

/** The periods of the series: of the same kind, five years up to and including p, oldest first. */
export function reeksPerioden(p: Periode): Periode[] {
  const n = REEKS_JAREN * periodenPerJaar(p.soort);
  const uit: Periode[] = [];
  let cur = p;
  for (let i = 0; i < n; i++) {
    uit.unshift(cur);
    cur = cur.nummer > 1 ? { ...cur, nummer: cur.nummer - 1 } : { ...cur, jaar: cur.jaar - 1, nummer: periodenPerJaar(cur.soort) };
  }
  return uit;
}

/** Same formula as the domain's kerncijfers (one decimal). */
const pct = (teller: number, noemer: number) => (noemer === 0 ? null : Math.round((teller / noemer) * 1000) / 10);

/** Meldingen of a cell not assessed and past their legal / regional deadline at the moment of reading. */
interface TeLaat {
  wettelijk: number;
  regionaal: number;
}

/**
 * The figures of one cell at `now`, in the shape of the domain's `kerncijfers` (a test recounts with it):
 * the stored counts, the meldingen past their deadline added to timeliness, the shares, the median from its
 * two middle values, recidivism only once the 12 months after the period have passed.
 */
export function kerncijfersUitCel(w: CelWaarden | undefined, teLaat: TeLaat, periode: Periode, now: Date): Kerncijfers {
  const n = (code: string) => (w?.[code] as number | undefined) ?? 0;
  const r: Record<string, number | null> = {};
  for (const c of CIJFERS) if (c.eenheid === 'aantal') r[c.code] = n(c.code);
  r['huisverbod-beoordelingen'] = null;
  r['getoetst-wettelijke-termijn'] = n('beoordeeld') + teLaat.wettelijk;
  r['getoetst-regionale-termijn'] = n('beoordeeld') + teLaat.regionaal;
  r['pct-bekend-huishouden'] = pct(n('bekend-huishouden'), n('meldingen'));
  r['pct-melder-politie'] = pct(n('melder.politie'), n('meldingen'));
  r['pct-overgedragen'] = pct(n('overgedragen'), n('beoordeeld'));
  r['pct-binnen-wettelijke-termijn'] = pct(n('binnen-wettelijke-termijn'), r['getoetst-wettelijke-termijn']);
  r['pct-binnen-regionale-termijn'] = pct(n('binnen-regionale-termijn'), r['getoetst-regionale-termijn']);
  const lo = w?._mediaan_lo ?? null;
  const hi = w?._mediaan_hi ?? null;
  // The domain takes the median of hours: the mean of the two middle values (one value for an odd count).
  r['mediaan-uren-tot-beoordeling'] = lo === null || hi === null ? null : Math.round(((lo / 3_600_000 + hi / 3_600_000) / 2) * 10) / 10;
  if (natermijnVerstreken(periode, now)) {
    const cohort = n('_recidive_cohort');
    const opnieuw = n('_recidive_opnieuw');
    r['recidive-cohort'] = cohort;
    r['recidive-opnieuw-gemeld'] = opnieuw;
    r['pct-recidive'] = pct(opnieuw, cohort);
  } else {
    r['recidive-cohort'] = null;
    r['recidive-opnieuw-gemeld'] = null;
    r['pct-recidive'] = null;
  }
  return r;
}

const zichtbaar = (k: Kerncijfers): Record<string, Cel> =>
  Object.fromEntries(CIJFERS.map((c) => [c.code, k[c.code] === null || k[c.code] === undefined ? { status: 'nvt' } : { status: 'zichtbaar', waarde: k[c.code]! }]));

/** Protection is a pure function of its input: remember recent results (past periods do not change). */
const beschermCache = new Map<string, Record<string, Cel>[]>();
function beschermBoom(knopen: { cijfers: Kerncijfers; ouder: number | null }[], afronden: boolean): Record<string, Cel>[] {
  const key = JSON.stringify([afronden, knopen.map((k) => [k.ouder, CIJFERS.map((c) => k.cijfers[c.code] ?? null)])]);
  const hit = beschermCache.get(key);
  if (hit) {
    beschermCache.delete(key);
    beschermCache.set(key, hit);
    return hit;
  }
  const uit = beschermKerncijferBoom(knopen, { afronden });
  beschermCache.set(key, uit);
  while (beschermCache.size > 500) beschermCache.delete(beschermCache.keys().next().value!);
  return uit;
}

interface Gebied {
  soort: GebiedSoort;
  code: string;
  naam: string;
}

/**
 * The figures for one period and area, for this actor. Aggregate-only roles (beleidsmedewerker) get
 * protected cells: every area they can open — the installation, every region, the gemeenten of their own
 * region — is protected as one system per period, so a cell hidden in one view is hidden in every view.
 * Reading is audited ('cijfers.lezen'); another region than the actor's own (or "nl") is a 404.
 */
export async function cijfersVoor(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  vraag: CijfersVraag,
  now: Date = new Date(),
  /** What the audit row records (an export names its format). */
  auditAls: { actie: string; doel?: string } = { actie: 'cijfers.lezen' },
): Promise<CijfersAntwoord> {
  const periode = leesPeriode(vraag.periode, now);
  const regio = vraag.regio ?? actor.regionId;
  const auditEvent = (uitkomst: string, recordId: string | null): AuditEvent => ({
    ...audit,
    regionId: actor.regionId,
    actie: auditAls.actie,
    recordType: 'cijfers',
    recordId,
    doel: `${auditAls.doel ? `${auditAls.doel}, ` : ''}periode ${periodeSleutel(periode)}`,
    uitkomst,
  });
  return db.transaction(async (tx) => {
    if ((regio !== INSTALLATIE && regio !== actor.regionId) || !can(actor, 'read', { type: 'cijfers', regionId: actor.regionId }, now)) {
      throw weigering(new AppError('niet_gevonden', 'Regio niet gevonden.'), [auditEvent('niet-gevonden', regio.slice(0, 100))]);
    }
    const eigenGemeenten = (await tx.query<{ code: string; naam: string }>(`SELECT code, naam FROM gemeente WHERE region_id = $1 ORDER BY naam`, [actor.regionId])).rows;
    if (vraag.gemeente !== undefined) {
      if (regio === INSTALLATIE) throw ongeldig('gemeente', 'gemeente: kies bij een gemeente ook haar regio (niet "nl").');
      if (!eigenGemeenten.some((g) => g.code === vraag.gemeente)) throw ongeldig('gemeente', `gemeente: "${vraag.gemeente.slice(0, 20)}" is geen gemeente van deze regio.`);
    }
    const regios = (await tx.query<{ id: string; naam: string }>(`SELECT id, naam FROM region ORDER BY naam`)).rows;
    // Exact figures only through a role that may read them and may see persons; a role that sees aggregates
    // only (beleidsmedewerker) gets protected cells, also when the user has other roles without figures.
    const exact = can({ ...actor, roles: actor.roles.filter((r) => !AGGREGATE_ONLY_ROLLEN.includes(r)) }, 'read', { type: 'cijfers', regionId: actor.regionId }, now);
    const beschermd = !exact;
    const afronden = beschermd && (await tx.query<{ a: boolean }>(`SELECT cijfers_afronden AS a FROM regio_instelling WHERE region_id = $1`, [actor.regionId])).rows[0]?.a === true;

    const perioden = reeksPerioden(periode);
    const sleutels = perioden.map(periodeSleutel);
    const kwartalen = [...new Set(sleutels.flatMap(kwartalenVan))];
    // Every cell the answer can need: the installation, every region, the gemeenten of the actor's region.
    // One statement at a time: a transaction is one connection.
    const cellen = await tx.query<{ periode: string; soort: Niveau; code: string; waarden: CelWaarden }>(
      `SELECT periode, soort, code, waarden FROM cijfer_cel WHERE periode = ANY($1::text[]) AND (soort <> 'gemeente' OR region_id = $2)`,
      [sleutels, actor.regionId],
    );
    const open = await tx.query<{ q: string; gemeente: string; region_id: string; w: number; r: number }>(
      `SELECT melding_kwartaal AS q, gemeente, region_id, count(*) FILTER (WHERE deadline_wettelijk < $2) AS w, count(*) FILTER (WHERE deadline_regionaal < $2) AS r
       FROM cijfer_feit WHERE beoordeeld_op IS NULL AND deadline_wettelijk IS NOT NULL AND melding_op IS NOT NULL AND melding_kwartaal = ANY($1::text[])
       GROUP BY 1, 2, 3`,
      [kwartalen, now.toISOString()],
    );
    const vuil = await tx.query<{ op: Date | null }>(`SELECT min(op) AS op FROM cijfer_vuil WHERE $1::text IS NULL OR region_id = $1`, [regio === INSTALLATIE ? null : actor.regionId]);
    const celMap = new Map(cellen.rows.map((c) => [`${c.periode}|${c.soort}|${c.code}`, c.waarden]));
    // Gemeente codes of the region that only occur in the records (a code retired by a municipal merger).
    const gemeenten = [...eigenGemeenten];
    for (const c of cellen.rows) if (c.soort === 'gemeente' && !gemeenten.some((g) => g.code === c.code)) gemeenten.push({ code: c.code, naam: c.code });
    const teLaat = new Map<string, TeLaat>();
    const telOp = (k: string, w: number, r: number) => {
      const t = teLaat.get(k) ?? { wettelijk: 0, regionaal: 0 };
      teLaat.set(k, { wettelijk: t.wettelijk + w, regionaal: t.regionaal + r });
    };
    for (const o of open.rows) {
      for (const p of perioden) {
        const s = periodeSleutel(p);
        if (!kwartalenVan(s).includes(o.q)) continue;
        telOp(`${s}|gemeente|${o.gemeente}`, Number(o.w), Number(o.r));
        telOp(`${s}|regio|${o.region_id}`, Number(o.w), Number(o.r));
        telOp(`${s}|installatie|${INSTALLATIE}`, Number(o.w), Number(o.r));
      }
    }
    const GEEN: TeLaat = { wettelijk: 0, regionaal: 0 };
    const kc = (p: Periode, soort: Niveau, code: string) => {
      const k = `${periodeSleutel(p)}|${soort}|${code}`;
      return kerncijfersUitCel(celMap.get(k), teLaat.get(k) ?? GEEN, p, now);
    };

    const installatie: Gebied = { soort: 'installatie', code: INSTALLATIE, naam: INSTALLATIE_NAAM };
    const regioGebieden: Gebied[] = regios.map((r) => ({ soort: 'regio', code: r.id, naam: r.naam }));
    const eigenRegio = regioGebieden.find((r) => r.code === actor.regionId) ?? { soort: 'regio' as const, code: actor.regionId, naam: REGIONS.find((r) => r.id === actor.regionId)?.naam ?? actor.regionId };
    const gemeenteGebieden: Gebied[] = gemeenten.map((g) => ({ soort: 'gemeente', code: g.code, naam: g.naam }));
    const gebied: Gebied =
      regio === INSTALLATIE ? installatie : vraag.gemeente !== undefined ? gemeenteGebieden.find((g) => g.code === vraag.gemeente)! : eigenRegio;
    const delenGebieden: Gebied[] = gebied.soort === 'installatie' ? regioGebieden : gebied.soort === 'regio' ? gemeenteGebieden : [];

    /** The cells of the area and its parts in one period. */
    const cellenVan = (p: Periode): { totaal: Record<string, Cel>; delen: Record<string, Cel>[] } => {
      if (!beschermd) return { totaal: zichtbaar(kc(p, gebied.soort, gebied.code)), delen: delenGebieden.map((d) => zichtbaar(kc(p, d.soort, d.code))) };
      // One system: installation (root), every region, the gemeenten of the actor's region.
      const knopen = [
        { cijfers: kc(p, 'installatie', INSTALLATIE), ouder: null },
        ...regioGebieden.map((r) => ({ cijfers: kc(p, 'regio', r.code), ouder: 0 })),
      ];
      const eigenIndex = 1 + regioGebieden.findIndex((r) => r.code === actor.regionId);
      const gemeenteStart = knopen.length;
      knopen.push(...gemeenteGebieden.map((g) => ({ cijfers: kc(p, 'gemeente', g.code), ouder: eigenIndex > 0 ? eigenIndex : null })));
      const uit = beschermBoom(knopen, afronden);
      const van = (g: Gebied) =>
        g.soort === 'installatie' ? uit[0]! : g.soort === 'regio' ? uit[1 + regioGebieden.findIndex((r) => r.code === g.code)]! : uit[gemeenteStart + gemeenteGebieden.findIndex((x) => x.code === g.code)]!;
      return { totaal: van(gebied), delen: delenGebieden.map(van) };
    };

    const nu = cellenVan(periode);
    const reeks = perioden.map((p) => ({
      periode: periodeSleutel(p),
      naam: periodeNaam(p),
      cijfers: periodeSleutel(p) === periodeSleutel(periode) ? nu.totaal : cellenVan(p).totaal,
    }));
    const grenzen = periodeGrenzen(periode);
    const vuilOp = vuil.rows[0]?.op ? new Date(vuil.rows[0].op) : null;
    await appendAudit(tx, [auditEvent('ok', gebied.code)], now);
    return {
      periode: { sleutel: periodeSleutel(periode), soort: periode.soort, naam: periodeNaam(periode), van: grenzen.van.toISOString(), tot: grenzen.tot.toISOString() },
      gebied,
      beschermd,
      afronden,
      bijgewerktOp: (vuilOp && vuilOp.getTime() < now.getTime() ? vuilOp : now).toISOString(),
      definities: CIJFERS.map((c) => ({ code: c.code, naam: c.naam, eenheid: c.eenheid, variabele: c.variabele, cbs: c.cbs })),
      totaal: nu.totaal,
      delen: delenGebieden.map((d, i) => ({ soort: d.soort as 'regio' | 'gemeente', code: d.code, naam: d.naam, cijfers: nu.delen[i]! })),
      reeks,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface CijferInstellingen {
  afronden: boolean;
  versie: number;
}

export async function getCijferInstellingen(db: Queryable, regionId: string): Promise<CijferInstellingen> {
  const r = (await db.query<{ a: boolean; versie: number }>(`SELECT cijfers_afronden AS a, versie FROM regio_instelling WHERE region_id = $1`, [regionId])).rows[0];
  return { afronden: r?.a ?? false, versie: r?.versie ?? 0 };
}

/** Stores whether visible counts are rounded for aggregate-only roles; versie guards against a concurrent change (409). */
export async function updateCijferInstellingen(db: Database, actor: Actor, audit: AuditBase, input: CijferInstellingen, now = new Date()): Promise<CijferInstellingen> {
  return db.transaction(async (tx) => {
    const current = (await tx.query<{ versie: number }>(`SELECT versie FROM regio_instelling WHERE region_id = $1 FOR UPDATE`, [actor.regionId])).rows[0];
    if ((current?.versie ?? 0) !== input.versie) {
      throw new AppError('conflict', 'De instellingen zijn intussen door iemand anders gewijzigd. Herlaad de pagina en probeer het opnieuw.');
    }
    const t = await getInstellingen(tx, actor.regionId);
    const saved = (
      await tx.query<{ a: boolean; versie: number }>(
        `INSERT INTO regio_instelling (region_id, acuut_minuten, beoordeling_eenheid, beoordeling_aantal, onderzoek_weken, dagen_zonder_geweld, controle_maanden, cijfers_afronden, versie, bijgewerkt_op, bijgewerkt_door)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10)
         ON CONFLICT (region_id) DO UPDATE SET cijfers_afronden = EXCLUDED.cijfers_afronden,
           versie = regio_instelling.versie + 1, bijgewerkt_op = EXCLUDED.bijgewerkt_op, bijgewerkt_door = EXCLUDED.bijgewerkt_door
         RETURNING cijfers_afronden AS a, versie`,
        [actor.regionId, t.acuutMinuten, t.beoordeling.eenheid, t.beoordeling.aantal, t.onderzoekWeken, t.dagenZonderGeweld, [...t.controleMaanden], input.afronden, now.toISOString(), actor.id],
      )
    ).rows[0]!;
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'instellingen.cijfers.wijzigen', recordType: 'regio_instelling', recordId: actor.regionId, doel: `afronden op 5: ${input.afronden ? 'ja' : 'nee'}`, uitkomst: 'ok' },
    ]);
    return { afronden: saved.a, versie: saved.versie };
  });
}

// ---------------------------------------------------------------------------------------------
// Keeping the figures fresh

/** The advisory lock of the figures' writers: one rebuild or update step at a time (several processes may run the job). */
const LOCK_KEY = 7_362_657_637;

const SOORTEN: readonly PeriodeSoort[] = ['kwartaal', 'halfjaar', 'jaar'];

/** Recomputes the cells of these quarters' periods for the areas given. */
async function werkCellenBij(tx: Queryable, kwartalen: Set<string>, gemeenten: Set<string>, regios: Set<string>, now: Date): Promise<void> {
  if (kwartalen.size === 0) return;
  const perioden = periodenVanKwartalen(kwartalen);
  for (const soort of SOORTEN) {
    await herberekenCellen(tx, 'gemeente', soort, perioden[soort], [...gemeenten], now);
    await herberekenCellen(tx, 'regio', soort, perioden[soort], [...regios], now);
    await herberekenCellen(tx, 'installatie', soort, perioden[soort], null, now);
  }
}

function kwartalenVanFeit(f: Feit, uit: Set<string>) {
  for (const q of [f.adviesKwartaal, f.meldingKwartaal, f.interventieKwartaal]) if (q) uit.add(q);
}

/**
 * One step of the incremental update: takes up to `max` marks of what changed (oldest first), recomputes
 * the facts of the connected groups of records they touch with the domain's definitions, and recounts the
 * cells of the periods and areas whose facts changed — in one transaction, so a failure leaves the marks.
 * Returns the number of marks taken (0 when there were none, or another process holds the lock).
 */
export async function werkCijfersBij(db: Database, max = 500, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await tx.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock($1) AS ok`, [LOCK_KEY])).rows[0]!.ok) return 0;
    const marks = (
      await tx.query<{ sleutel: string }>(
        `DELETE FROM cijfer_vuil WHERE sleutel IN (SELECT sleutel FROM cijfer_vuil ORDER BY op, sleutel LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING sleutel`,
        [max],
      )
    ).rows;
    if (marks.length === 0) return 0;
    const start = { contacten: [] as string[], huishoudens: [] as string[], identiteiten: [] as string[] };
    for (const { sleutel } of marks) {
      const id = sleutel.slice(2);
      if (!/^[0-9a-f-]{36}$/i.test(id)) continue;
      (sleutel[0] === 'c' ? start.contacten : sleutel[0] === 'h' ? start.huishoudens : start.identiteiten).push(id);
    }
    // The group now, and the groups the contacts belonged to when their facts were computed (a group may fall apart).
    let ids = await verbondenContacten(tx, start);
    let oud = await leesFeiten(tx, ids);
    for (let i = 0; i < 10; i++) {
      const bekend = new Set(ids);
      const h = new Set<string>();
      const p = new Set<string>();
      for (const f of oud) {
        if (f.huishouden.startsWith('h:')) h.add(f.huishouden.slice(2));
        for (const x of f.personen) p.add(x);
      }
      const meer = await verbondenContacten(tx, { contacten: ids, huishoudens: [...h], identiteiten: [...p] });
      if (meer.every((c) => bekend.has(c))) break;
      ids = meer;
      oud = await leesFeiten(tx, ids);
    }
    const nieuw = berekenFeiten(await leesInvoer(tx, ids));
    const oudPer = new Map(oud.map((f) => [f.contactId, f]));
    const veranderd = nieuw.filter((f) => {
      const o = oudPer.get(f.contactId);
      return !o || feitTekst(o) !== feitTekst(f);
    });
    if (veranderd.length === 0) return marks.length;
    await schrijfFeiten(tx, veranderd, now);
    const kwartalen = new Set<string>();
    const gemeenten = new Set<string>();
    const regios = new Set<string>();
    for (const f of veranderd) {
      for (const x of [f, oudPer.get(f.contactId)]) {
        if (!x) continue;
        kwartalenVanFeit(x, kwartalen);
        gemeenten.add(x.gemeente);
        regios.add(x.regionId);
      }
    }
    await werkCellenBij(tx, kwartalen, gemeenten, regios, now);
    return marks.length;
  });
}

/**
 * Rebuilds the facts and cells from the records: of one region, or of every region (then also every cell of
 * the installation). For bulk loads (demo, generator, import) and after an upgrade; each region in one
 * transaction that first takes the marks of that region, so a change made meanwhile is marked again.
 */
export async function herberekenCijfers(db: Database, regionId?: string, now: Date = new Date()): Promise<{ regios: number; contacten: number }> {
  // The record reader's plans need statistics: after a bulk load (and on PGlite, or a server without
  // autovacuum) there are none, and it would scan person_identiteit once per contact.
  await db.query('ANALYZE');
  const regios = regionId
    ? [regionId]
    : (await db.query<{ id: string }>(`SELECT id FROM region r WHERE EXISTS (SELECT 1 FROM contact c WHERE c.region_id = r.id) OR EXISTS (SELECT 1 FROM cijfer_feit f WHERE f.region_id = r.id) ORDER BY id`)).rows.map((r) => r.id);
  let contacten = 0;
  for (const regio of regios) {
    contacten += await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [LOCK_KEY]);
      await tx.query(`DELETE FROM cijfer_vuil WHERE region_id = $1`, [regio]);
      const kwartalenSql = `SELECT DISTINCT q FROM cijfer_feit, unnest(ARRAY[advies_kwartaal, melding_kwartaal, interventie_kwartaal]) q WHERE region_id = $1 AND q IS NOT NULL`;
      const oudeKwartalen = regionId ? (await tx.query<{ q: string }>(kwartalenSql, [regio])).rows.map((r) => r.q) : [];
      await tx.query(`DELETE FROM cijfer_feit WHERE region_id = $1`, [regio]);
      // Group by group (whole connected groups per batch): the same facts as the whole region at once.
      let aantal = 0;
      for (const ids of await groepenVanRegio(tx, regio)) {
        const feiten = berekenFeiten(await leesInvoer(tx, ids));
        await schrijfFeiten(tx, feiten, now);
        aantal += feiten.length;
      }
      const gemeenten = (
        await tx.query<{ code: string }>(`SELECT DISTINCT gemeente AS code FROM cijfer_feit WHERE region_id = $1 UNION SELECT code FROM cijfer_cel WHERE soort = 'gemeente' AND region_id = $1`, [regio])
      ).rows.map((r) => r.code);
      for (const soort of SOORTEN) {
        await herberekenCellen(tx, 'gemeente', soort, null, gemeenten, now);
        await herberekenCellen(tx, 'regio', soort, null, [regio], now);
      }
      if (regionId) {
        // Only this region changed: the installation's cells of the periods it has facts in.
        const q = (await tx.query<{ q: string }>(kwartalenSql, [regio])).rows.map((r) => r.q);
        const perioden = periodenVanKwartalen([...q, ...oudeKwartalen]);
        for (const soort of SOORTEN) await herberekenCellen(tx, 'installatie', soort, perioden[soort], null, now);
      }
      return aantal;
    });
  }
  if (!regionId) {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [LOCK_KEY]);
      for (const soort of SOORTEN) await herberekenCellen(tx, 'installatie', soort, null, null, now);
    });
  }
  return { regios: regios.length, contacten };
}

/** Regions with records but no facts yet (a database from before the figures, or a bulk load without a rebuild). */
export async function regiosZonderCijfers(db: Queryable): Promise<string[]> {
  return (
    await db.query<{ id: string }>(
      `SELECT r.id FROM region r WHERE EXISTS (SELECT 1 FROM contact c WHERE c.region_id = r.id) AND NOT EXISTS (SELECT 1 FROM cijfer_feit f WHERE f.region_id = r.id) ORDER BY r.id`,
    )
  ).rows.map((r) => r.id);
}
