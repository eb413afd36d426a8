/**
 * The app's channels into Veilig Thuis: the intake screen, the professionals' form, the public page and
 * the JSON Lines import over HTTP. Each turns its input into a contact and stores it through the one
 * loading path (import/loader.ts): the same validation, households, persons, deadlines, radar and audit.
 */
import {
  contactSchema,
  findGemeente,
  ontvangenOpProbleem,
  parseMoment,
  parseImportLine,
  professionalNaarContact,
  publiekNaarContact,
  type Actor,
  type ImportIssue,
  type ProfessionalContact,
  type PubliekContact,
  type ValidContact,
  type ValidImportLine,
} from '@samenveilig/domain';
import { appendAudit } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError, type FieldIssue } from '../http/errors.js';
import { ConcurrentImportError, registerContacts, type ImportActor } from '../import/loader.js';
import { isUuid, type AuditBase } from './common.js';

/** What the caller gets back: where the contact is, and what happens next. */
export interface IntakeResultaat {
  contactId: string;
  type: 'advies' | 'melding';
  /** False when this submission was stored before (the same key sent twice). */
  nieuw: boolean;
  deadline: string | null;
  acuut: boolean;
  radarKandidaten: number;
}

/** Validates a contact with the domain schema; issues carry the path of the request body. */
export function validateContact(contact: unknown, prefix: string, now: Date): Extract<ReturnType<typeof contactSchema.safeParse>, { success: true }>['data'] {
  const r = contactSchema.safeParse(contact);
  const issues: FieldIssue[] = r.success ? [] : r.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
  if (r.success) {
    const probleem = ontvangenOpProbleem(parseMoment(r.data.ontvangenOp)!, now);
    if (probleem) issues.push({ path: `${prefix}.ontvangenOp`, message: probleem });
  }
  if (!r.success || issues.length > 0) {
    throw new AppError('ongeldige_invoer', `Niet opgeslagen. Verbeter: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return r.data;
}

/** The region's Veilig Thuis organisation: it registers what comes in through public and professional channels. */
async function veiligThuisVan(tx: Queryable, regionId: string): Promise<string> {
  const r = await tx.query<{ id: string }>(`SELECT id FROM organisation WHERE region_id = $1 AND type = 'veilig-thuis' ORDER BY created_at, id LIMIT 1`, [regionId]);
  if (!r.rows[0]) throw new AppError('niet_beschikbaar', 'Er is in deze regio nog geen Veilig Thuis-organisatie ingericht. Bel Veilig Thuis: 0800-2000.');
  return r.rows[0].id;
}

async function store(
  db: Database,
  contact: ValidImportLine,
  opts: {
    source: string;
    registrar: (tx: Queryable) => Promise<string | null>;
    actor: ImportActor;
    /** More writes of the same user action, in the same transaction. */
    ook?: (tx: Queryable, contactId: string) => Promise<void>;
  },
): Promise<IntakeResultaat> {
  return retryOnConcurrentStore(() => db.transaction(async (tx) => {
    const registrar = await opts.registrar(tx);
    const { contacts } = await registerContacts(tx, [contact], { source: opts.source, registrar, actor: opts.actor });
    const c = contacts[0]!;
    await opts.ook?.(tx, c.id);
    if (c.nieuw) return { contactId: c.id, type: contact.type, nieuw: true, deadline: c.deadline?.toISOString() ?? null, acuut: contact.acuutGevaar, radarKandidaten: c.radar };
    // Sent before: answer as then, from what is stored now.
    const info = (
      await tx.query<{ type: 'advies' | 'melding'; deadline: Date | null; acuut: boolean | null; radar: number }>(
        `SELECT c.type, b.deadline, b.acuut, (SELECT count(*) FROM radar_kandidaat k WHERE k.contact_id = c.id AND k.status = 'open') AS radar
         FROM contact c LEFT JOIN beoordeling b ON b.contact_id = c.id WHERE c.id = $1`,
        [c.id],
      )
    ).rows[0]!;
    return {
      contactId: c.id,
      type: info.type,
      nieuw: false,
      deadline: info.deadline ? new Date(info.deadline).toISOString() : null,
      acuut: info.acuut ?? false,
      radarKandidaten: info.radar,
    };
  }));
}

/** The same submission stored by a parallel request: run again, which finds it stored. */
async function retryOnConcurrentStore<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ConcurrentImportError) return fn();
    throw err;
  }
}

const asActor = (audit: AuditBase, actie: string): ImportActor => ({ ...audit, actie });

/**
 * The intake screen (phone, chat): a Veilig Thuis worker enters the contact during the call. The draft's
 * id is the contact's key, so submitting a draft twice stores one contact; the draft is marked submitted.
 */
export async function intakeVeiligThuis(db: Database, actor: Actor, audit: AuditBase, input: { conceptId?: string | undefined; contact: ValidContact }, now = new Date()) {
  // The route validated the contact with the domain schema; what is left is the clock.
  const contact = input.contact;
  const probleem = ontvangenOpProbleem(parseMoment(contact.ontvangenOp)!, now);
  if (probleem) throw new AppError('ongeldige_invoer', `Niet opgeslagen: ${probleem}.`, [{ path: 'body.contact.ontvangenOp', message: probleem }]);
  const key = input.conceptId ?? crypto.randomUUID();
  const conceptId = input.conceptId && isUuid(input.conceptId) ? input.conceptId : null;
  return store(db, { ...contact, externalId: key }, {
    source: 'intake',
    registrar: async () => actor.organisationId,
    actor: asActor(audit, 'contact.registreren'),
    // The draft is marked submitted in the same transaction as the contact it became.
    ...(conceptId
      ? {
          ook: async (tx: Queryable, contactId: string) => {
            await tx.query(`UPDATE intake_concept SET ingediend_contact_id = $3, bijgewerkt_op = $4 WHERE id = $1 AND user_id = $2 AND ingediend_contact_id IS NULL`, [
              conceptId,
              actor.id,
              contactId,
              now.toISOString(),
            ]);
          },
        }
      : {}),
  });
}

/** A professional of a chain organisation reports (logged in): identifiable by default, Veilig Thuis registers it. */
export async function intakeProfessional(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  melder: { naam: string; email: string; organisatie: string; organisatieType: string },
  input: ProfessionalContact,
  now = new Date(),
) {
  const contact = validateContact(professionalNaarContact(input, melder, now), 'body', now);
  return store(db, { ...contact, externalId: input.sleutel }, {
    source: `formulier:${actor.organisationId}`,
    registrar: (tx) => veiligThuisVan(tx, actor.regionId),
    actor: asActor(audit, 'contact.melden'),
  });
}

/** A citizen reports or asks for advice on the public page (no login). */
export async function intakePubliek(db: Database, audit: AuditBase, input: PubliekContact, now = new Date()) {
  const contact = validateContact(publiekNaarContact(input, now), 'body', now);
  const regionId = findGemeente(contact.gemeente)!.regionId;
  return store(db, { ...contact, externalId: input.sleutel }, {
    source: 'publiek',
    registrar: (tx) => veiligThuisVan(tx, regionId),
    actor: asActor({ ...audit, actorSoort: 'anoniem', actorId: null, organisationId: null, rol: null }, 'contact.publiek-melden'),
  });
}

export interface ImportRegelFout extends ImportIssue {
  line: number;
}

/**
 * JSON Lines over HTTP: every line is validated first; with any error nothing is stored and every
 * error is reported with its line and field. Otherwise all lines are stored in one transaction, each
 * once (idempotent on the sender's externalId).
 */
export async function importHttp(db: Database, actor: Actor, audit: AuditBase, text: string, opts: { bron: string }, now = new Date()) {
  const errors: ImportRegelFout[] = [];
  const lines: ValidImportLine[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const r = parseImportLine(raw);
    if (!r.ok) {
      errors.push(...r.issues.map((x) => ({ line: i + 1, ...x })));
      return;
    }
    const probleem = ontvangenOpProbleem(parseMoment(r.line.ontvangenOp)!, now);
    if (probleem) errors.push({ line: i + 1, path: 'ontvangenOp', message: probleem });
    if (findGemeente(r.line.gemeente)!.regionId !== actor.regionId) errors.push({ line: i + 1, path: 'gemeente', message: 'deze gemeente ligt niet in uw regio' });
    const first = seen.get(r.line.externalId);
    if (first !== undefined) errors.push({ line: i + 1, path: 'externalId', message: `externalId ${r.line.externalId} staat ook op regel ${first}` });
    else seen.set(r.line.externalId, i + 1);
    lines.push(r.line);
  });
  if (lines.length === 0 && errors.length === 0) throw new AppError('ongeldige_invoer', 'Het bestand bevat geen regels.');
  if (errors.length > 0) {
    await db.transaction((tx) =>
      appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'contact.importeren', recordType: 'contact', doel: `bron ${opts.bron}`, uitkomst: `afgekeurd (${errors.length} fouten)` }]),
    );
    return { opgeslagen: 0, alAanwezig: 0, fouten: errors.slice(0, 1000), aantalFouten: errors.length };
  }
  const result = await retryOnConcurrentStore(() =>
    db.transaction(async (tx) => {
      const registrar = await veiligThuisVan(tx, actor.regionId);
      return registerContacts(tx, lines, { source: opts.bron, registrar, actor: asActor(audit, 'contact.importeren') });
    }),
  );
  return { opgeslagen: result.stored, alAanwezig: lines.length - result.stored, fouten: [], aantalFouten: 0 };
}

