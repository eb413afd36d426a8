/**
 * Eén gezin, één regisseur: an active household has exactly one casusregisseur (the fixed contact who
 * guards the plan) and, where needed, one procesregisseur (brings parties together, watches progress).
 * Regie passes by a proposal the receiver accepts (warm overdracht); until then the sender keeps it.
 * Pure rules; the database enforces the invariant as well (migration 0004).
 *
 * Sources: seed 001 ch. 3 and MDA++, seed 003 §1.4 (casusregie and procesregie), seed 004 §4.1 ("één
 * procesregisseur per gezin ... gedurende het gehele traject"), §3.5 (regie lost when scaling down).
 */
import { REGIE_ROLLEN } from './access/roles.js';
import type { Rol } from './access/roles.js';

export const REGIE_SOORTEN = ['casusregisseur', 'procesregisseur'] as const;
export type RegieSoort = (typeof REGIE_SOORTEN)[number];

export const REGIE_NAMEN: Record<RegieSoort, string> = { casusregisseur: 'Casusregisseur', procesregisseur: 'Procesregisseur' };

export const REGIE_VOORSTEL_STATUSSEN = ['voorgesteld', 'geaccepteerd', 'geweigerd', 'ingetrokken'] as const;
export type RegieVoorstelStatus = (typeof REGIE_VOORSTEL_STATUSSEN)[number];


export interface Regisseur {
  readonly userId: string;
  readonly actief: boolean;
  readonly roles: readonly Rol[];
}

/** Why this user cannot hold regie, or null when they can. */
export function kanRegieHouden(u: Regisseur): string | null {
  if (!u.actief) return 'deze gebruiker is niet actief';
  if (!u.roles.some((r) => REGIE_ROLLEN.includes(r))) return 'deze gebruiker heeft geen rol waarmee hij regie kan voeren';
  return null;
}

/**
 * Who may propose to hand over regie: the current holder, or — when the holder is away — a team lead or
 * colleague cannot take it silently; they propose like anyone and the receiver accepts. Nobody proposes
 * regie to the person who already holds it.
 */
export function voorstelProbleem(opts: { huidig: string | null; voorsteller: string; naar: string }): string | null {
  if (opts.huidig === opts.naar) return 'deze persoon heeft de regie al';
  if (opts.voorsteller === opts.naar) return 'regie draagt u over aan een ander; wie regie wil overnemen, vraagt de huidige regisseur';
  return null;
}

/** A user holding regie may not be deactivated or leave the organisation before a successor accepted it. */
export function vertrekProbleem(heeftRegie: readonly { huishoudenId: string; soort: RegieSoort }[]): string | null {
  if (heeftRegie.length === 0) return null;
  return `deze gebruiker heeft de regie over ${heeftRegie.length === 1 ? 'een huishouden' : `${heeftRegie.length} huishoudens`}; draag die eerst over (de opvolger accepteert)`;
}
