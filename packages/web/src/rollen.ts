/**
 * Roles as the web app needs them: Dutch names and which roles open which part of the app.
 * Mirrors packages/domain/src/access (roles.ts, policy.ts); the server decides, this only shapes the UI.
 */

export const ROL_NAMEN: Record<string, string> = {
  'vt-medewerker': 'Veilig Thuis-medewerker',
  'vt-gedragswetenschapper': 'Veilig Thuis-gedragswetenschapper',
  'lokaal-team': 'Medewerker lokaal team',
  politie: 'Politie',
  opvang: 'Opvangmedewerker',
  csg: 'Medewerker Centrum Seksueel Geweld',
  'zvh-coordinator': 'Coördinator Zorg- en Veiligheidshuis',
  beleidsmedewerker: 'Beleidsmedewerker gemeente of regio',
  'functioneel-beheerder': 'Functioneel beheerder',
  'privacy-officer': 'Privacy officer / FG',
};

/** All roles, in a fixed order for forms. */
export const ALLE_ROLLEN = Object.keys(ROL_NAMEN);

/** Roles that may read household dossiers they are involved with. */
export const DOSSIER_ROLLEN = ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator'];

/** Roles that may write (and read) a note of each class; mirrors KLASSE_ROLLEN of the access policy. */
export const NOTITIE_SCHRIJVERS: Record<string, readonly string[]> = {
  algemeen: DOSSIER_ROLLEN,
  medisch: ['vt-medewerker', 'vt-gedragswetenschapper', 'csg'],
  'seksueel-geweld': ['vt-medewerker', 'vt-gedragswetenschapper', 'csg'],
};

/** Roles that may ask for emergency access (break-glass) to a dossier outside their scope. */
export const BREAK_GLASS_ROLLEN = ['vt-medewerker', 'vt-gedragswetenschapper', 'zvh-coordinator'];

export const BEHEER_ROLLEN = ['functioneel-beheerder'];

/** Veilig Thuis: intake screen, work queue, radar and the veiligheidsbeoordeling. */
export const VT_ROLLEN = ['vt-medewerker', 'vt-gedragswetenschapper'];

/** Confirms or sends back a decision someone else proposed (four eyes). */
export const GEDRAGSWETENSCHAPPER = 'vt-gedragswetenschapper';

/** Roles that receive handovers for their organisation (or team). */
export const OVERDRACHT_ROLLEN = ['lokaal-team', 'opvang', 'csg', 'zvh-coordinator', 'vt-medewerker', 'vt-gedragswetenschapper'];

/** Professionals of chain organisations who ask Veilig Thuis for advice or report to it. */
export const MELDEN_ROLLEN = ['politie', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator', 'vt-medewerker', 'vt-gedragswetenschapper'];

export const PRIVACY_ROLLEN = ['privacy-officer'];

/** Roles that see the figures dashboard; the beleidsmedewerker sees aggregates with disclosure control only. */
export const CIJFER_ROLLEN = ['beleidsmedewerker', 'vt-medewerker', 'vt-gedragswetenschapper', 'zvh-coordinator'];

/** Professionals who can hold regie over a household (casusregisseur, procesregisseur) and answer regie proposals. */
export const REGIE_ROLLEN = ['lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper', 'opvang', 'csg', 'zvh-coordinator'];

export function rolNaam(rol: string): string {
  return ROL_NAMEN[rol] ?? rol;
}

/** "Veilig Thuis-medewerker en Privacy officer / FG" (or "… of …" with `voegwoord: 'of'`). */
export function rollenTekst(rollen: readonly string[], voegwoord: 'en' | 'of' = 'en'): string {
  const namen = rollen.map(rolNaam);
  if (namen.length <= 1) return namen.join('');
  return `${namen.slice(0, -1).join(', ')} ${voegwoord} ${namen[namen.length - 1]}`;
}

export function heeftRol(rollen: readonly string[] | undefined, nodig: readonly string[]): boolean {
  return !!rollen && rollen.some((r) => nodig.includes(r));
}
