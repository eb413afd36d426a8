import { Heading, Link, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { MouseEvent, ReactNode } from 'react';
import type { Installatie } from '../api';
import type { ApiState } from '../useApi';
import { AppLink } from './AppLink';
import { DemoBanner } from './DemoBanner';
import { Logo } from './Logo';
import { Foutmelding } from './Status';

export const MAIN_ID = 'inhoud';

interface NavItem {
  href: string;
  label: string;
  active: boolean;
}

export interface LayoutProps {
  installatie: ApiState<Installatie>;
  nav: NavItem[];
  /** Who is logged in, with "Uitloggen"; shown under the main bar. */
  account?: ReactNode;
  children: ReactNode;
}

function focusMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById(MAIN_ID);
  if (!main) return;
  // Move focus ourselves: the router must not treat "#inhoud" as a page change.
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

export function Layout({ installatie, nav, account, children }: LayoutProps) {
  return (
    <div className="sv-page">
      <SkipLink href={`#${MAIN_ID}`} onClick={focusMain}>
        Direct naar de inhoud
      </SkipLink>

      <PageHeader className="sv-header">
        {installatie.status === 'klaar' && installatie.data.demo ? <DemoBanner /> : null}
        <div className="sv-header__bar">
          <div className="sv-container sv-header__content">
            <AppLink href="/" className="sv-brand">
              <Logo />
              <span className="sv-brand__name">Samen Veilig</span>
            </AppLink>
            <nav className="sv-nav" aria-label="Hoofdmenu">
              <ul className="sv-nav__list">
                {nav.map((item) => (
                  <li key={item.href} className="sv-nav__item">
                    <AppLink href={item.href} className="sv-nav__link" aria-current={item.active ? 'page' : undefined}>
                      {item.label}
                    </AppLink>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
        {account}
      </PageHeader>

      <main id={MAIN_ID} tabIndex={-1} className="sv-main">
        <div className="sv-container">
          {installatie.status === 'fout' ? (
            <Foutmelding error={installatie.error} titel="Het lukt niet om de instellingen van Samen Veilig te laden" />
          ) : null}
          {children}
        </div>
      </main>

      <PageFooter className="sv-footer">
        <div className="sv-container sv-footer__content">
          <div className="sv-footer__section">
            <Heading level={2} className="sv-footer__heading">
              Hulp nodig?
            </Heading>
            <Paragraph>
              Veilig Thuis: bel <Link href="tel:08002000">0800-2000</Link> (gratis, dag en nacht)
            </Paragraph>
            <Paragraph>
              Bij direct gevaar: bel <Link href="tel:112">112</Link>
            </Paragraph>
          </div>
          <div className="sv-footer__section">
            <Heading level={2} className="sv-footer__heading">
              Over Samen Veilig
            </Heading>
            <Paragraph>
              Open-source software voor de regionale aanpak van huiselijk geweld en kindermishandeling.
              {installatie.status === 'klaar' ? ` Versie ${installatie.data.versie}.` : null}
            </Paragraph>
            <Paragraph>
              <AppLink href="/api-referentie">API-documentatie</AppLink>
            </Paragraph>
          </div>
        </div>
      </PageFooter>
    </div>
  );
}
