/**
 * Correctness of the figures (issue 6, "Correctness"): a small data set built by hand through the JSON
 * Lines import (testdata/correctheid.jsonl, 40 contacts with made-up people), brought to its final state
 * through the app's own paths (an advies converted into a melding and assessed with four eyes, a radar
 * candidate confirmed, two registrations withdrawn as erroneous), and every figure of CIJFERS checked for
 * the region and three gemeenten, for the year 2024 and its fourth quarter, against numbers worked out BY
 * HAND from the data set (the table below; nothing here is copied from the implementation).
 *
 * First the domain: the records are read from the database into CijferContact / CijferBeoordeling by this
 * file's own query and fed to bereidCijfersVoor + kerncijfers. Then the server: cijfersVoor (after
 * herberekenCijfers) and GET /api/v1/cijfers give the same numbers, all visible for a Veilig Thuis role.
 *
 * ------------------------------------------------------------------------------------------------------
 * THE DATA SET (times Amsterdam; A = Apeldoorn GM0200, B = Brummen GM0213, E = Epe GM0232; hh = household;
 * persons by letter; "→ besluit @ time (hours after the melding)"; unassessed = no decision, still open)
 *
 *  2023
 *  C01 melding 05-10 09:00 A hh-A {A1,A2} politie, partner          → einde-bemoeienis @05-10 15:00
 *  C02 melding 11-20 10:00 B hh-B {B1,B2,B3} bk onderwijs, kind     → overdracht @11-21 09:00        (intervention 2023)
 *  C03 melding 12-28 14:00 A hh-C {C1,C2} familie, partner          → overdracht @2024-01-03 10:00   (intervention 2024!)
 *  2024
 *  C04 melding 01-15 10:00 A hh-A {A1,A2} politie, partner          → overdracht @16:00 (6h)         hermelding (C01 closed)
 *  C05 melding 02-05 09:00 A hh-D {D1,D2} bk gezondheidszorg, kind  → einde @21:00 (12h)
 *  C06 melding 03-04 11:00 A hh-M {M1,M2,M3} politie, partner       → overdracht @03-05 09:00 (22h)
 *  C07 advies  03-12 14:00 A anonymous neighbour, no persons
 *  C08 melding 04-08 10:00 A hh-D {D1,D2} bk jeugdzorg, kind        → voorwaarden-en-vervolg @04-09 16:00 (30h: late for the
 *              regional 24 hours, within the legal 5 working days = end of Mon 04-15)           hermelding within 2024 (C05 closed)
 *  C09 melding 05-06 09:00 B hh-V {V1,V2} bk ggz, partner           → vt-onderzoek @13:00 (4h), onderzoek done 07-15 12:00
 *  C10 melding 06-03 10:00 B hh-V {V1,V3} familie, kind             → einde @18:00 (8h)               VERVOLGMELDING (C09's onderzoek runs)
 *  C11 melding 06-10 10:00 A hh-W {W1,W2} politie, partner          unassessed → WITHDRAWN as erroneous (HTTP)
 *  C12 melding 08-12 10:00 B hh-M {M1,M2,M3} buren, partner+kind    → einde @20:00 (10h)              hermelding; hh-M MOVED from A to B
 *  C13 melding 09-02 10:00 A hh-W {W1,W2} politie, partner          → overdracht @12:00 (2h)          eerste (C11 withdrawn counts nowhere)
 *  C14 advies  09-20 15:00 B bk kinderopvang, kind, no persons; CONVERTED into a melding 10-02 10:00 naming {O1,O2} (new hh-O),
 *              then assessed in the app: proposed 10-02 14:00, confirmed by a second person 10-03 09:00 → einde (23h after conversion)
 *  C15 melding 10-07 10:00 E hh-E {E1,E2} bk onderwijs, ouderen     → overdracht @14:00 (4h)
 *  C16 melding 10-14 10:00 A hh-R {R1 Rosa,R2} politie, partner     → einde @16:00 (6h)
 *  C17 melding 11-11 10:00 A own new hh {Rosa',S1} bk gezondheidszorg, partner, unassessed; the radar proposes Rosa' = Rosa (R1),
 *              CONFIRMED over HTTP (persons only, households not joined)                          hermelding (R1 in C16, closed)
 *  C18 melding 12-02 10:00 B hh-F {F1,F2} betrokkene-zelf, seksueel → overdracht @12-13 10:00 (264h: late for both deadlines;
 *              the legal one ended Mon 12-09)
 *  C19 melding 12-31 23:30 +01:00 A hh-N {N1,N2} politie, partner   → overdracht @2025-01-02 10:00 (34.5h; legal deadline end of
 *              2025-01-08, 1 January is a holiday; regional 2025-01-01 23:30) — belongs to 2024-K4, its intervention to 2025
 *  C20 advies  11-20 10:00 A hh-G {G1} familie, kind (an advies naming a person)
 *  C21 melding 12-09 10:00 A hh-G {G1,G2} bk andere-organisatie, no form of violence → einde @11:00 (1h)  eerste (an advies is no
 *              earlier melding)
 *  C26 melding 07-01 10:00 B hh-B {B1,B3} bk onderwijs, kind        → overdracht @15:00 (5h)          hermelding (C02 closed 2023-11-21)
 *  C27 advies  01-22 11:00 A bk leerplicht        C28 advies 05-15 10:00 B anonymous neighbour
 *  C29 advies  10-21 09:30 A bk onderwijs         C31 advies 12-31 23:45 +01:00 E anonymous neighbour (2024, K4)
 *  C32 melding 11-04 10:00 A hh-H {H1,H2} bk vt-andere-regio, ouderen → verzoek-rvdk @15:00 (5h)
 *  C34 melding 11-18 10:00 B hh-J {J1,J2,J3} bk justitie-en-veiligheid, schadelijke praktijken → einde @11-19 08:00 (22h)
 *  C35 melding 12-16 10:00 A hh-K {K1,K2,K3} politie, partner+kind  unassessed (its deadline passed: late)
 *  C36 melding 10-28 10:00 B hh-V {V2} politie, partner             → overdracht @12:00 (2h)          hermelding (hh-V's casus closed 07-15)
 *  C37 melding 07-22 10:00 E hh-L {L1,L2} overig, oudermishandeling → einde @11:00 (1h)
 *  C38 melding 08-26 10:00 A hh-X {X1,X2} bk gezondheidszorg, mensenhandel → omzetten-naar-advies @17:00 (7h): still a melding
 *  C40 advies  06-20 10:00 A familie
 *  2025 (follow-up of recidivism; outside the periods)
 *  C22 melding 01-10 A hh-A (einde)   C23 melding 09-03 10:00 A hh-W (einde; 1 day after hh-W's 12 months)
 *  C24 melding 03-03 B hh-F {F1}, unassessed → WITHDRAWN   C25 melding 02-03 E hh-E (einde)   C33 melding 06-02 A hh-H (einde)
 *  C30 advies  2025-01-01 00:15 +01:00 A (not 2024)
 *
 * The region's own deadline is set to 24 hours (the seed's ambition) before the import; the legal one is 5
 * working days. All deadlines of unassessed meldingen (C17, C35) have passed at both `now`s used below.
 *
 * ------------------------------------------------------------------------------------------------------
 * THE FIGURES BY HAND (now = N2 = 2026-03-01 12:00; at N1 = 2025-06-01 12:00 all the same except recidivism, which is null
 * then for 2024 and 2024-K4: their 12 months end 2026-01-01)
 *
 *                                 2024: A     B     E   regio  |  2024-K4: A    B     E   regio
 *  adviezen                            5     2     1     8     |       2     0     1     3
 *    A: C07,C20,C27,C29,C40; B: C14 (converted, still counts as advies, received 09-20: Q3),C28; E: C31 (31 Dec 23:45).
 *    K4: A C20,C29; E C31. C30 (1 Jan 2025 00:15) is 2025.
 *  meldingen                          13     8     2    23     |       7     4     1    12
 *    A: C04,C05,C06,C08,C13,C16,C17,C19,C21,C32,C35,C38,C39 (not C11: withdrawn); B: C09,C10,C12,C14,C18,C26,C34,C36; E: C15,C37.
 *    K4 A: C16,C17,C19 (31 Dec 23:30 = 2024),C21,C32,C35,C39; B: C14 (converted 10-02),C18,C34,C36; E: C15.
 *  unieke-huishoudens                 11     6     2    18     |       7     4     1    12
 *    A: A,D,M,W,X,R,H,R2(C17),G,K,N = 11; B: V,B,M,O,J,F = 6; E: L,E; regio 11+6+2 − 1 (hh-M moved: in A and B, once in the region) = 18.
 *    K4 A: A,R,H,R2,G,K,N; B: O,V,J,F; E: E; no overlap.
 *  unieke-personen                    23    15     4    39     |      14     8     2    24
 *    A: A1,A2 + D1,D2 + M1,M2,M3 + W1,W2 + X1,X2 + R1,R2 + H1,H2 + S1 (Rosa' is R1: radar) + G1,G2 + K1,K2,K3 + N1,N2
 *       = 2+2+3+2+2+2+2+1+2+3+2 = 23 (24 without the radar link); B: V1,V2,V3 + B1,B3 + M1,M2,M3 + O1,O2 + J1,J2,J3 + F1,F2 = 15;
 *    E: L1,L2,E1,E2 = 4; regio 23+15+4 − 3 (M1,M2,M3 in A and B) = 39.
 *    K4 A: A1,A2 + R1,R2 + H1,H2 + S1 + G1,G2 + K1,K2,K3 + N1,N2 = 14; B: O1,O2 + V2 + J1,J2,J3 + F1,F2 = 8; E: E1,E2.
 *  eerste-meldingen                    9     4     2    15     |       5     3     1     9
 *  hermeldingen                        4     3     0     7     |       2     1     0     3
 *  vervolgmeldingen                    0     1     0     1     |       0     0     0     0
 *    her A: C04 (hh-A, C01 closed), C08 (hh-D, C05 closed 02-05), C17 (R1, C16 closed), C39 (hh-A, C04 closed);
 *    her B: C12 (hh-M, C06 closed 03-05), C26 (hh-B, C02 closed 2023), C36 (hh-V, closed 07-15 when C09's onderzoek ended);
 *    vervolg B: C10 (C09's onderzoek runs until 07-15). Eerste = meldingen − her − vervolg: A 13−4 = 9, B 8−3−1 = 4, E 2.
 *    K4: her A C17,C39; B C36.
 *  bekend-huishouden (= her + vervolg)  4     4     0     8     |       2     1     0     3
 *  pct-bekend-huishouden            30.8  50.0   0.0  34.8     |    28.6  25.0   0.0  25.0
 *    4/13 = 30.77; 4/8; 0/2; 8/23 = 34.78 | 2/7 = 28.57; 1/4; 0/1; 3/12.
 *  melder.politie                      7     1     0     8     |       4     1     0     5
 *    A: C04,C06,C13,C16,C19,C35,C39; B: C36. K4 A: C16,C19,C35,C39; B: C36.
 *  melder.beroepskracht                6     4     1    11     |       3     2     1     6
 *    .gezondheidszorg                  3     0     0     3     |       1     0     0     1   (C05,C17,C38 | C17)
 *    .jeugdzorg                        1     0     0     1     |       0     0     0     0   (C08)
 *    .vt-andere-regio                  1     0     0     1     |       1     0     0     1   (C32)
 *    .andere-organisatie               1     0     0     1     |       1     0     0     1   (C21)
 *    .ggz                              0     1     0     1     |       0     0     0     0   (C09)
 *    .onderwijs                        0     1     1     2     |       0     0     1     1   (C26; C15)
 *    .kinderopvang                     0     1     0     1     |       0     1     0     1   (C14: the advies' melder stays)
 *    .justitie-en-veiligheid           0     1     0     1     |       0     1     0     1   (C34)
 *    .leerplicht                       0     0     0     0     |       0     0     0     0   (only the advies C27)
 *  melder.niet-beroepsmatig            0     3     1     4     |       0     1     0     1   (C10,C12,C18; C37 | C18)
 *  pct-melder-politie               53.8  12.5   0.0  34.8     |    57.1  25.0   0.0  41.7   (7/13; 1/8; 0/2; 8/23 | 4/7; 1/4; 0/1; 5/12)
 *  geweld.partnergeweld                8     3     0    11     |       5     1     0     6
 *    A: C04,C06,C13,C16,C17,C19,C35,C39; B: C09,C12,C36 | A: C16,C17,C19,C35,C39; B: C36
 *  geweld.kindermishandeling           3     4     0     7     |       1     1     0     2
 *    A: C05,C08,C35; B: C10,C12,C14,C26 | A: C35; B: C14
 *  geweld.ouderenmishandeling          1     0     1     2     |       1     0     1     2   (C32; C15)
 *  geweld.oudermishandeling            0     0     1     1     |       0     0     0     0   (C37)
 *  geweld.schadelijke-praktijken       0     1     0     1     |       0     1     0     1   (C34)
 *  geweld.mensenhandel                 1     0     0     1     |       0     0     0     0   (C38)
 *  geweld.seksueel-geweld              0     1     0     1     |       0     1     0     1   (C18)
 *  geweld.onbekend                     1     0     0     1     |       1     0     0     1   (C21: none named)
 *  beoordeeld                         11     8     2    21     |       5     4     1    10
 *    A: 13 − C17 − C35 (unassessed) = 11; B: all 8 (C14 through the app); E: 2 | A: 7 − 2 = 5
 *  overgedragen (first decision)       4     3     1     8     |       1     2     1     4
 *    A: C04,C06,C13,C19; B: C18,C26,C36; E: C15 | A: C19; B: C18,C36; E: C15
 *  pct-overgedragen                 36.4  37.5  50.0  38.1     |    20.0  50.0 100.0  40.0   (4/11 = 36.36; 3/8; 1/2; 8/21 = 38.10 | 1/5; 2/4; 1/1; 4/10)
 *  vervolg-door-vt                     1     1     0     2     |       0     0     0     0   (C08 v&v; C09 vt-onderzoek)
 *  huisverbod-beoordelingen         null  null  null  null     |    null  null  null  null   (not recorded yet)
 *  getoetst-wettelijke-termijn        13     8     2    23     |       7     4     1    12   (assessed + unassessed past the deadline)
 *  binnen-wettelijke-termijn          11     7     2    20     |       5     3     1     9
 *    A: all 11 assessed in time, C17/C35 late; B: all but C18 (264h, after Mon 12-09) | A: 5 of 7; B: 3 of 4 (C18 late)
 *  pct-binnen-wettelijke-termijn    84.6  87.5 100.0  87.0     |    71.4  75.0 100.0  75.0   (11/13 = 84.62; 7/8; 2/2; 20/23 = 86.96 | 5/7 = 71.43; 3/4; 1/1; 9/12)
 *  getoetst-regionale-termijn         13     8     2    23     |       7     4     1    12
 *  binnen-regionale-termijn            9     7     2    18     |       4     3     1     8
 *    A: 11 − C08 (30h) − C19 (34.5h) = 9; B: 8 − C18 = 7 | A: 5 − C19 = 4; B: 4 − C18 = 3
 *  pct-binnen-regionale-termijn     69.2  87.5 100.0  78.3     |    57.1  75.0 100.0  66.7   (9/13 = 69.23; 7/8; 2/2; 18/23 = 78.26 | 4/7 = 57.14; 3/4; 1/1; 8/12 = 66.67)
 *  mediaan-uren-tot-beoordeling      6.0   9.0   2.5   6.0     |     5.0  22.5   4.0   5.5
 *    A sorted 1,2,3,5,6,[6],7,12,22,30,34.5 (11 values: the 6th) = 6; B 2,4,5,[8,10],22,23,264 → (8+10)/2 = 9; E (1+4)/2 = 2.5;
 *    regio 21 values 1,1,2,2,3,4,4,5,5,6,[6],7,8,10,12,22,22,23,30,34.5,264 → the 11th = 6 |
 *    K4 A 1,3,[5],6,34.5 → 5; B 2,[22,23],264 → 22.5; E 4; regio 1,2,3,4,[5,6],22,23,34.5,264 → 5.5
 *  recidive-cohort                     6     3     1    10     |       1     2     1     4
 *  recidive-opnieuw-gemeld             3     1     1     5     |       1     0     1     2
 *  pct-recidive                     50.0  33.3 100.0  50.0     |   100.0   0.0 100.0  50.0
 *    Interventions (first decision overdracht, v&v, vt-onderzoek, verzoek-rvdk) started in 2024, per household from its first start:
 *    A: hh-C 01-03 (C03, a 2023 melding) — no new melding: no; hh-A 01-15 — C39 10-09: yes; hh-M 03-05 — C12 08-12 in Brummen
 *       (a moved household counts where it started): yes; hh-D 04-09 — none: no; hh-W 09-02 12:00 — C23 2025-09-03 is after
 *       2025-09-02 12:00: no; hh-H 11-04 — C33 2025-06-02: yes → 3 of 6.
 *    B: hh-V 05-06 — C10 06-03: yes; hh-B 07-01 — none: no; hh-F 12-13 — only C24, withdrawn: no → 1 of 3. E: hh-E 10-07 — C25: yes.
 *    Not in 2024: C19's intervention (2025-01-02), C02's (2023). Regio 10 households, 5 → 50.0.
 *    K4 (starts in Q4): A hh-H (yes); B hh-V from 10-28 (C36; nothing after: no), hh-F (no); E hh-E (yes) → 2 of 4.
 *
 * Also by hand: 2023 at N1 (its 12 months ended 2025-01-01): cohort regio = B = 1 (hh-B from 11-21, C26 on 2024-07-01 within
 * 12 months: 1 opnieuw gemeld, 100%); A 0 (C03's intervention starts in 2024), share null. Overdue now (teLaatNu, at N2): C17 and
 * C35, 2 against both deadlines, both in A; withdrawn C11 and C24 are not overdue.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beoordelingInhoudSchema,
  bereidCijfersVoor,
  CIJFERS,
  contactSchema,
  kerncijfers,
  parsePeriode,
  teLaatNu,
  type Actor,
  type BesluitSoort,
  type Cel,
  type CijferBeoordeling,
  type CijferContact,
  type ContactType,
  type Kerncijfers,
  type MelderSector,
  type MelderType,
  type Rol,
} from '@samenveilig/domain';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { buildApp } from '../http/app.js';
import { beoordeelVoorstel, saveInhoud, stelBesluitVoor } from '../repositories/beoordelingen.js';
import type { AuditBase } from '../repositories/common.js';
import { omzettenNaarMelding } from '../repositories/contacten.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { ok } from '../test-support/http.js';
import { securityConfig } from '../test-support/security.js';
import { COMPLETE_INHOUD } from '../test-support/voordeur.js';
import { cijfersVoor, herberekenCijfers, werkCijfersBij, type CijfersAntwoord } from './repository.js';

const REGIO = 'noord-veluwe-mijov';
const APELDOORN = 'GM0200';
const BRUMMEN = 'GM0213';
const EPE = 'GM0232';
const BRON = 'correctheid';
const DATA = readFileSync(new URL('./testdata/correctheid.jsonl', import.meta.url), 'utf8');

/** The two moments of reading (Amsterdam noon). */
const N1 = new Date('2025-06-01T12:00:00+02:00');
const N2 = new Date('2026-03-01T12:00:00+01:00');

