import { dossierPath, planPath, top3Path } from '../router';
import { AppLink } from './AppLink';

/** Links between the pages of one part of the app (e.g. Beheer: Gebruikers, Organisaties en teams). */
export function SubNav({ label, items, huidig }: { label: string; items: { href: string; label: string }[]; huidig: string }) {
  return (
    <nav className="sv-subnav" aria-label={label}>
      <ul className="sv-subnav__lijst">
        {items.map((item) => (
          <li key={item.href}>
            <AppLink href={item.href} className="sv-subnav__link" aria-current={item.href === huidig ? 'page' : undefined}>
              {item.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const BEHEER_NAV = [
  { href: '/beheer/gebruikers', label: 'Gebruikers' },
  { href: '/beheer/organisaties', label: 'Organisaties en teams' },
  { href: '/beheer/termijnen', label: 'Termijnen' },
  { href: '/beheer/plan', label: 'Veiligheidsplan' },
  { href: '/beheer/cijfers', label: 'Cijfers' },
];

/** The parts of one dossier: the dossier itself, its veiligheidsplan and its TOP-3 sessions. */
export function dossierNav(id: string) {
  return [
    { href: dossierPath(id), label: 'Dossier' },
    { href: planPath(id), label: 'Veiligheidsplan' },
    { href: top3Path(id), label: 'TOP-3' },
  ];
}
