/**
 * Whether notifications of this process also go out by e-mail.
 *
 * This is configuration, not state: serve() sets it once at start-up from the validated configuration
 * (SAMENVEILIG_SMTP_URL set or not) and it does not change while the process lives. It records nothing
 * about requests, users or data, so it is the same for every caller and every transaction; it only tells
 * notify() whether a new notification waits for the e-mail job ('wachtend') or not ('niet-nodig'). It is a
 * module-level setting rather than a parameter so the many places that notify need not thread it through.
 *
 * Off by default: command-line runs (import, generate, migrate), tests and the demo loader queue no e-mail
 * unless they turn it on themselves.
 */
let enabled = false;

/** Turns queueing of e-mail for new notifications on or off (at start-up, from the configuration). */
export function setEmailEnabled(on: boolean): void {
  enabled = on;
}

/** True when new notifications should also be sent by e-mail. */
export function emailEnabled(): boolean {
  return enabled;
}
