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
import { useId, useState, type FormEvent } from 'react';
import { ApiError, privacyApi, type AuditVerificatie, type BreakGlassVerzoek, type PrivacyPersoon } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, type VeldFout } from '../components/Formulier';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { focusOp, Keuzerondjes, Tekstvak, Tekstveld } from '../components/Velden';
import { aantalMet, formatAantal, formatDatum, formatDatumTijd } from '../format';
import { onthoudGebruiker, onthoudPersonen } from '../privacyGeheugen';
import { PRIVACY_ROLLEN } from '../rollen';
import { useHuidigeSessie } from '../sessie';
import { useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

export const privacyPersoonPath = (id: string) => `/privacy/persoon/${encodeURIComponent(id)}`;
export const privacyGebruikerPath = (id: string) => `/privacy/gebruiker/${encodeURIComponent(id)}`;

const alsApiError = (error: unknown, tekst: string) => (error instanceof ApiError ? error : new ApiError(tekst, 'onbekend'));

/* ---------------------------------------------------------------- search a person */

function PersoonZoeken() {
  const [zoek, setZoek] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [resultaat, setResultaat] = useState<{ term: string; personen: PrivacyPersoon[] } | null>(null);
  const [serverFout, setServerFout] = useState<ApiError | null>(null);
  const [bezig, setBezig] = useState(false);
  const captionId = useId();

  const zoeken = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const term = zoek.trim();
    if (term.length < 2) {
      setFout('Vul een achternaam of een BSN in (minimaal 2 tekens).');
      return focusOp('privacy-zoek');
    }
    setFout(null);
    setServerFout(null);
    setBezig(true);
    try {
      const personen = await privacyApi.personen(term);
      onthoudPersonen(personen);
      setResultaat({ term, personen });
      focusOp('privacy-resultaat');
    } catch (error) {
      setResultaat(null);
      setServerFout(alsApiError(error, 'Zoeken is niet gelukt. Probeer het opnieuw.'));
    } finally {
      setBezig(false);
    }
  };

  return (
    <section className="sv-section" aria-labelledby="privacy-zoek-kop">
      <Heading level={2} id="privacy-zoek-kop">
        Inzageverzoek: zoek de persoon
      </Heading>
      <Paragraph className="sv-intro">
        Vraagt iemand wie zijn of haar gegevens heeft gezien (inzageverzoek volgens de AVG)? Zoek de persoon op. Daarna
        ziet u wie de gegevens heeft bekeken of gewijzigd, wanneer en waarom. Dat overzicht kunt u afdrukken.
      </Paragraph>
      <form className="sv-form sv-form--inline" noValidate onSubmit={zoeken} role="search" aria-label="Persoon zoeken">
        <Tekstveld
          id="privacy-zoek"
          label="Achternaam of BSN"
          uitleg="Bij een BSN vult u alle 9 cijfers in."
          autoComplete="off"
          spellCheck={false}
          verplicht
          waarde={zoek}
          onWijzig={setZoek}
          fout={fout}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={bezig}>
            Zoeken
          </Button>
        </div>
      </form>
      {serverFout ? <Foutmelding error={serverFout} titel="Zoeken is niet gelukt" /> : null}
      <div id="privacy-resultaat" tabIndex={-1} className="sv-melding">
        {resultaat && resultaat.personen.length === 0 ? (
          <Paragraph role="status">Er is niemand gevonden met “{resultaat.term}”. Controleer de spelling of het BSN.</Paragraph>
        ) : null}
        {resultaat && resultaat.personen.length > 0 ? (
          <>
            <Paragraph role="status">{aantalMet(resultaat.personen.length, 'persoon', 'personen')} gevonden.</Paragraph>
            <ScrollRegion labelledBy={captionId}>
              <Table className="sv-table">
                <TableCaption id={captionId} className="sv-table__caption">
                  Gevonden personen voor “{resultaat.term}”
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Naam</TableHeaderCell>
                    <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
                    <TableHeaderCell scope="col">Inzage</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {resultaat.personen.map((p) => (
                    <TableRow key={p.id}>
                      <TableHeaderCell scope="row">{p.naam}</TableHeaderCell>
                      <TableCell>
                        {p.geboortedatum ? <time dateTime={p.geboortedatum}>{formatDatum(p.geboortedatum)}</time> : 'Onbekend'}
                      </TableCell>
                      <TableCell>
                        <AppLink href={privacyPersoonPath(p.id)}>
                          Wie heeft de gegevens gezien?<span className="sv-visually-hidden"> ({p.naam})</span>
                        </AppLink>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollRegion>
          </>
        ) : null}
      </div>
    </section>
  );
}

/* ---------------------------------------------------------------- break-glass review */

function beoordelingTekst(b: BreakGlassVerzoek['beoordeling']): { oordeel: string; toelichting: string | null } | null {
  // The server uses "open" for a request that has not been reviewed yet.
  if (!b || b === 'open') return null;
  if (typeof b === 'string') return { oordeel: b, toelichting: null };
  return { oordeel: b.beoordeling, toelichting: b.toelichting ?? null };
}

function BeoordelingFormulier({ verzoek, onKlaar }: { verzoek: BreakGlassVerzoek; onKlaar: (tekst: string) => void }) {
  const prefix = `bg-${verzoek.id}`;
  const [oordeel, setOordeel] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  const opslaan = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const nieuw: VeldFout[] = [];
    if (oordeel !== 'terecht' && oordeel !== 'onterecht') nieuw.push({ id: `${prefix}-oordeel`, tekst: 'Kies of de noodtoegang terecht of onterecht was.' });
    if (toelichting.trim().length < 3) nieuw.push({ id: `${prefix}-toelichting`, tekst: 'Schrijf kort op waarom u tot dit oordeel komt.' });
    setFouten(nieuw);
    setMelding(null);
    if (nieuw.length > 0) return focusOp(`${prefix}-fouten`);
    setBezig(true);
    try {
      await privacyApi.beoordelen(verzoek.id, oordeel as 'terecht' | 'onterecht', toelichting.trim());
      onKlaar(`De noodtoegang van ${verzoek.gebruiker.naam} is beoordeeld als ${oordeel}.`);
    } catch (error) {
      setMelding(alsApiError(error, 'Opslaan is niet gelukt. Probeer het opnieuw.').message);
      focusOp(`${prefix}-fouten`);
    } finally {
      setBezig(false);
    }
  };

  const foutVan = (id: string) => fouten.find((f) => f.id === id)?.tekst;

  return (
    <form className="sv-form" noValidate onSubmit={opslaan} aria-label={`Beoordeling van de noodtoegang door ${verzoek.gebruiker.naam}`}>
      <FoutSamenvatting id={`${prefix}-fouten`} fouten={fouten} melding={melding} />
      <Keuzerondjes
        id={`${prefix}-oordeel`}
        legenda="Was deze noodtoegang terecht?"
        verplicht
        waarde={oordeel}
        onWijzig={setOordeel}
        keuzes={[
          { waarde: 'terecht', label: 'Terecht: de reden rechtvaardigt de toegang' },
          { waarde: 'onterecht', label: 'Onterecht: de toegang was niet nodig' },
        ]}
        fout={foutVan(`${prefix}-oordeel`)}
      />
      <Tekstvak
        id={`${prefix}-toelichting`}
        label="Toelichting"
        uitleg="Bij onterecht: schrijf op welke vervolgstap u neemt, bijvoorbeeld een gesprek met de leidinggevende."
        verplicht
        waarde={toelichting}
        onWijzig={setToelichting}
        rows={3}
        maxLength={2000}
        fout={foutVan(`${prefix}-toelichting`)}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={bezig}>
          Beoordeling opslaan
        </Button>
      </div>
    </form>
  );
}

function NoodtoegangVerzoek({ verzoek, onKlaar }: { verzoek: BreakGlassVerzoek; onKlaar: (tekst: string) => void }) {
  const beoordeling = beoordelingTekst(verzoek.beoordeling);
  return (
    <li className="sv-kaart">
      <Heading level={3}>
        Noodtoegang door {verzoek.gebruiker.naam} op {formatDatum(verzoek.geopendOp)}
      </Heading>
      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>Medewerker</dt>
          <dd>
            <AppLink href={privacyGebruikerPath(verzoek.gebruiker.id)} onClick={() => onthoudGebruiker(verzoek.gebruiker.id, verzoek.gebruiker.naam)}>
              {verzoek.gebruiker.naam}
              <span className="sv-visually-hidden">: bekijk wat deze medewerker heeft gedaan</span>
            </AppLink>
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Dossiernummer</dt>
          <dd>
            <code className="sv-code sv-id">{verzoek.huishoudenId}</code>
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Geopend op</dt>
          <dd>
            <time dateTime={verzoek.geopendOp}>{formatDatumTijd(verzoek.geopendOp)}</time>
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Toegang tot</dt>
          <dd>
            <time dateTime={verzoek.tot}>{formatDatumTijd(verzoek.tot)}</time>
          </dd>
        </div>
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Reden van de medewerker</dt>
          <dd className="sv-tekst">{verzoek.reden}</dd>
        </div>
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Beoordeling</dt>
          <dd>
            {beoordeling ? (
              <>
                <strong>{beoordeling.oordeel === 'terecht' ? 'Terecht' : beoordeling.oordeel === 'onterecht' ? 'Onterecht' : beoordeling.oordeel}</strong>
                {beoordeling.toelichting ? `: ${beoordeling.toelichting}` : null}
              </>
            ) : (
              'Nog niet beoordeeld'
            )}
          </dd>
        </div>
      </dl>
      {beoordeling ? null : <BeoordelingFormulier verzoek={verzoek} onKlaar={onKlaar} />}
    </li>
  );
}

function NoodtoegangBeoordelen() {
  const [status, setStatus] = useState<'open' | 'alle'>('open');
  const lijst = useHerlaadbareApi(`break-glass:${status}`, () => privacyApi.breakGlass(status));
  const [bevestiging, setBevestiging] = useState<string | null>(null);

  return (
    <section className="sv-section" aria-labelledby="privacy-bg-kop">
      <Heading level={2} id="privacy-bg-kop">
        Noodtoegang beoordelen
      </Heading>
      <Paragraph className="sv-intro">
        Medewerkers van Veilig Thuis en het Zorg- en Veiligheidshuis kunnen in een noodgeval een dossier openen waar zij
        normaal geen toegang toe hebben. Beoordeel elke noodtoegang: was de reden goed genoeg?
      </Paragraph>
      <Keuzerondjes
        id="privacy-bg-filter"
        legenda="Welke aanvragen wilt u zien?"
        waarde={status}
        onWijzig={(w) => {
          setStatus(w === 'alle' ? 'alle' : 'open');
          setBevestiging(null);
        }}
        keuzes={[
          { waarde: 'open', label: 'Nog niet beoordeeld' },
          { waarde: 'alle', label: 'Alle aanvragen' },
        ]}
      />
      <div id="privacy-bg-melding" tabIndex={-1} className="sv-melding">
        {bevestiging ? <Bevestiging>{bevestiging}</Bevestiging> : null}
      </div>
      {lijst.state.status === 'laden' ? <Laden wat="aanvragen voor noodtoegang" /> : null}
      {lijst.state.status === 'fout' ? <Foutmelding error={lijst.state.error} titel="Het lukt niet om de aanvragen te laden" /> : null}
      {lijst.state.status === 'klaar' && lijst.state.data.length === 0 ? (
        <Paragraph>{status === 'open' ? 'Er zijn geen aanvragen die nog beoordeeld moeten worden.' : 'Er zijn nog geen aanvragen voor noodtoegang.'}</Paragraph>
      ) : null}
      {lijst.state.status === 'klaar' && lijst.state.data.length > 0 ? (
        <>
          <Paragraph>{aantalMet(lijst.state.data.length, 'aanvraag', 'aanvragen')}.</Paragraph>
          <ul className="sv-kaarten">
            {lijst.state.data.map((v) => (
              <NoodtoegangVerzoek
                key={v.id}
                verzoek={v}
                onKlaar={(tekst) => {
                  setBevestiging(tekst);
                  lijst.herlaad();
                  focusOp('privacy-bg-melding');
                }}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/* ---------------------------------------------------------------- verify the audit trail */

function AuditControle() {
  const sessie = useHuidigeSessie();
  const ketenNaam = (id: string) =>
    id === '_installatie' ? 'Installatie (buiten een regio)' : id === sessie?.regio.id ? sessie.regio.naam : id;
  const [resultaat, setResultaat] = useState<AuditVerificatie | null>(null);
  const [fout, setFout] = useState<ApiError | null>(null);
  const [bezig, setBezig] = useState(false);
  const captionId = useId();

  const controleer = async () => {
    setBezig(true);
    setFout(null);
    setResultaat(null);
    try {
      setResultaat(await privacyApi.verificatie());
    } catch (error) {
      setFout(alsApiError(error, 'De controle is niet gelukt. Probeer het opnieuw.'));
    } finally {
      setBezig(false);
      focusOp('privacy-controle-resultaat');
    }
  };

  return (
    <section className="sv-section" aria-labelledby="privacy-controle-kop">
      <Heading level={2} id="privacy-controle-kop">
        Audittrail controleren
      </Heading>
      <Paragraph className="sv-intro">
        Samen Veilig legt vast wie welke gegevens bekijkt of wijzigt. Elke regel in deze audittrail bevat een digitale
        vingerafdruk van de regel ervoor. Zo ziet u of er achteraf iets is veranderd of weggehaald.
      </Paragraph>
      <Button type="button" appearance="secondary-action-button" onClick={controleer} busy={bezig}>
        {bezig ? 'Bezig met controleren…' : 'Controleer de audittrail'}
      </Button>
      <div id="privacy-controle-resultaat" tabIndex={-1} className="sv-melding">
        {fout ? <Foutmelding error={fout} titel="De controle is niet gelukt" /> : null}
        {resultaat?.ok ? (
          <>
            <Alert type="ok" role="status" className="sv-alert">
              <Paragraph>
                <strong>De audittrail is in orde.</strong> Er is niets veranderd of weggehaald.
              </Paragraph>
            </Alert>
            {resultaat.ketens && resultaat.ketens.length > 0 ? (
              <ScrollRegion labelledBy={captionId}>
                <Table className="sv-table sv-table--smal">
                  <TableCaption id={captionId} className="sv-table__caption">
                    Gecontroleerde ketens
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Keten</TableHeaderCell>
                      <TableHeaderCell scope="col" numericColumn className="sv-num">
                        Regels
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {resultaat.ketens.map((k) => (
                      <TableRow key={k.regionId}>
                        <TableHeaderCell scope="row">{ketenNaam(k.regionId)}</TableHeaderCell>
                        <TableCell numericColumn className="sv-num">
                          {formatAantal(k.entries)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            ) : null}
          </>
        ) : null}
        {resultaat && !resultaat.ok ? (
          <Alert type="error" role="alert" className="sv-alert">
            <Paragraph>
              <strong>De audittrail is niet in orde.</strong>
              {resultaat.regel !== undefined ? ` Het probleem begint bij regel ${formatAantal(resultaat.regel)}.` : null}
              {resultaat.reden ? ` ${resultaat.reden}` : null}
            </Paragraph>
            <Paragraph>
              Meld dit direct bij de functioneel beheerder en de informatiebeveiliging. Mogelijk zijn er gegevens gewijzigd
              of verwijderd.
            </Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

export function PrivacyPage() {
  usePageTitle('Privacy en audit');
  return (
    <Beveiligd rollen={PRIVACY_ROLLEN}>
      {() => (
        <>
          <Heading level={1}>Privacy en audit</Heading>
          <nav className="sv-toc" aria-labelledby="privacy-inhoud-kop">
            <Heading level={2} id="privacy-inhoud-kop">
              Op deze pagina
            </Heading>
            <ul className="sv-toc__list">
              <li>
                <a href="#privacy-zoek-kop">Inzageverzoek: zoek de persoon</a>
              </li>
              <li>
                <a href="#privacy-bg-kop">Noodtoegang beoordelen</a>
              </li>
              <li>
                <a href="#privacy-controle-kop">Audittrail controleren</a>
              </li>
            </ul>
          </nav>
          <PersoonZoeken />
          <NoodtoegangBeoordelen />
          <AuditControle />
        </>
      )}
    </Beveiligd>
  );
}
