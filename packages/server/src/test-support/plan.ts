/**
 * Records of the household plan for the security suites, on top of the security fixture: an active
 * household with its casusregisseur and plan (made once per household), and fresh proposals (regie,
 * phase), check moments and TOP-3 sessions on it. Each call that makes a proposal makes a new one.
 */
import { onderwerpSleutel } from '@samenveilig/domain';
import { activeerMetRegisseur } from '../repositories/regie.js';
import { startPlan } from '../repositories/plan.js';
import { ANDERE_REGIO, REGIO, type SecurityFixture, type Wie } from './security.js';

type HhKey = keyof SecurityFixture['hh'];

/** The casusregisseur of each fixture household: someone of an organisation involved with it (not the lokaal team on H_LT: a casusregisseur sees the secret address). */
export const REGISSEUR: Record<HhKey, Wie> = { vt: 'vt-medewerker', lt: 'vt-gedragswetenschapper', opv: 'opvang', other: 'vt-ijsselland' };
/** The voorwaarde Veilig Thuis set on each plan. */
export const VOORWAARDE = 'Er wordt niet geslagen of gedreigd (fixture)';
const regionOf = (hh: HhKey) => (hh === 'other' ? ANDERE_REGIO : REGIO);

/** The household becomes active with its casusregisseur and plan (once). Returns the household id. */
export async function actiefPlan(fx: SecurityFixture, hh: HhKey): Promise<string> {
  const id = fx.hh[hh];
  const exists = await fx.db.query(`SELECT 1 FROM veiligheidsplan WHERE household_id = $1`, [id]);
  if (exists.rows.length > 0) return id;
  await fx.db.transaction(async (tx) => {
    const now = new Date();
    const door = fx.user[REGISSEUR[hh]].id;
    await activeerMetRegisseur(tx, { regionId: regionOf(hh), householdId: id, userId: door, door, now });
    await startPlan(tx, { regionId: regionOf(hh), householdId: id, door, voorwaarden: [VOORWAARDE], now });
  });
  return id;
}

/** The plan's current version. */
export async function planVersie(fx: SecurityFixture, hh: HhKey): Promise<number> {
  await actiefPlan(fx, hh);
  return (await fx.db.query<{ versie: number }>(`SELECT versie FROM veiligheidsplan WHERE household_id = $1`, [fx.hh[hh]])).rows[0]!.versie;
}

/** A fresh regie proposal (procesregie) on the household from `door` to `naar`; an open one is withdrawn first. */
export async function regieVoorstel(fx: SecurityFixture, hh: HhKey, door: Wie, naar: Wie): Promise<string> {
  const id = await actiefPlan(fx, hh);
  await fx.db.query(`UPDATE regie_voorstel SET status = 'ingetrokken', beantwoord_op = now() WHERE household_id = $1 AND status = 'voorgesteld'`, [id]);
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO regie_voorstel (region_id, household_id, soort, van_user_id, naar_user_id, voorgesteld_door, toelichting, voorgesteld_op)
     VALUES ($1, $2, 'procesregisseur', NULL, $3, $4, 'Warme overdracht van procesregie (fixture).', now()) RETURNING id`,
    [regionOf(hh), id, fx.user[naar].id, fx.user[door].id],
  );
  return r.rows[0]!.id;
}

/** Makes a user procesregisseur of the household (ending the previous one). */
export async function maakProcesregisseur(fx: SecurityFixture, hh: HhKey, wie: Wie): Promise<string> {
  const id = await actiefPlan(fx, hh);
  await fx.db.query(`UPDATE household_regie SET tot = now() WHERE household_id = $1 AND soort = 'procesregisseur' AND tot IS NULL`, [id]);
  await fx.db.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds) VALUES ($1, $2, $3, 'procesregisseur', now())`, [id, regionOf(hh), fx.user[wie].id]);
  return id;
}

/** A fresh phase proposal (to stabiele veiligheid, without the criterion) on the household's plan by `door`. */
export async function faseVoorstel(fx: SecurityFixture, hh: HhKey, door: Wie): Promise<string> {
  const id = await actiefPlan(fx, hh);
  const plan = (await fx.db.query<{ id: string }>(`SELECT id FROM veiligheidsplan WHERE household_id = $1`, [id])).rows[0]!.id;
  await fx.db.query(`UPDATE fase_voorstel SET status = 'vervallen' WHERE plan_id = $1 AND status = 'voorgesteld'`, [plan]);
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO fase_voorstel (region_id, plan_id, van_fase, naar_fase, reden, voorgesteld_door, voorgesteld_op)
     VALUES ($1, $2, 'directe-veiligheid', 'stabiele-veiligheid', 'Het gaat al maanden goed (fixture).', $3, now()) RETURNING id`,
    [regionOf(hh), plan, fx.user[door].id],
  );
  return r.rows[0]!.id;
}

/** A fresh check moment, due today, on the household. */
export async function controlemoment(fx: SecurityFixture, hh: HhKey): Promise<string> {
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO controlemoment (region_id, household_id, maanden, gepland_op) VALUES ($1, $2, 3, current_date) RETURNING id`,
    [regionOf(hh), fx.hh[hh]],
  );
  return r.rows[0]!.id;
}

/** A fresh open TOP-3 session on the household's plan with one professional participant. Returns both ids. */
export async function top3Sessie(fx: SecurityFixture, hh: HhKey): Promise<{ sessieId: string; deelnemerId: string }> {
  const id = await actiefPlan(fx, hh);
  const door = fx.user[REGISSEUR[hh]];
  const s = await fx.db.query<{ id: string }>(
    `INSERT INTO top3_sessie (region_id, household_id, fase, gehouden_op, aangemaakt_door) VALUES ($1, $2, 'directe-veiligheid', now(), $3) RETURNING id`,
    [regionOf(hh), id, door.id],
  );
  const d = await fx.db.query<{ id: string }>(`INSERT INTO top3_deelnemer (region_id, sessie_id, soort, naam, user_id) VALUES ($1, $2, 'professional', $3, $4) RETURNING id`, [
    regionOf(hh),
    s.rows[0]!.id,
    door.naam,
    door.id,
  ]);
  return { sessieId: s.rows[0]!.id, deelnemerId: d.rows[0]!.id };
}

/** A fresh open TOP-3 session with one entry (one matter, score 2). Returns the session and the matter. */
export async function top3SessieMetInbreng(fx: SecurityFixture, hh: HhKey): Promise<{ sessieId: string; onderwerpId: string }> {
  const { sessieId, deelnemerId } = await top3Sessie(fx, hh);
  const tekst = `Ruzie bij het ophalen ${sessieId.slice(0, 8)}`;
  const o = await fx.db.query<{ id: string }>(`INSERT INTO top3_onderwerp (region_id, household_id, tekst, sleutel) VALUES ($1, $2, $3, $4) RETURNING id`, [
    regionOf(hh),
    fx.hh[hh],
    tekst,
    onderwerpSleutel(tekst),
  ]);
  await fx.db.query(
    `INSERT INTO top3_inbreng (region_id, sessie_id, deelnemer_id, onderwerp_id, score, reden, volgorde) VALUES ($1, $2, $3, $4, 2, 'Gaat vaak mis (fixture).', 1)`,
    [regionOf(hh), sessieId, deelnemerId, o.rows[0]!.id],
  );
  return { sessieId, onderwerpId: o.rows[0]!.id };
}
