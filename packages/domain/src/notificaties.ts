/**
 * In-app notifications. A notification names the kind of work and links to it; it never holds
 * personal data (no names, no addresses), so it can also travel by e-mail.
 */
export const NOTIFICATIE_SOORTEN = [
  'termijn-verlopen',
  'besluit-te-bevestigen',
  'besluit-bevestigd',
  'besluit-teruggestuurd',
  'overdracht-voorgesteld',
  'overdracht-beantwoord',
  'melding-bekend-huishouden',
  'regie-voorgesteld',
  'regie-beantwoord',
  'afspraak-verlopen',
  'fase-gewijzigd',
  'fase-goedkeuring',
  'controlemoment',
] as const;
export type NotificatieSoort = (typeof NOTIFICATIE_SOORTEN)[number];
