/**
 * Global roles of users. Casusregisseur and procesregisseur are not roles: they are assignments
 * of a user to a household.
 */
export const ROLLEN = [
  'vt-medewerker',
  'vt-gedragswetenschapper',
  'lokaal-team',
  'politie',
  'opvang',
  'csg',
  'zvh-coordinator',
  'beleidsmedewerker',
  'functioneel-beheerder',
  'privacy-officer',
] as const;
export type Rol = (typeof ROLLEN)[number];

export const ROL_NAMEN: Record<Rol, string> = {
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

/** Roles of Veilig Thuis: they see melder identity and may use break-glass. */
export const VT_ROLLEN: readonly Rol[] = ['vt-medewerker', 'vt-gedragswetenschapper'];

/** Roles that may open an out-of-scope dossier after stating a reason (crisis). */
export const BREAK_GLASS_ROLLEN: readonly Rol[] = ['vt-medewerker', 'vt-gedragswetenschapper', 'zvh-coordinator'];

/** Roles that never see a person: aggregated figures only. */
export const AGGREGATE_ONLY_ROLLEN: readonly Rol[] = ['beleidsmedewerker'];

/** A second factor (TOTP) is mandatory for every role that can see personal data (of clients or staff). */
export function requiresSecondFactor(roles: readonly Rol[]): boolean {
  return roles.some((r) => !AGGREGATE_ONLY_ROLLEN.includes(r));
}

/** Roles whose users can hold regie over a household: professionals who work with households. */
export const REGIE_ROLLEN: readonly Rol[] = ['lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper', 'opvang', 'csg', 'zvh-coordinator'];
