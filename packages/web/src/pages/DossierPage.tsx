import {
  Alert,
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
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, dossierApi, type Contact, type Dossier, type Lid, type Sessie } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { geweldsvormNamen } from '../components/Geweldsvormen';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { focusOp, Tekstvak } from '../components/Velden';
import { aantalMet, formatDatum, formatDatumTijd } from '../format';
import {
  contactTypeLabel,
  geslachtLabel,
  kanaalLabel,
  melderRelatieLabel,
  melderSectorLabel,
  melderTypeLabel,
  notitieKlasseLabel,
  persoonRolLabel,
} from '../labels';
import { BREAK_GLASS_ROLLEN, DOSSIER_ROLLEN, heeftRol } from '../rollen';
import { useSessie } from '../sessie';
import { useApi, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

const TITEL_ID = 'dossier-titel';
const MIN_REDEN = 10;

export function volledigeNaam(lid: Pick<Lid, 'voornamen' | 'tussenvoegsel' | 'achternaam'>): string {
  const naam = [lid.voornamen, lid.tussenvoegsel, lid.achternaam].filter((d) => d && d.trim()).join(' ');
  return naam || 'Naam onbekend';
}

function familienamen(dossier: Dossier): string {
  const namen = [...new Set(dossier.leden.map((l) => [l.tussenvoegsel, l.achternaam].filter(Boolean).join(' ')))].filter(Boolean);
  return namen.join(' / ');
}

function AdresTekst({ lid }: { lid: Lid }) {
  if (lid.adresAfgeschermd) return <strong className="sv-afgeschermd">Adres afgeschermd</strong>;
  if (!lid.adres) return <>Onbekend</>;
  const a = lid.adres;
  return (
    <>
      {a.straat} {a.huisnummer}
      {a.huisnummerToevoeging ? ` ${a.huisnummerToevoeging}` : ''}
      <br />
      {a.postcode} {a.woonplaats}
    </>
  );
}

function LedenTabel({ dossier }: { dossier: Dossier }) {
  const captionId = useId();
  if (dossier.leden.length === 0) return <Paragraph>Er zijn geen gezinsleden vastgelegd.</Paragraph>;
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table">
        <TableCaption id={captionId} className="sv-table__caption">
          Personen in dit huishouden
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
            <TableHeaderCell scope="col">Geslacht</TableHeaderCell>
            <TableHeaderCell scope="col">BSN</TableHeaderCell>
            <TableHeaderCell scope="col">Adres</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {dossier.leden.map((lid) => (
            <TableRow key={lid.id}>
              <TableHeaderCell scope="row">{volledigeNaam(lid)}</TableHeaderCell>
              <TableCell>
                {lid.geboortedatum ? <time dateTime={lid.geboortedatum}>{formatDatum(lid.geboortedatum)}</time> : 'Onbekend'}
              </TableCell>
              <TableCell>{geslachtLabel(lid.geslacht)}</TableCell>
              <TableCell>{lid.bsn ? <span className="sv-code">{lid.bsn}</span> : 'Onbekend'}</TableCell>
              <TableCell>
                <AdresTekst lid={lid} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function MelderIdentiteit({ melder }: { melder: Contact['melder'] }) {
  if (melder.identiteit) {
    const { naam, organisatie, telefoon, email } = melder.identiteit;
    const delen = [naam, organisatie, telefoon, email].filter((d): d is string => !!d);
    return <>{delen.length > 0 ? delen.join(', ') : 'Geen gegevens vastgelegd'}</>;
  }
  if (melder.anoniem) return <>Anoniem</>;
  return <em>Niet zichtbaar voor uw rol</em>;
}

function ContactKaart({ contact, dossier, geweldsvormen }: { contact: Contact; dossier: Dossier; geweldsvormen: Map<string, string> }) {
  const naamVan = (persoonId: string) => {
    const lid = dossier.leden.find((l) => l.id === persoonId);
    return lid ? volledigeNaam(lid) : 'Onbekende persoon';
  };
  const m = contact.melder;
  const melderTekst = [
    melderTypeLabel(m.type),
    m.sector ? melderSectorLabel(m.sector) : null,
    m.relatie ? melderRelatieLabel(m.relatie) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <article className="sv-contact">
      <Heading level={3}>
        {contactTypeLabel(contact.type)} van {formatDatum(contact.ontvangenOp)}
      </Heading>
      {contact.acuutGevaar ? (
        <Paragraph className="sv-label-gevaar">
          <strong>Acuut gevaar</strong>
        </Paragraph>
      ) : null}
      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>Ontvangen op</dt>
          <dd>
            <time dateTime={contact.ontvangenOp}>{formatDatumTijd(contact.ontvangenOp)}</time>
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Kanaal</dt>
          <dd>{kanaalLabel(contact.kanaal)}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Gemeente</dt>
          <dd>{contact.gemeente.naam}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Melder</dt>
          <dd>{melderTekst}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Gegevens van de melder</dt>
          <dd>
            <MelderIdentiteit melder={m} />
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Betrokkenen</dt>
          <dd>
            {contact.rollen.length > 0 ? (
              <ul className="sv-lijst sv-lijst--kaal">
                {contact.rollen.map((r) => (
                  <li key={`${r.persoonId}-${r.rol}`}>
                    {naamVan(r.persoonId)}: {persoonRolLabel(r.rol).toLowerCase()}
                  </li>
                ))}
              </ul>
            ) : (
              'Niet vastgelegd'
            )}
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Vormen van geweld</dt>
          <dd>
            {contact.geweldsvormen.length > 0
              ? contact.geweldsvormen.map((code) => geweldsvormen.get(code) ?? code).join(', ')
              : 'Niet vastgelegd'}
          </dd>
        </div>
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Omschrijving</dt>
          <dd className="sv-tekst">{contact.omschrijving?.trim() ? contact.omschrijving : 'Geen omschrijving'}</dd>
        </div>
      </dl>
    </article>
  );
}

function Notities({ dossier }: { dossier: Dossier }) {
  if (dossier.notities.length === 0) {
    return <Paragraph>Er zijn geen notities die u mag zien.</Paragraph>;
  }
  const notities = [...dossier.notities].sort((a, b) => b.aangemaaktOp.localeCompare(a.aangemaaktOp));
  return (
    <ul className="sv-notities">
      {notities.map((n) => (
        <li key={n.id} className="sv-notitie">
          <Paragraph className="sv-notitie__kop">
            <strong>{notitieKlasseLabel(n.klasse)}</strong> · {n.organisatie} ·{' '}
            <time dateTime={n.aangemaaktOp}>{formatDatumTijd(n.aangemaaktOp)}</time>
            {n.prive ? <span className="sv-label"> Alleen voor uw organisatie</span> : null}
          </Paragraph>
          <Paragraph className="sv-tekst">{n.tekst}</Paragraph>
        </li>
      ))}
    </ul>
  );
}

function Organisaties({ dossier, typen }: { dossier: Dossier; typen: Map<string, string> }) {
  const captionId = useId();
  if (dossier.betrokkenOrganisaties.length === 0) return <Paragraph>Er zijn geen betrokken organisaties vastgelegd.</Paragraph>;
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table">
        <TableCaption id={captionId} className="sv-table__caption">
          Organisaties die bij dit huishouden betrokken zijn
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Soort organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {dossier.betrokkenOrganisaties.map((o) => (
            <TableRow key={`${o.naam}-${o.type}`}>
              <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
              <TableCell>{typen.get(o.type) ?? o.type}</TableCell>
              <TableCell>{o.grondslag}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function DossierInhoud({ dossier }: { dossier: Dossier }) {
  const geweldsvormen = useApi('geweldsvormen', () => api.geweldsvormen());
  const organisatietypen = useApi('organisatietypen', () => api.organisatietypen());
  const vormNamen = geweldsvormen.status === 'klaar' ? geweldsvormNamen(geweldsvormen.data) : new Map<string, string>();
  const typeNamen = new Map(organisatietypen.status === 'klaar' ? organisatietypen.data.map((t) => [t.code, t.naam]) : []);
  const contacten = [...dossier.contacten].sort((a, b) => b.ontvangenOp.localeCompare(a.ontvangenOp));

  return (
    <>
      {dossier.viaBreakGlass ? (
        <Alert type="warning" className="sv-alert sv-noodtoegang-banner">
          <Paragraph>
            <strong>U bekijkt dit dossier met noodtoegang.</strong> Uw toegang stopt op{' '}
            <time dateTime={dossier.viaBreakGlass.tot}>{formatDatumTijd(dossier.viaBreakGlass.tot)}</time>. Alles wat u
            bekijkt, wordt vastgelegd. De privacy officer beoordeelt of de noodtoegang terecht was.
          </Paragraph>
          <Paragraph>Uw reden: “{dossier.viaBreakGlass.reden}”</Paragraph>
        </Alert>
      ) : null}

      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>Dossiernummer</dt>
          <dd>
            <code className="sv-code sv-id">{dossier.id}</code>
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Gezinsleden</dt>
          <dd>{aantalMet(dossier.leden.length, 'persoon', 'personen')}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Contacten met Veilig Thuis</dt>
          <dd>{aantalMet(dossier.contacten.length, 'contact', 'contacten')}</dd>
        </div>
      </dl>

      <nav className="sv-toc" aria-labelledby="dossier-inhoud-kop">
        <Heading level={2} id="dossier-inhoud-kop">
          Op deze pagina
        </Heading>
        <ul className="sv-toc__list">
          <li>
            <a href="#dossier-leden">Gezinsleden</a>
          </li>
          <li>
            <a href="#dossier-contacten">Adviezen en meldingen</a>
          </li>
          <li>
            <a href="#dossier-notities">Notities</a>
          </li>
          <li>
            <a href="#dossier-organisaties">Betrokken organisaties</a>
          </li>
        </ul>
      </nav>

      <section className="sv-section" aria-labelledby="dossier-leden">
        <Heading level={2} id="dossier-leden" tabIndex={-1}>
          Gezinsleden
        </Heading>
        <LedenTabel dossier={dossier} />
      </section>

      <section className="sv-section" aria-labelledby="dossier-contacten">
        <Heading level={2} id="dossier-contacten" tabIndex={-1}>
          Adviezen en meldingen
        </Heading>
        {contacten.length > 0 ? (
          contacten.map((c) => <ContactKaart key={c.id} contact={c} dossier={dossier} geweldsvormen={vormNamen} />)
        ) : (
          <Paragraph>Er zijn geen adviezen of meldingen vastgelegd.</Paragraph>
        )}
      </section>

      <section className="sv-section" aria-labelledby="dossier-notities">
        <Heading level={2} id="dossier-notities" tabIndex={-1}>
          Notities
        </Heading>
        <Notities dossier={dossier} />
      </section>

      <section className="sv-section" aria-labelledby="dossier-organisaties">
        <Heading level={2} id="dossier-organisaties" tabIndex={-1}>
          Betrokken organisaties
        </Heading>
        <Organisaties dossier={dossier} typen={typeNamen} />
      </section>
    </>
  );
}

function NoodtoegangFormulier({ id, onGelukt }: { id: string; onGelukt: () => void }) {
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [serverFout, setServerFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const tekst = reden.trim();
    if (tekst.length < MIN_REDEN) {
      setFout(
        tekst.length === 0
          ? 'Vul de reden in waarom u dit dossier nu nodig heeft.'
          : `Schrijf de reden iets uitgebreider op: minimaal ${MIN_REDEN} tekens.`,
      );
      return focusOp('noodtoegang-reden');
    }
    setFout(null);
    setServerFout(null);
    setBezig(true);
    try {
      await dossierApi.breakGlass(id, tekst);
      onGelukt();
    } catch (error) {
      setServerFout(error instanceof ApiError ? error.message : 'Noodtoegang aanvragen is niet gelukt. Probeer het opnieuw.');
      focusOp('noodtoegang-fout');
    } finally {
      setBezig(false);
    }
  };

  return (
    <section className="sv-section sv-panel sv-panel--waarschuwing" aria-labelledby="noodtoegang-kop">
      <Heading level={2} id="noodtoegang-kop">
        Noodtoegang aanvragen
      </Heading>
      <Alert type="warning" className="sv-alert">
        <Paragraph>
          <strong>Gebruik noodtoegang alleen als het echt nodig is</strong>, bijvoorbeeld bij acuut gevaar, als u dit
          dossier nu nodig heeft om iemand te beschermen.
        </Paragraph>
        <Paragraph>
          Uw aanvraag, uw reden en alles wat u daarna in dit dossier bekijkt, worden vastgelegd. De privacy officer
          beoordeelt elke noodtoegang achteraf. De toegang stopt na een korte tijd vanzelf.
        </Paragraph>
      </Alert>
      {serverFout ? (
        <Alert type="error" role="alert" className="sv-alert" id="noodtoegang-fout" tabIndex={-1}>
          <Paragraph>
            <strong>Noodtoegang is niet gegeven.</strong> {serverFout}
          </Paragraph>
        </Alert>
      ) : null}
      <form className="sv-form" noValidate onSubmit={verstuur}>
        <Tekstvak
          id="noodtoegang-reden"
          label="Reden voor noodtoegang"
          uitleg={`Beschrijf waarom u dit dossier nu nodig heeft. Minimaal ${MIN_REDEN} tekens. Noem geen namen als dat niet nodig is.`}
          verplicht
          waarde={reden}
          onWijzig={setReden}
          fout={fout}
          maxLength={2000}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" hint="warning" busy={bezig}>
            Noodtoegang aanvragen
          </Button>
        </div>
      </form>
    </section>
  );
}

function DossierScherm({ id, sessie }: { id: string; sessie: Sessie }) {
  const { vernieuwen } = useSessie();
  const { state, herlaad } = useHerlaadbareApi(`dossier:${id}`, () => dossierApi.dossier(id));
  const [focusNaLaden, setFocusNaLaden] = useState(false);
  const nietGevonden = state.status === 'fout' && state.error.status === 404;

  useEffect(() => {
    if (focusNaLaden && state.status === 'klaar') {
      setFocusNaLaden(false);
      focusOp(TITEL_ID);
    }
  }, [focusNaLaden, state.status]);

  const titel =
    state.status === 'klaar'
      ? `Dossier ${familienamen(state.data)}`.trim()
      : nietGevonden
        ? 'Dossier niet gevonden'
        : 'Dossier';

  return (
    <>
      <Paragraph className="sv-back">
        <AppLink href="/dossiers">Terug naar de dossiers</AppLink>
      </Paragraph>
      {/* Always the same h1 element, so focus stays on it when the data arrives after a page change. */}
      <Heading level={1} id={TITEL_ID}>
        {titel}
      </Heading>
      {state.status === 'laden' ? <Laden wat="gegevens van het dossier" /> : null}
      {state.status === 'fout' && !nietGevonden ? <Foutmelding error={state.error} titel="Het lukt niet om het dossier te laden" /> : null}
      {nietGevonden ? (
        <>
          <Paragraph>
            Er is geen dossier met nummer <code className="sv-code sv-id">{id}</code>, of u heeft geen toegang tot dit
            dossier. Controleer het dossiernummer. U ziet alleen dossiers waarbij uw organisatie of team betrokken is.
          </Paragraph>
          <Paragraph>
            Ga naar <AppLink href="/dossiers">uw dossiers</AppLink>.
          </Paragraph>
          {heeftRol(sessie.rollen, BREAK_GLASS_ROLLEN) ? (
            <NoodtoegangFormulier
              id={id}
              onGelukt={() => {
                setFocusNaLaden(true);
                void vernieuwen();
                herlaad();
              }}
            />
          ) : null}
        </>
      ) : null}
      {state.status === 'klaar' ? <DossierInhoud dossier={state.data} /> : null}
    </>
  );
}

export function DossierPage({ id }: { id: string }) {
  // No names in the tab title: it ends up in the browser history.
  usePageTitle('Dossier');
  return <Beveiligd rollen={DOSSIER_ROLLEN}>{(sessie) => <DossierScherm id={id} sessie={sessie} />}</Beveiligd>;
}
