import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { api, type Regio } from '../api';
import { AppLink } from '../components/AppLink';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { formatAantal, formatDatum } from '../format';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { totaalInwoners } from './HomePage';

function GemeentenTabel({ regio }: { regio: Regio }) {
  const captionId = useId();
  const gemeenten = [...regio.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table">
        <TableCaption id={captionId} className="sv-table__caption">
          Gemeenten in de regio {regio.naam}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
            <TableHeaderCell scope="col">CBS-code</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn className="sv-num">
              Inwoners
            </TableHeaderCell>
            <TableHeaderCell scope="col">Peildatum</TableHeaderCell>
            <TableHeaderCell scope="col">Bron</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {gemeenten.map((g) => (
            <TableRow key={g.code}>
              <TableHeaderCell scope="row">{g.naam}</TableHeaderCell>
              <TableCell>
                <code className="sv-code">{g.code}</code>
              </TableCell>
              <TableCell numericColumn className="sv-num">
                {formatAantal(g.inwoners)}
              </TableCell>
              <TableCell>
                <time dateTime={g.inwonersPeildatum}>{formatDatum(g.inwonersPeildatum)}</time>
              </TableCell>
              <TableCell>{g.inwonersBron}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        {gemeenten.length > 1 ? (
          <TableFooter>
            <TableRow>
              <TableHeaderCell scope="row">Totaal</TableHeaderCell>
              <TableCell>{formatAantal(gemeenten.length)} gemeenten</TableCell>
              <TableCell numericColumn className="sv-num">
                {formatAantal(totaalInwoners(regio))}
              </TableCell>
              <TableCell />
              <TableCell />
            </TableRow>
          </TableFooter>
        ) : null}
      </Table>
    </ScrollRegion>
  );
}

function RegioInhoud({ regio }: { regio: Regio }) {
  return (
    <>
      <Paragraph appearance="lead">
        Centrumgemeente: {regio.centrumgemeente.naam} ({regio.centrumgemeente.code}).
      </Paragraph>

      <Heading level={2}>Cijfers</Heading>
      <Paragraph>Dit zijn alleen totalen. Er staan geen gegevens over personen op deze pagina.</Paragraph>
      <dl className="sv-facts sv-facts--wide">
        <div className="sv-facts__item">
          <dt>Gemeenten</dt>
          <dd>{formatAantal(regio.gemeenten.length)}</dd>
        </div>
        <div className="sv-facts__item">
          <dt>Inwoners</dt>
          <dd>{formatAantal(totaalInwoners(regio))}</dd>
        </div>
        <div className="sv-facts__item">
          <dt>Adviezen</dt>
          <dd>{formatAantal(regio.totalen.adviezen)}</dd>
        </div>
        <div className="sv-facts__item">
          <dt>Meldingen</dt>
          <dd>{formatAantal(regio.totalen.meldingen)}</dd>
        </div>
      </dl>

      <Heading level={2}>Gemeenten</Heading>
      <GemeentenTabel regio={regio} />
      <Paragraph className="sv-bron">Bron van de indeling: {regio.bron}.</Paragraph>
    </>
  );
}

export function RegioPage({ id }: { id: string }) {
  const regios = useApi('regios', () => api.regios());
  const regio = regios.status === 'klaar' ? regios.data.find((r) => r.id === id) : undefined;
  const titel = regio ? regio.naam : regios.status === 'klaar' ? 'Regio niet gevonden' : 'Regio';
  usePageTitle(titel);

  return (
    <>
      <Paragraph className="sv-back">
        <AppLink href="/">Terug naar alle regio’s</AppLink>
      </Paragraph>
      {/* Always the same h1 element, so focus stays on it when the data arrives after a page change. */}
      <Heading level={1}>{titel}</Heading>
      {regios.status === 'laden' ? <Laden wat="gegevens van de regio" /> : null}
      {regios.status === 'fout' ? <Foutmelding error={regios.error} /> : null}
      {regio ? <RegioInhoud regio={regio} /> : null}
      {regios.status === 'klaar' && !regio ? (
        <Paragraph>
          Er is geen regio met de code “{id}”. Misschien is de link verouderd. Kies een regio op de{' '}
          <AppLink href="/">startpagina</AppLink>.
        </Paragraph>
      ) : null}
    </>
  );
}
