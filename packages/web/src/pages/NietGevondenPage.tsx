import { Heading, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/AppLink';
import { usePageTitle } from '../usePageTitle';

export function NietGevondenPage() {
  usePageTitle('Pagina niet gevonden');
  return (
    <>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>Deze pagina bestaat niet. Misschien is de link verouderd of zit er een typefout in het adres.</Paragraph>
      <Paragraph>
        Ga naar de <AppLink href="/">startpagina</AppLink>.
      </Paragraph>
    </>
  );
}