// ---------------------------------------------------------------------------------------------
// A region of its own: Veilig Thuis with a medewerker, a gedragswetenschapper and a beheerder

type Wie = 'vt-medewerker' | 'vt-gedragswetenschapper' | 'functioneel-beheerder' | 'beleidsmedewerker';
interface Gebruiker {
  actor: Actor;
  audit: AuditBase;
  headers: { cookie: string; 'x-csrf-token': string };
}

async function maakRegio(t: TestDb): Promise<Record<Wie, Gebruiker>> {
  const org = async (type: string, naam: string) =>
    (await t.db.query<{ id: string }>(`INSERT INTO organisation (region_id, type, naam, gemeente_code) VALUES ($1, $2, $3, 'GM0200') RETURNING id`, [REGIO, type, naam])).rows[0]!.id;
  const vt = await org('veilig-thuis', 'Veilig Thuis (correctheid)');
  const gemeente = await org('gemeente', 'Gemeente Apeldoorn (correctheid)');
  const specs: Record<Wie, [string, string]> = {
    'vt-medewerker': ['Mira Medewerker', vt],
    'vt-gedragswetenschapper': ['Gerard Gedrag', vt],
    'functioneel-beheerder': ['Bert Beheer', vt],
    beleidsmedewerker: ['Bo Beleid', gemeente],
  };
  const out = {} as Record<Wie, Gebruiker>;
  for (const [rol, [naam, organisationId]] of Object.entries(specs) as [Wie, [string, string]][]) {
    const id = (
      await t.db.query<{ id: string }>(`INSERT INTO app_user (region_id, organisation_id, naam, email) VALUES ($1, $2, $3, $4) RETURNING id`, [
        REGIO,
        organisationId,
        naam,
        `${rol}@correctheid.samenveilig.example`,
      ])
    ).rows[0]!.id;
    await t.db.query(`INSERT INTO user_role (user_id, region_id, rol) VALUES ($1, $2, $3)`, [id, REGIO, rol]);
    const s = await createSession(t.db, { id, region_id: REGIO }, { secondFactorOk: true, maxHours: 12 });
    out[rol] = {
      actor: { kind: 'user', id, regionId: REGIO, organisationId, teamId: null, roles: [rol as Rol], breakGlass: [] },
      audit: { actorSoort: 'gebruiker', actorId: id, organisationId, rol, requestId: null, clientAdres: null },
      headers: { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken },
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The records as the figures read them: this file's own query, independent of the server's

async function leesCijferInvoer(t: TestDb): Promise<{ contacten: CijferContact[]; beoordelingen: CijferBeoordeling[] }> {
  const q = async <T,>(sql: string) => (await t.db.query<T & Record<string, unknown>>(sql, [REGIO])).rows;
  const samengevoegd = new Map(
    (await q<{ id: string; samengevoegd_in: string | null }>(`SELECT id, samengevoegd_in FROM household WHERE region_id = $1`)).map((h) => [h.id, h.samengevoegd_in]),
  );
  const huishouden = (id: string | null): string | null => {
    let h = id;
    while (h !== null && samengevoegd.get(h)) h = samengevoegd.get(h)!;
    return h;
  };
  const groep = <T,>(rows: { contact_id: string; v: T }[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.contact_id, [...(m.get(r.contact_id) ?? []), r.v]);
    return m;
  };
  const personen = groep(
    await q<{ contact_id: string; v: string }>(
      `SELECT cp.contact_id, coalesce(pi.identiteit_id, cp.person_id)::text AS v FROM contact_person cp LEFT JOIN person_identiteit pi ON pi.person_id = cp.person_id WHERE cp.region_id = $1`,
    ),
  );
  const geweld = groep(await q<{ contact_id: string; v: string }>(`SELECT contact_id, geweldsvorm_code AS v FROM contact_geweldsvorm WHERE region_id = $1`));
  const omgezet = new Set(
    (await q<{ contact_id: string }>(`SELECT contact_id FROM contact_gebeurtenis WHERE region_id = $1 AND soort = 'omgezet-naar-melding'`)).map((r) => r.contact_id),
  );
  const contacten = (
    await q<{
      id: string; type: ContactType; status: string; ontvangen_op: Date; melding_op: Date | null; gemeente_code: string; melder_type: MelderType;
      melder_sector: MelderSector | null; household_id: string | null;
    }>(`SELECT id, type, status, ontvangen_op, melding_op, gemeente_code, melder_type, melder_sector, household_id FROM contact WHERE region_id = $1`)
  ).map(
    (c): CijferContact => ({
      id: c.id,
      soort: c.type,
      ontvangenOp: new Date(c.ontvangen_op),
      meldingOp: c.melding_op ? new Date(c.melding_op) : null,
      omgezetVanAdvies: omgezet.has(c.id),
      gemeente: c.gemeente_code,
      huishoudenId: huishouden(c.household_id),
      persoonIds: [...new Set(personen.get(c.id) ?? [])],
      melderType: c.melder_type,
      melderSector: c.melder_sector,
      geweldsvormen: geweld.get(c.id) ?? [],
      ingetrokken: c.status === 'ingetrokken',
    }),
  );
  const beoordelingen = (
    await q<{ contact_id: string; deadline_wettelijk: Date; deadline_regionaal: Date; beoordeeld_op: Date | null; besluit_soort: BesluitSoort | null; afgerond_op: Date | null }>(
      `SELECT contact_id, deadline_wettelijk, deadline_regionaal, beoordeeld_op, besluit_soort, afgerond_op FROM beoordeling WHERE region_id = $1`,
    )
  ).map(
    (b): CijferBeoordeling => ({
      contactId: b.contact_id,
      deadlineWettelijk: new Date(b.deadline_wettelijk),
      deadlineRegionaal: new Date(b.deadline_regionaal),
      beoordeeldOp: b.beoordeeld_op ? new Date(b.beoordeeld_op) : null,
      besluit: b.besluit_soort,
      afgerondOp: b.afgerond_op ? new Date(b.afgerond_op) : null,
    }),
  );
  return { contacten, beoordelingen };
}

// ---------------------------------------------------------------------------------------------
// The hand-made figures (the table above), in the shape of kerncijfers

/**
 * A full record of every code of CIJFERS. Only the melder sectors and the forms of violence may be left
 * out (they are 0 then); every other figure must be written down, so nothing is filled in silently.
 */
function verwacht(cijfers: Record<string, number | null>): Kerncijfers {
  const r: Record<string, number | null> = {};
  for (const c of CIJFERS) {
    if (c.code in cijfers) r[c.code] = cijfers[c.code]!;
    else if (c.code.startsWith('melder.beroepskracht.') || c.code.startsWith('geweld.')) r[c.code] = 0;
    else throw new Error(`verwacht: ${c.code} ontbreekt in de tabel`);
  }
  for (const k of Object.keys(cijfers)) if (!CIJFERS.some((c) => c.code === k)) throw new Error(`verwacht: onbekende code ${k}`);
  return r;
}

type Gebied = 'apeldoorn' | 'brummen' | 'epe' | 'regio';
const GEMEENTEN: Record<Gebied, readonly string[] | undefined> = { apeldoorn: [APELDOORN], brummen: [BRUMMEN], epe: [EPE], regio: undefined };
const GEBIED_VAN: Record<string, Gebied> = { [APELDOORN]: 'apeldoorn', [BRUMMEN]: 'brummen', [EPE]: 'epe' };
const VOORST = 'GM0285';

/**
 * A gemeente of the region without a single contact (the 11 others, e.g. Voorst), in either period: every count 0, every
 * share and the median unknown (no denominator), recidivism an empty cohort (0 of 0) once its 12 months have passed.
 */
const LEEG = verwacht({
  adviezen: 0, meldingen: 0, 'unieke-huishoudens': 0, 'unieke-personen': 0,
  'eerste-meldingen': 0, hermeldingen: 0, vervolgmeldingen: 0, 'bekend-huishouden': 0, 'pct-bekend-huishouden': null,
  'melder.politie': 0, 'melder.beroepskracht': 0, 'melder.niet-beroepsmatig': 0, 'pct-melder-politie': null,
  beoordeeld: 0, overgedragen: 0, 'pct-overgedragen': null, 'vervolg-door-vt': 0, 'huisverbod-beoordelingen': null,
  'binnen-wettelijke-termijn': 0, 'getoetst-wettelijke-termijn': 0, 'pct-binnen-wettelijke-termijn': null,
  'binnen-regionale-termijn': 0, 'getoetst-regionale-termijn': 0, 'pct-binnen-regionale-termijn': null,
  'mediaan-uren-tot-beoordeling': null, 'recidive-cohort': 0, 'recidive-opnieuw-gemeld': 0, 'pct-recidive': null,
});

/** Recidivism at N1 (not yet known for 2024 and 2024-K4). */
const GEEN_RECIDIVE = { 'recidive-cohort': null, 'recidive-opnieuw-gemeld': null, 'pct-recidive': null };

const VERWACHT: Record<'2024' | '2024-K4', Record<Gebied, Kerncijfers>> = {
  '2024': {
    apeldoorn: verwacht({
      adviezen: 5, meldingen: 13, 'unieke-huishoudens': 11, 'unieke-personen': 23,
      'eerste-meldingen': 9, hermeldingen: 4, vervolgmeldingen: 0, 'bekend-huishouden': 4, 'pct-bekend-huishouden': 30.8,
      'melder.politie': 7, 'melder.beroepskracht': 6, 'melder.niet-beroepsmatig': 0, 'pct-melder-politie': 53.8,
      'melder.beroepskracht.gezondheidszorg': 3, 'melder.beroepskracht.jeugdzorg': 1, 'melder.beroepskracht.vt-andere-regio': 1, 'melder.beroepskracht.andere-organisatie': 1,
      'geweld.partnergeweld': 8, 'geweld.kindermishandeling': 3, 'geweld.ouderenmishandeling': 1, 'geweld.mensenhandel': 1, 'geweld.onbekend': 1,
      beoordeeld: 11, overgedragen: 4, 'pct-overgedragen': 36.4, 'vervolg-door-vt': 1, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 11, 'getoetst-wettelijke-termijn': 13, 'pct-binnen-wettelijke-termijn': 84.6,
      'binnen-regionale-termijn': 9, 'getoetst-regionale-termijn': 13, 'pct-binnen-regionale-termijn': 69.2,
      'mediaan-uren-tot-beoordeling': 6, 'recidive-cohort': 6, 'recidive-opnieuw-gemeld': 3, 'pct-recidive': 50,
    }),
    brummen: verwacht({
      adviezen: 2, meldingen: 8, 'unieke-huishoudens': 6, 'unieke-personen': 15,
      'eerste-meldingen': 4, hermeldingen: 3, vervolgmeldingen: 1, 'bekend-huishouden': 4, 'pct-bekend-huishouden': 50,
      'melder.politie': 1, 'melder.beroepskracht': 4, 'melder.niet-beroepsmatig': 3, 'pct-melder-politie': 12.5,
      'melder.beroepskracht.ggz': 1, 'melder.beroepskracht.onderwijs': 1, 'melder.beroepskracht.kinderopvang': 1, 'melder.beroepskracht.justitie-en-veiligheid': 1,
      'geweld.partnergeweld': 3, 'geweld.kindermishandeling': 4, 'geweld.schadelijke-praktijken': 1, 'geweld.seksueel-geweld': 1,
      beoordeeld: 8, overgedragen: 3, 'pct-overgedragen': 37.5, 'vervolg-door-vt': 1, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 7, 'getoetst-wettelijke-termijn': 8, 'pct-binnen-wettelijke-termijn': 87.5,
      'binnen-regionale-termijn': 7, 'getoetst-regionale-termijn': 8, 'pct-binnen-regionale-termijn': 87.5,
      'mediaan-uren-tot-beoordeling': 9, 'recidive-cohort': 3, 'recidive-opnieuw-gemeld': 1, 'pct-recidive': 33.3,
    }),
    epe: verwacht({
      adviezen: 1, meldingen: 2, 'unieke-huishoudens': 2, 'unieke-personen': 4,
      'eerste-meldingen': 2, hermeldingen: 0, vervolgmeldingen: 0, 'bekend-huishouden': 0, 'pct-bekend-huishouden': 0,
      'melder.politie': 0, 'melder.beroepskracht': 1, 'melder.niet-beroepsmatig': 1, 'pct-melder-politie': 0,
      'melder.beroepskracht.onderwijs': 1,
      'geweld.ouderenmishandeling': 1, 'geweld.oudermishandeling': 1,
      beoordeeld: 2, overgedragen: 1, 'pct-overgedragen': 50, 'vervolg-door-vt': 0, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 2, 'getoetst-wettelijke-termijn': 2, 'pct-binnen-wettelijke-termijn': 100,
      'binnen-regionale-termijn': 2, 'getoetst-regionale-termijn': 2, 'pct-binnen-regionale-termijn': 100,
      'mediaan-uren-tot-beoordeling': 2.5, 'recidive-cohort': 1, 'recidive-opnieuw-gemeld': 1, 'pct-recidive': 100,
    }),
    regio: verwacht({
      adviezen: 8, meldingen: 23, 'unieke-huishoudens': 18, 'unieke-personen': 39,
      'eerste-meldingen': 15, hermeldingen: 7, vervolgmeldingen: 1, 'bekend-huishouden': 8, 'pct-bekend-huishouden': 34.8,
      'melder.politie': 8, 'melder.beroepskracht': 11, 'melder.niet-beroepsmatig': 4, 'pct-melder-politie': 34.8,
      'melder.beroepskracht.gezondheidszorg': 3, 'melder.beroepskracht.jeugdzorg': 1, 'melder.beroepskracht.vt-andere-regio': 1, 'melder.beroepskracht.andere-organisatie': 1,
      'melder.beroepskracht.ggz': 1, 'melder.beroepskracht.onderwijs': 2, 'melder.beroepskracht.kinderopvang': 1, 'melder.beroepskracht.justitie-en-veiligheid': 1,
      'geweld.partnergeweld': 11, 'geweld.kindermishandeling': 7, 'geweld.ouderenmishandeling': 2, 'geweld.oudermishandeling': 1, 'geweld.schadelijke-praktijken': 1,
      'geweld.mensenhandel': 1, 'geweld.seksueel-geweld': 1, 'geweld.onbekend': 1,
      beoordeeld: 21, overgedragen: 8, 'pct-overgedragen': 38.1, 'vervolg-door-vt': 2, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 20, 'getoetst-wettelijke-termijn': 23, 'pct-binnen-wettelijke-termijn': 87,
      'binnen-regionale-termijn': 18, 'getoetst-regionale-termijn': 23, 'pct-binnen-regionale-termijn': 78.3,
      'mediaan-uren-tot-beoordeling': 6, 'recidive-cohort': 10, 'recidive-opnieuw-gemeld': 5, 'pct-recidive': 50,
    }),
  },
  '2024-K4': {
    apeldoorn: verwacht({
      adviezen: 2, meldingen: 7, 'unieke-huishoudens': 7, 'unieke-personen': 14,
      'eerste-meldingen': 5, hermeldingen: 2, vervolgmeldingen: 0, 'bekend-huishouden': 2, 'pct-bekend-huishouden': 28.6,
      'melder.politie': 4, 'melder.beroepskracht': 3, 'melder.niet-beroepsmatig': 0, 'pct-melder-politie': 57.1,
      'melder.beroepskracht.gezondheidszorg': 1, 'melder.beroepskracht.vt-andere-regio': 1, 'melder.beroepskracht.andere-organisatie': 1,
      'geweld.partnergeweld': 5, 'geweld.kindermishandeling': 1, 'geweld.ouderenmishandeling': 1, 'geweld.onbekend': 1,
      beoordeeld: 5, overgedragen: 1, 'pct-overgedragen': 20, 'vervolg-door-vt': 0, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 5, 'getoetst-wettelijke-termijn': 7, 'pct-binnen-wettelijke-termijn': 71.4,
      'binnen-regionale-termijn': 4, 'getoetst-regionale-termijn': 7, 'pct-binnen-regionale-termijn': 57.1,
      'mediaan-uren-tot-beoordeling': 5, 'recidive-cohort': 1, 'recidive-opnieuw-gemeld': 1, 'pct-recidive': 100,
    }),
    brummen: verwacht({
      adviezen: 0, meldingen: 4, 'unieke-huishoudens': 4, 'unieke-personen': 8,
      'eerste-meldingen': 3, hermeldingen: 1, vervolgmeldingen: 0, 'bekend-huishouden': 1, 'pct-bekend-huishouden': 25,
      'melder.politie': 1, 'melder.beroepskracht': 2, 'melder.niet-beroepsmatig': 1, 'pct-melder-politie': 25,
      'melder.beroepskracht.kinderopvang': 1, 'melder.beroepskracht.justitie-en-veiligheid': 1,
      'geweld.partnergeweld': 1, 'geweld.kindermishandeling': 1, 'geweld.schadelijke-praktijken': 1, 'geweld.seksueel-geweld': 1,
      beoordeeld: 4, overgedragen: 2, 'pct-overgedragen': 50, 'vervolg-door-vt': 0, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 3, 'getoetst-wettelijke-termijn': 4, 'pct-binnen-wettelijke-termijn': 75,
      'binnen-regionale-termijn': 3, 'getoetst-regionale-termijn': 4, 'pct-binnen-regionale-termijn': 75,
      'mediaan-uren-tot-beoordeling': 22.5, 'recidive-cohort': 2, 'recidive-opnieuw-gemeld': 0, 'pct-recidive': 0,
    }),
    epe: verwacht({
      adviezen: 1, meldingen: 1, 'unieke-huishoudens': 1, 'unieke-personen': 2,
      'eerste-meldingen': 1, hermeldingen: 0, vervolgmeldingen: 0, 'bekend-huishouden': 0, 'pct-bekend-huishouden': 0,
      'melder.politie': 0, 'melder.beroepskracht': 1, 'melder.niet-beroepsmatig': 0, 'pct-melder-politie': 0,
      'melder.beroepskracht.onderwijs': 1,
      'geweld.ouderenmishandeling': 1,
      beoordeeld: 1, overgedragen: 1, 'pct-overgedragen': 100, 'vervolg-door-vt': 0, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 1, 'getoetst-wettelijke-termijn': 1, 'pct-binnen-wettelijke-termijn': 100,
      'binnen-regionale-termijn': 1, 'getoetst-regionale-termijn': 1, 'pct-binnen-regionale-termijn': 100,
      'mediaan-uren-tot-beoordeling': 4, 'recidive-cohort': 1, 'recidive-opnieuw-gemeld': 1, 'pct-recidive': 100,
    }),
    regio: verwacht({
      adviezen: 3, meldingen: 12, 'unieke-huishoudens': 12, 'unieke-personen': 24,
      'eerste-meldingen': 9, hermeldingen: 3, vervolgmeldingen: 0, 'bekend-huishouden': 3, 'pct-bekend-huishouden': 25,
      'melder.politie': 5, 'melder.beroepskracht': 6, 'melder.niet-beroepsmatig': 1, 'pct-melder-politie': 41.7,
      'melder.beroepskracht.gezondheidszorg': 1, 'melder.beroepskracht.vt-andere-regio': 1, 'melder.beroepskracht.andere-organisatie': 1,
      'melder.beroepskracht.kinderopvang': 1, 'melder.beroepskracht.justitie-en-veiligheid': 1, 'melder.beroepskracht.onderwijs': 1,
      'geweld.partnergeweld': 6, 'geweld.kindermishandeling': 2, 'geweld.ouderenmishandeling': 2, 'geweld.onbekend': 1, 'geweld.schadelijke-praktijken': 1,
      'geweld.seksueel-geweld': 1,
      beoordeeld: 10, overgedragen: 4, 'pct-overgedragen': 40, 'vervolg-door-vt': 0, 'huisverbod-beoordelingen': null,
      'binnen-wettelijke-termijn': 9, 'getoetst-wettelijke-termijn': 12, 'pct-binnen-wettelijke-termijn': 75,
      'binnen-regionale-termijn': 8, 'getoetst-regionale-termijn': 12, 'pct-binnen-regionale-termijn': 66.7,
      'mediaan-uren-tot-beoordeling': 5.5, 'recidive-cohort': 4, 'recidive-opnieuw-gemeld': 2, 'pct-recidive': 50,
    }),
  },
};

// ---------------------------------------------------------------------------------------------

let t: TestDb;
let app: FastifyInstance;
let wie: Record<Wie, Gebruiker>;
/** Contact id by the externalId of the data set ("CR-14"). */
const id: Record<string, string> = {};

const send = (w: Wie, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers: { ...wie[w].headers, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  t = await createTestDb();
  wie = await maakRegio(t);
  app = await buildApp({ config: securityConfig(), db: t.db, webDir: '/nonexistent' });

  // The region's own deadline: 24 hours (seed 003's ambition), set before the meldingen arrive.
  ok(await send('functioneel-beheerder', 'PUT', '/api/v1/beheer/instellingen/termijnen', { acuutMinuten: 60, beoordeling: { eenheid: 'uren', aantal: 24 }, onderzoekWeken: 10, versie: 0 }));

  // 1. The data set, through the JSON Lines import over HTTP.
  const imp = ok<{ opgeslagen: number; fouten: unknown[] }>(await send('vt-medewerker', 'POST', `/api/v1/import?bron=${BRON}`, DATA, { 'content-type': 'application/x-ndjson' }));
  expect(imp).toMatchObject({ opgeslagen: 40, fouten: [] });
  for (const r of (await t.db.query<{ id: string; external_id: string }>(`SELECT id, external_id FROM contact WHERE source = $1`, [BRON])).rows) id[r.external_id] = r.id;

  // 2. C14: the advies becomes a melding on 2 October 2024 10:00, naming the child and its mother, and is assessed with four
  //    eyes: proposed by the medewerker 10-02 14:00, confirmed by the gedragswetenschapper 10-03 09:00. The app's own
  //    functions with a fixed moment (the HTTP routes use the clock of today).
  const mw = wie['vt-medewerker'];
  const gw = wie['vt-gedragswetenschapper'];
  await omzettenNaarMelding(t.db, mw.actor, mw.audit, id['CR-14']!, {
    reden: 'De kinderopvang belt terug met de namen; zorgen blijven.',
    personen: contactSchema.shape.personen.parse([
      { ref: 'o1', rol: 'kind', voornamen: 'Otje', achternaam: 'Olmenstein', geboortedatum: '2020-06-06' },
      { ref: 'o2', rol: 'overig', voornamen: 'Odile', achternaam: 'Olmenstein', geboortedatum: '1995-08-28', geslacht: 'vrouw' },
    ]),
    relaties: [{ van: 'o2', naar: 'o1', type: 'ouder' }],
    versie: 1,
  }, new Date('2024-10-02T10:00:00+02:00'));
  const b14 = (await t.db.query<{ id: string; versie: number }>(`SELECT id, versie FROM beoordeling WHERE contact_id = $1`, [id['CR-14']])).rows[0]!;
  const opgeslagen = await saveInhoud(t.db, mw.actor, mw.audit, b14.id, { inhoud: beoordelingInhoudSchema.parse(COMPLETE_INHOUD), versie: b14.versie }, new Date('2024-10-02T13:00:00+02:00'));
  const voorstel = await stelBesluitVoor(t.db, mw.actor, mw.audit, b14.id, { besluit: { soort: 'einde-bemoeienis', reden: 'Ouder neemt zelf hulp; opvang houdt zicht.' }, versie: opgeslagen.versie }, new Date('2024-10-02T14:00:00+02:00'));
  await beoordeelVoorstel(t.db, gw.actor, gw.audit, voorstel.besluiten.at(-1)!.id, { antwoord: 'bevestigen' }, new Date('2024-10-03T09:00:00+02:00'));

  // 3. C17: the radar proposed Rosa of C16 for the Rosa of this melding; a Veilig Thuis worker confirms it (persons only).
  const c17 = ok<{ radar: { id: string; persoon: { id: string }; kandidaat: { personId: string } }[] }>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${id['CR-17']}`));
  const rosa = (await t.db.query<{ id: string }>(`SELECT id FROM person WHERE source = $1 AND external_id = 'CR-P-R1'`, [BRON])).rows[0]!.id;
  const kandidaat = c17.radar.find((k) => k.kandidaat.personId === rosa);
  expect(kandidaat, 'the radar proposes the known Rosa Radarvrouw').toBeDefined();
  ok(await send('vt-medewerker', 'POST', `/api/v1/radar/kandidaten/${kandidaat!.id}/besluit`, { besluit: 'bevestigen' }));

  // 4. C11 and C24 were registered in error: withdrawn over HTTP.
  for (const ext of ['CR-11', 'CR-24']) {
    ok(await send('vt-gedragswetenschapper', 'POST', `/api/v1/contacten/${id[ext]}/intrekken`, { reden: 'Onjuist geregistreerd: deze melding hoort niet bij dit huishouden.' }));
  }
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const periode = (s: string) => parsePeriode(s)!;

describe(`figures on a hand-made data set (${testDbKind()})`, () => {
  describe('the domain, fed from the database', () => {
    let invoer: Awaited<ReturnType<typeof leesCijferInvoer>>;
    beforeAll(async () => {
      invoer = await leesCijferInvoer(t);
    });

    it('the records are in the state the table assumes', async () => {
      const c = (ext: string) => invoer.contacten.find((x) => x.id === id[ext])!;
      expect(invoer.contacten).toHaveLength(40);
      // The advies converted on 2 October 2024 10:00 (08:00 UTC): a melding now, received as an advies.
      expect(c('CR-14')).toMatchObject({ soort: 'melding', omgezetVanAdvies: true, meldingOp: new Date('2024-10-02T08:00:00Z'), ontvangenOp: new Date('2024-09-20T13:00:00Z') });
      expect(c('CR-14').persoonIds).toHaveLength(2);
      // The radar link: Rosa of C17 is the identity of Rosa of C16; Sander is his own.
      expect(c('CR-17').persoonIds!.filter((p) => c('CR-16').persoonIds!.includes(p))).toHaveLength(1);
      expect(new Set([...c('CR-16').persoonIds!, ...c('CR-17').persoonIds!]).size).toBe(3);
      // Household M moved: one household, two gemeenten.
      expect(c('CR-06').huishoudenId).toBe(c('CR-12').huishoudenId);
      expect([c('CR-06').gemeente, c('CR-12').gemeente]).toEqual([APELDOORN, BRUMMEN]);
      // 31 December 2024 23:30 in Amsterdam is 22:30 UTC.
      expect(c('CR-19').ontvangenOp).toEqual(new Date('2024-12-31T22:30:00Z'));
      // Withdrawn: C11 and C24, nothing else.
      expect(invoer.contacten.filter((x) => x.ingetrokken).map((x) => x.id).sort()).toEqual([id['CR-11'], id['CR-24']].sort());
      // The regional deadline is 24 hours after receipt; the legal one 5 working days (C19: 1 January is a holiday).
      const b19 = invoer.beoordelingen.find((b) => b.contactId === id['CR-19'])!;
      expect(b19.deadlineRegionaal).toEqual(new Date('2025-01-01T22:30:00Z'));
      expect(b19.deadlineWettelijk).toEqual(new Date('2025-01-08T22:59:59.999Z'));
      // C14 was assessed through the app, at the moment of the second person's confirmation.
      expect(invoer.beoordelingen.find((b) => b.contactId === id['CR-14'])).toMatchObject({ beoordeeldOp: new Date('2024-10-03T07:00:00Z'), besluit: 'einde-bemoeienis' });
    });

    it('classifies the listed meldingen as worked out by hand (eerste / hermelding / vervolgmelding)', () => {
      const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
      const soort = (ext: string) => basis.meldingen.find((m) => m.contact.id === id[ext])?.soort;
      expect({
        C04: soort('CR-04'), C08: soort('CR-08'), C10: soort('CR-10'), C12: soort('CR-12'), C13: soort('CR-13'), C17: soort('CR-17'),
        C21: soort('CR-21'), C26: soort('CR-26'), C36: soort('CR-36'), C39: soort('CR-39'), C14: soort('CR-14'), C19: soort('CR-19'),
      }).toEqual({
        C04: 'hermelding', C08: 'hermelding', C10: 'vervolgmelding', C12: 'hermelding', C13: 'eerste-melding', C17: 'hermelding',
        C21: 'eerste-melding', C26: 'hermelding', C36: 'hermelding', C39: 'hermelding', C14: 'eerste-melding', C19: 'eerste-melding',
      });
      // Withdrawn registrations are no meldingen at all.
      expect(soort('CR-11')).toBeUndefined();
      expect(soort('CR-24')).toBeUndefined();
    });

    for (const p of ['2024', '2024-K4'] as const) {
      for (const g of ['regio', 'apeldoorn', 'brummen', 'epe'] as const) {
        it(`${p}, ${g}: every figure equals the hand-made table (now = ${N2.toISOString().slice(0, 10)})`, () => {
          const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
          expect(kerncijfers(basis, { periode: periode(p), ...(GEMEENTEN[g] ? { gemeenten: GEMEENTEN[g] } : {}) }, N2)).toEqual(VERWACHT[p][g]);
        });
        it(`${p}, ${g}: at ${N1.toISOString().slice(0, 10)} the same, but recidivism is not known yet`, () => {
          const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
          expect(kerncijfers(basis, { periode: periode(p), ...(GEMEENTEN[g] ? { gemeenten: GEMEENTEN[g] } : {}) }, N1)).toEqual({ ...VERWACHT[p][g], ...GEEN_RECIDIVE });
        });
      }
    }

    it('a gemeente without contacts (Voorst): zeros and unknown shares, in both periods', () => {
      const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
      for (const p of ['2024', '2024-K4']) expect(kerncijfers(basis, { periode: periode(p), gemeenten: [VOORST] }, N2)).toEqual(LEEG);
    });

    it('2023 at N1 (its 12 months have passed): household B recidivist; Apeldoorn has no cohort', () => {
      const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
      const rec = (gemeenten?: string[]) => {
        const k = kerncijfers(basis, { periode: periode('2023'), ...(gemeenten ? { gemeenten } : {}) }, N1);
        return [k['recidive-cohort'], k['recidive-opnieuw-gemeld'], k['pct-recidive']];
      };
      expect(rec()).toEqual([1, 1, 100]);
      expect(rec([BRUMMEN])).toEqual([1, 1, 100]);
      expect(rec([APELDOORN])).toEqual([0, 0, null]);
    });

    it('overdue now: the two unassessed meldingen past their deadlines, not the withdrawn ones', () => {
      const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
      expect(teLaatNu(basis, N2)).toEqual({ wettelijk: 2, regionaal: 2 });
      expect(teLaatNu(basis, N2, [APELDOORN])).toEqual({ wettelijk: 2, regionaal: 2 });
      expect(teLaatNu(basis, N2, [BRUMMEN])).toEqual({ wettelijk: 0, regionaal: 0 });
    });
  });
  /** The cells a Veilig Thuis role gets: every known figure visible with its value; an unknown one (null) is '.'. */
  const alsCellen = (k: Kerncijfers): Record<string, Cel> =>
    Object.fromEntries(CIJFERS.map((c) => [c.code, k[c.code] === null ? { status: 'nvt' } : { status: 'zichtbaar', waarde: k[c.code]! }]));
  const zonderRecidive = (k: Kerncijfers): Kerncijfers => ({ ...k, ...GEEN_RECIDIVE });
  /** The region's answer: its total and one part per gemeente of the region (the three with contacts, eleven empty). */
  function expectRegio(a: CijfersAntwoord, p: '2024' | '2024-K4', bijN1 = false) {
    const v = (k: Kerncijfers) => alsCellen(bijN1 ? zonderRecidive(k) : k);
    expect(a.beschermd).toBe(false);
    expect(a.gebied).toMatchObject({ soort: 'regio', code: REGIO });
    expect(a.totaal).toEqual(v(VERWACHT[p].regio));
    expect(a.delen).toHaveLength(14);
    for (const d of a.delen) {
      const g = GEBIED_VAN[d.code];
      expect({ gemeente: d.code, cijfers: d.cijfers }).toEqual({ gemeente: d.code, cijfers: v(g ? VERWACHT[p][g] : LEEG) });
    }
  }

  describe('the server: cijfersVoor and GET /api/v1/cijfers', () => {
    it('after the incremental steps of the figures job (marks left by the import and every change since)', async () => {
      while ((await werkCijfersBij(t.db, 7, N2)) > 0);
      const mw = wie['vt-medewerker'];
      for (const p of ['2024', '2024-K4'] as const) expectRegio(await cijfersVoor(t.db, mw.actor, mw.audit, { periode: p }, N2), p);
    });

    it('after herberekenCijfers (from scratch): the region and its gemeenten, each period, at N2 and at N1', async () => {
      await herberekenCijfers(t.db);
      const mw = wie['vt-medewerker'];
      for (const p of ['2024', '2024-K4'] as const) {
        expectRegio(await cijfersVoor(t.db, mw.actor, mw.audit, { periode: p }, N2), p);
        expectRegio(await cijfersVoor(t.db, mw.actor, mw.audit, { periode: p }, N1), p, true);
        for (const [code, g] of Object.entries(GEBIED_VAN)) {
          const a = await cijfersVoor(t.db, mw.actor, mw.audit, { periode: p, gemeente: code }, N2);
          expect(a.gebied).toMatchObject({ soort: 'gemeente', code });
          expect({ gemeente: code, cijfers: a.totaal }).toEqual({ gemeente: code, cijfers: alsCellen(VERWACHT[p][g]) });
          expect(a.delen).toEqual([]);
        }
      }
      // 2023 at N1: the Brummen household's intervention of November 2023 and its new melding in July 2024.
      const j2023 = await cijfersVoor(t.db, mw.actor, mw.audit, { periode: '2023' }, N1);
      expect([j2023.totaal['recidive-cohort'], j2023.totaal['recidive-opnieuw-gemeld'], j2023.totaal['pct-recidive']]).toEqual([
        { status: 'zichtbaar', waarde: 1 },
        { status: 'zichtbaar', waarde: 1 },
        { status: 'zichtbaar', waarde: 100 },
      ]);
    });

    it('over HTTP (today: the 12 months after 2024 have passed, as at N2)', async () => {
      expectRegio(ok<CijfersAntwoord>(await send('vt-medewerker', 'GET', '/api/v1/cijfers?periode=2024')), '2024');
      expectRegio(ok<CijfersAntwoord>(await send('vt-gedragswetenschapper', 'GET', `/api/v1/cijfers?periode=2024-K4&regio=${REGIO}`)), '2024-K4');
      const brummen = ok<CijfersAntwoord>(await send('vt-medewerker', 'GET', `/api/v1/cijfers?periode=2024-K4&gemeente=${BRUMMEN}`));
      expect(brummen.totaal).toEqual(alsCellen(VERWACHT['2024-K4'].brummen));
    });

    it('a beleidsmedewerker gets them protected (primary suppression at least: Epe\'s 2 meldingen of 2024 show as "<5")', async () => {
      const bm = wie.beleidsmedewerker;
      const a = await cijfersVoor(t.db, bm.actor, bm.audit, { periode: '2024' }, N2);
      expect(a.beschermd).toBe(true);
      expect(a.delen.find((d) => d.code === EPE)!.cijfers.meldingen).toEqual({ status: 'klein' });
    });
  });
});
