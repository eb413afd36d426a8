import { useEffect, useRef } from 'react';
import { api } from './api';
import { Layout, MAIN_ID } from './components/Layout';
import { ApiReferentiePage } from './pages/ApiReferentiePage';
import { HomePage } from './pages/HomePage';
import { NietGevondenPage } from './pages/NietGevondenPage';
import { ReferentiePage } from './pages/ReferentiePage';
import { RegioPage } from './pages/RegioPage';
import { parseRoute, usePathname, type Route } from './router';
import { useApi } from './useApi';

function Pagina({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'regio':
      return <RegioPage key={route.id} id={route.id} />;
    case 'referentie':
      return <ReferentiePage />;
    case 'api-referentie':
      return <ApiReferentiePage />;
    case 'niet-gevonden':
      return <NietGevondenPage />;
  }
}

/**
 * After a client-side page change, start at the top and move focus to the new page's h1
 * (or main), so screen reader and keyboard users know the page changed. Not on the first load.
 */
function useFocusOnPageChange(pathname: string) {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    const main = document.getElementById(MAIN_ID);
    const h1 = main?.querySelector('h1');
    const target = h1 ?? main;
    if (!target) return;
    if (target !== main) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname]);
}

export function App() {
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const installatie = useApi('installatie', () => api.installatie());
  useFocusOnPageChange(pathname);

  const nav = [
    { href: '/', label: 'Regio’s', active: route.name === 'home' },
    { href: '/referentie', label: 'Referentiegegevens', active: route.name === 'referentie' },
  ];

  return (
    <Layout installatie={installatie} nav={nav}>
      <Pagina route={route} />
    </Layout>
  );
}
