/**
 * Deadline watch: open work past its deadline is reported to the team lead (or, for work without a team
 * or a team without a lead, to the gedragswetenschappers of the Veilig Thuis organisation), once per
 * deadline. Deadlines are data: this job only reads them, so a restart loses nothing and a run that
 * finds nothing new changes nothing. Several server processes may run it: rows are claimed with SKIP LOCKED.
 */
import { appendAudit } from '../audit/chain.js';
import type { Database } from '../db/database.js';
import { notify, usersWithRole } from '../repositories/notificaties.js';
import { meldControlemomenten, meldVerlopenAfspraken } from './planbewaking.js';
import { werkCijfersBij } from '../cijfers/repository.js';

const ACTOR = 'system:termijnbewaking';
/** Marks of changed records the figures job takes per step. */
const CIJFER_STAP = 500;

interface Overdue {
  id: string;
  region_id: string;
  contact_id: string;
  status: string;
  acuut: boolean;
  team_id: string | null;
  teamleider_id: string | null;
  organisation_id: string | null;
}

const TITEL: Record<string, string> = {
  open: 'Termijn verstreken: veiligheidsbeoordeling van een melding',
  voorgesteld: 'Termijn verstreken: besluit wacht nog op bevestiging',
  onderzoek: 'Termijn verstreken: onderzoek van Veilig Thuis (10 weken)',
  overdracht: 'Termijn verstreken: overdracht is nog niet beantwoord',
};

/** Reports every open item past its deadline that was not reported yet; returns how many. */
export async function meldVerlopenTermijnen(db: Database, now = new Date(), batch = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<Overdue>(
        `SELECT b.id, b.region_id, b.contact_id, b.status, b.acuut, b.team_id, t.teamleider_id,
                coalesce(t.organisation_id, (SELECT i.organisation_id FROM household_involvement i JOIN contact c ON c.household_id = i.household_id
                                             WHERE c.id = b.contact_id AND i.grondslag = 'registratie' ORDER BY i.sinds LIMIT 1)) AS organisation_id
         FROM beoordeling b LEFT JOIN team t ON t.id = b.team_id AND t.region_id = b.region_id
         WHERE b.status <> 'afgerond' AND b.deadline < $1 AND b.te_laat_gemeld_op IS NULL
         ORDER BY b.deadline LIMIT $2 FOR UPDATE OF b SKIP LOCKED`,
        [now.toISOString(), batch],
      )
    ).rows;
    if (rows.length === 0) return 0;
    const perRegion = new Map<string, number>();
    for (const r of rows) {
      const to = r.teamleider_id
        ? [r.teamleider_id]
        : r.organisation_id
          ? await usersWithRole(tx, r.region_id, r.organisation_id, ['vt-gedragswetenschapper'])
          : [];
      await notify(tx, {
        regionId: r.region_id,
        userIds: to,
        soort: 'termijn-verlopen',
        titel: `${TITEL[r.status] ?? 'Termijn verstreken'}${r.acuut ? ' (acuut)' : ''}`,
        link: `/meldingen/${r.contact_id}`,
        bronType: 'beoordeling',
        bronId: r.id,
      }, now);
      perRegion.set(r.region_id, (perRegion.get(r.region_id) ?? 0) + 1);
    }
    await tx.query(`UPDATE beoordeling SET te_laat_gemeld_op = $2 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), now.toISOString()]);
    await appendAudit(
      tx,
      [...perRegion].map(([regionId, n]) => ({
        regionId,
        actorSoort: 'systeem' as const,
        actorId: ACTOR,
        organisationId: null,
        rol: null,
        actie: 'termijn.verlopen.melden',
        recordType: 'beoordeling',
        uitkomst: `ok (${n})`,
      })),
      now,
    );
    return rows.length;
  });
}

/** Runs the watch now and then every intervalMs; returns a function that stops it. Failures are logged without content and retried next time. */
export function startTermijnbewaking(db: Database, opts: { intervalMs: number; onError: (err: unknown) => void }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        // Drain in batches, so a backlog after downtime is reported at once.
        while ((await meldVerlopenTermijnen(db)) === 500);
        while ((await meldControlemomenten(db)) === 500);
        // Bounded: a plan the query finds but the domain rule does not would otherwise be found again and again.
        for (let i = 0; i < 50 && (await meldVerlopenAfspraken(db)) >= 200; i++);
        // The figures: what changed since the last run (marked by triggers in the same transaction as the
        // change), bounded per run; a bulk load is rebuilt by `samenveilig cijfers herberekenen` instead.
        for (let i = 0; i < 20 && (await werkCijfersBij(db, CIJFER_STAP)) === CIJFER_STAP; i++);
      } catch (err) {
        opts.onError(err);
      }
    });
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
