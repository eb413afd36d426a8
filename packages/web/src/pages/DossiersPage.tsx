import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { dossierApi, type HuishoudenSamenvatting, type Pagina } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { focusOp, Tekstveld } from '../components/Velden';
import { aantalMet, formatAantal, formatDatum } from '../format';
import { DOSSIER_ROLLEN } from '../rollen';
import { dossierPath, navigate, useSearch } from '../router';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

function DossierOpenen() {
  const [nummer, setNummer] = useState('');
  const [fout, setFout] = useState<string | null>(null);

  const open = (event: FormEvent) => {
    event.preventDefault();
    const id = nummer.trim();
    if (!id) {
      setFout('Vul een dossiernummer in.');
      return focusOp('dossier-nummer');
    }
    setFout(null);
    navigate(dossierPath(id));
  };

  return (
    <section className="sv-section sv-panel" aria-labelledby="dossier-openen-kop">
      <Heading level={2} id="dossier-openen-kop">
        Dossier openen met een dossiernummer
      </Heading>
      <form className="sv-form sv-form--inline" noValidate onSubmit={open}>
        <Tekstveld
          id="dossier-nummer"
          label="Dossiernummer"
          uitleg="Het dossiernummer staat bijvoorbeeld in een overdracht of een bericht van een collega."
          autoComplete="off"
          spellCheck={false}
          verplicht
          waarde={nummer}
          onWijzig={setNummer}
          fout={fout}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button">
            Dossier openen
          </Button>
        </div>
      </form>
    </section>
  );
}

function lidNamen(h: HuishoudenSamenvatting): string {
  return h.leden.length > 0 ? h.leden.map((l) => l.naam).join(', ') : `Dossier ${h.id}`;
}

function Paginering({ data }: { data: Pagina<HuishoudenSamenvatting> }) {
  const aantalPaginas = Math.max(1, Math.ceil(data.totaal / Math.max(1, data.perPagina)));
  if (aantalPaginas <= 1) return null;
  const href = (p: number) => (p <= 1 ? '/dossiers' : `/dossiers?pagina=${p}`);
  return (
    <nav className="sv-paginering" aria-label="Paginering van de dossiers">
      <ul className="sv-paginering__lijst">
        <li>
          {data.pagina > 1 ? <AppLink href={href(data.pagina - 1)}>Vorige pagina</AppLink> : null}
        </li>
        <li aria-current="page">
          Pagina {formatAantal(data.pagina)} van {formatAantal(aantalPaginas)}
        </li>
        <li>
          {data.pagina < aantalPaginas ? <AppLink href={href(data.pagina + 1)}>Volgende pagina</AppLink> : null}
        </li>
      </ul>
    </nav>
  );
}

function DossierLijst({ pagina }: { pagina: number }) {
  const lijst = useApi(`huishoudens:${pagina}`, () => dossierApi.lijst(pagina));
  const captionId = useId();

  if (lijst.status === 'laden') return <Laden wat="dossiers" />;
  if (lijst.status === 'fout') return <Foutmelding error={lijst.error} titel="Het lukt niet om de dossiers te laden" />;
  const data = lijst.data;
  if (data.totaal === 0) {
    return (
      <Paragraph>
        Er zijn nog geen dossiers waarbij uw organisatie of team betrokken is. Zodra uw organisatie bij een huishouden
        betrokken wordt, ziet u het dossier hier.
      </Paragraph>
    );
  }
  if (data.items.length === 0) {
    return (
      <Paragraph>
        Deze pagina bestaat niet (meer). Ga naar de <AppLink href="/dossiers">eerste pagina</AppLink>.
      </Paragraph>
    );
  }
  return (
    <>
      <Paragraph>
        U heeft toegang tot {aantalMet(data.totaal, 'dossier', 'dossiers')}.
      </Paragraph>
      <ScrollRegion labelledBy={captionId}>
        <Table className="sv-table">
          <TableCaption id={captionId} className="sv-table__caption">
            Dossiers waarbij u betrokken bent
            {data.totaal > data.perPagina ? `, pagina ${formatAantal(data.pagina)}` : ''}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Gezinsleden</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn className="sv-num">
                Contacten
              </TableHeaderCell>
              <TableHeaderCell scope="col">Laatste contact</TableHeaderCell>
              <TableHeaderCell scope="col">Dossiernummer</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.map((h) => (
              <TableRow key={h.id}>
                <TableHeaderCell scope="row">
                  <AppLink href={dossierPath(h.id)}>{lidNamen(h)}</AppLink>
                </TableHeaderCell>
                <TableCell>{h.gemeente?.naam ?? 'Onbekend'}</TableCell>
                <TableCell numericColumn className="sv-num">
                  {formatAantal(h.aantalContacten)}
                </TableCell>
                <TableCell>
                  {h.laatsteContactOp ? <time dateTime={h.laatsteContactOp}>{formatDatum(h.laatsteContactOp)}</time> : 'Geen'}
                </TableCell>
                <TableCell>
                  <code className="sv-code sv-id">{h.id}</code>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      <Paginering data={data} />
    </>
  );
}

export function DossiersPage() {
  usePageTitle('Dossiers');
  const search = useSearch();
  const gevraagd = Number.parseInt(new URLSearchParams(search).get('pagina') ?? '1', 10);
  const pagina = Number.isFinite(gevraagd) && gevraagd > 0 ? gevraagd : 1;

  // Another page of the list: the path stays the same, so move focus to the list ourselves.
  const vorigePagina = useRef(pagina);
  useEffect(() => {
    if (vorigePagina.current === pagina) return;
    vorigePagina.current = pagina;
    focusOp('dossier-lijst-kop');
  }, [pagina]);

  return (
    <Beveiligd rollen={DOSSIER_ROLLEN}>
      {() => (
        <>
          <Heading level={1}>Dossiers</Heading>
          <Paragraph className="sv-intro">
            Hier staan de huishoudens waarbij uw organisatie of team betrokken is. U ziet alleen wat u voor uw werk nodig
            heeft. Elke keer dat u een dossier opent, wordt dat vastgelegd.
          </Paragraph>
          <DossierOpenen />
          <section className="sv-section" aria-labelledby="dossier-lijst-kop">
            <Heading level={2} id="dossier-lijst-kop">
              Uw dossiers
            </Heading>
            <DossierLijst pagina={pagina} />
          </section>
        </>
      )}
    </Beveiligd>
  );
}
