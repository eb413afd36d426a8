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
import { ControleAfronden } from '../components/Controle';
import { Bevestiging, FoutSamenvatting, useFormulier } from '../components/Formulier';
import { geweldsvormNamen } from '../components/Geweldsvormen';
import { RegieBlok } from '../components/Regie';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { dossierNav, SubNav } from '../components/SubNav';
import { Tabel } from '../components/Tabel';
import { EnkelVinkje, focusOp, Keuzelijst, Tekstvak } from '../components/Velden';
import { aantalMet, formatDatum, formatDatumTijd } from '../format';
import {
  beoordelingStatusLabel,
  contactTypeLabel,
  controleStatusLabel,
  controleUitkomstLabel,
  faseLabel,
  relatieZin,
  tijdlijnSoortLabel,
  geslachtLabel,
  kanaalLabel,
  melderRelatieLabel,
  melderSectorLabel,
  melderTypeLabel,
  notitieKlasseLabel,
  persoonRolLabel,
} from '../labels';
import { BREAK_GLASS_ROLLEN, DOSSIER_ROLLEN, heeftRol, NOTITIE_SCHRIJVERS, VT_ROLLEN } from '../rollen';
import { dossierPath, meldingPath, planPath } from '../router';
import { useSessie } from '../sessie';
import { useApi, useBevestiging, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

const TITEL_ID = 'dossier-titel';
const BERICHT_ID = 'dossier-bericht';
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

/** One entry per person: registrations the radar confirmed to be the same person are one, with how many there are. */
export function personenVan(leden: readonly Lid[]): { lid: Lid; registraties: number }[] {
  const per = new Map<string, { lid: Lid; registraties: number }>();
  for (const lid of leden) {
    const sleutel = lid.identiteitId ?? lid.id;
    const bekend = per.get(sleutel);
    if (bekend) bekend.registraties += 1;
    else per.set(sleutel, { lid, registraties: 1 });
  }
  return [...per.values()];
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
          {personenVan(dossier.leden).map(({ lid, registraties }) => (
            <TableRow key={lid.id}>
              <TableHeaderCell scope="row">
                {volledigeNaam(lid)}
                {registraties > 1 ? <span className="sv-opslag"> ({registraties} registraties van dezelfde persoon)</span> : null}
              </TableHeaderCell>
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

/** Relations between members, and with people outside the household (an ex-partner living apart, a grandparent). */
function Relaties({ dossier }: { dossier: Dossier }) {
  if (dossier.relaties.length === 0) return null;
  const naam = (id: string) => {
    const lid = dossier.leden.find((l) => l.id === id);
    return lid ? volledigeNaam(lid) : 'iemand buiten dit huishouden';
  };
  return (
    <>
      <Heading level={3}>Relaties</Heading>
      <ul className="sv-lijst">
        {dossier.relaties.map((r) => (
          <li key={`${r.van}-${r.naar}-${r.type}`}>{relatieZin(naam(r.van), r.type, naam(r.naar))}</li>
        ))}
      </ul>
    </>
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
        {contact.beoordeling ? (
          <div className="sv-gegevens__item">
            <dt>Veiligheidsbeoordeling</dt>
            <dd>
              {beoordelingStatusLabel(contact.beoordeling.status)}
              {contact.beoordeling.besluit ? `: ${contact.beoordeling.besluit}` : ''}
              {contact.beoordeling.afgerondOp ? ` (${formatDatum(contact.beoordeling.afgerondOp)})` : ''}
            </dd>
          </div>
        ) : null}
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Omschrijving</dt>
          <dd className="sv-tekst">{contact.omschrijving?.trim() ? contact.omschrijving : 'Geen omschrijving'}</dd>
        </div>
      </dl>
      <Paragraph>
        <AppLink href={meldingPath(contact.id)}>
          Naar {contact.type === 'melding' ? 'de melding' : 'het advies'} van {formatDatum(contact.ontvangenOp)}
        </AppLink>
      </Paragraph>
    </article>
  );
}

function NotitieLijst({ dossier }: { dossier: Dossier }) {
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

/** A note of the user's organisation: never part of the shared plan or the printed plan. */
function NotitieFormulier({ dossier, sessie, naWijziging }: { dossier: Dossier; sessie: Sessie; naWijziging: (bericht: string) => void }) {
  const f = useFormulier('notitie-fouten');
  const klassen = Object.keys(NOTITIE_SCHRIJVERS).filter((k) => heeftRol(sessie.rollen, NOTITIE_SCHRIJVERS[k]!));
  const [klasse, setKlasse] = useState('algemeen');
  const [tekst, setTekst] = useState('');
  const [prive, setPrive] = useState(false);
  if (klassen.length === 0 || !sessie.organisatie) return null;
  return (
    <form
      className="sv-form"
      noValidate
      aria-labelledby="notitie-kop"
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            await dossierApi.notitie(dossier.id, { klasse, tekst: tekst.trim(), prive });
            await naWijziging(prive ? 'De notitie is opgeslagen. Alleen uw organisatie ziet haar.' : 'De notitie is opgeslagen.');
          },
          {
            controle: () => (tekst.trim() ? [] : [{ id: 'notitie-tekst', tekst: 'Vul de notitie in.' }]),
            velden: { tekst: 'notitie-tekst', klasse: 'notitie-klasse', prive: 'notitie-prive' },
          },
        );
      }}
    >
      <Heading level={3} id="notitie-kop">
        Notitie toevoegen
      </Heading>
      <Paragraph>
        Een notitie hoort bij uw organisatie ({sessie.organisatie.naam}). Notities staan niet in het veiligheidsplan en niet in het plan dat het
        huishouden op papier krijgt.
      </Paragraph>
      <FoutSamenvatting id="notitie-fouten" fouten={f.fouten} melding={f.melding} kopNiveau={4} />
      {klassen.length > 1 ? (
        <Keuzelijst
          id="notitie-klasse"
          label="Soort notitie"
          uitleg="Medische notities en notities over seksueel geweld ziet alleen wie daarvoor de rol heeft."
          verplicht
          waarde={klasse}
          onWijzig={setKlasse}
          keuzes={klassen.map((k) => ({ waarde: k, label: notitieKlasseLabel(k) }))}
          fout={f.foutVan('notitie-klasse')}
        />
      ) : null}
      <Tekstvak id="notitie-tekst" label="Notitie" verplicht waarde={tekst} onWijzig={setTekst} rows={3} maxLength={4000} fout={f.foutVan('notitie-tekst')} />
      <EnkelVinkje id="notitie-prive" label="Alleen voor mijn organisatie" aan={prive} onWijzig={setPrive} uitleg="Andere betrokken organisaties zien deze notitie dan niet." />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Notitie opslaan
        </Button>
      </div>
    </form>
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
            <TableHeaderCell scope="col">Contactpersoon</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {dossier.betrokkenOrganisaties.map((o, i) => (
            <TableRow key={`${o.naam}-${o.type}-${i}`}>
              <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
              <TableCell>{typen.get(o.type) ?? o.type}</TableCell>
              <TableCell>{o.grondslag}</TableCell>
              <TableCell>{o.persoon ?? 'De hele organisatie of het team'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** Veilig Thuis checks at set moments after a handover that safety was reached; VT closes a planned one here. */
function Controlemomenten({ dossier, sessie, naWijziging }: { dossier: Dossier; sessie: Sessie; naWijziging: (bericht: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  if (dossier.controlemomenten.length === 0) return <Paragraph>Er zijn geen controlemomenten gepland.</Paragraph>;
  const vt = heeftRol(sessie.rollen, VT_ROLLEN);
  const vandaag = new Date().toISOString().slice(0, 10);
  const gekozen = dossier.controlemomenten.find((c) => c.id === open && c.status === 'gepland');
  return (
    <>
      <Tabel titel="Controles door Veilig Thuis na de overdracht" kolommen={['Controle', 'Gepland op', 'Status', 'Uitkomst', ...(vt ? ['Actie'] : [])]}>
        {dossier.controlemomenten.map((c) => (
          <TableRow key={c.id}>
            <TableHeaderCell scope="row">Na {aantalMet(c.maanden, 'maand', 'maanden')}</TableHeaderCell>
            <TableCell>
              <time dateTime={c.geplandOp}>{formatDatum(c.geplandOp)}</time>
              {c.status === 'gepland' && c.geplandOp <= vandaag ? <strong> (nu aan de beurt)</strong> : null}
            </TableCell>
            <TableCell>{controleStatusLabel(c.status)}</TableCell>
            <TableCell>{c.uitkomst ? controleUitkomstLabel(c.uitkomst) : '–'}</TableCell>
            {vt ? (
              <TableCell>
                {c.status === 'gepland' ? (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    aria-expanded={open === c.id}
                    aria-controls={open === c.id ? 'dossier-controle-formulier' : undefined}
                    onClick={() => {
                      setOpen(open === c.id ? null : c.id);
                      if (open !== c.id) focusOp(`controle-${c.id}-uitkomst`);
                    }}
                  >
                    Controle na {c.maanden} mnd afronden
                  </Button>
                ) : (
                  '–'
                )}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </Tabel>
      {gekozen ? (
        <div id="dossier-controle-formulier" className="sv-panel">
          <Heading level={3}>Controle na {aantalMet(gekozen.maanden, 'maand', 'maanden')} afronden</Heading>
          <ControleAfronden id={gekozen.id} titel={`Controle na ${gekozen.maanden} maanden afronden`} klaar={naWijziging} />
        </div>
      ) : null}
    </>
  );
}

/** Everything that happened to the household, newest first. */
function Tijdlijn({ dossier }: { dossier: Dossier }) {
  if (dossier.tijdlijn.length === 0) return <Paragraph>Er is nog niets gebeurd.</Paragraph>;
  return (
    <ol className="sv-tijdlijn">
      {dossier.tijdlijn.map((t, i) => (
        <li key={`${t.op}-${i}`} className="sv-tijdlijn__item">
          <Paragraph className="sv-tijdlijn__kop">
            <time dateTime={t.op}>{formatDatumTijd(t.op)}</time> · <span className="sv-label">{tijdlijnSoortLabel(t.soort)}</span>
          </Paragraph>
          <Paragraph>
            {t.tekst}
            {t.door ? <span className="sv-optioneel"> ({t.door})</span> : null}
          </Paragraph>
        </li>
      ))}
    </ol>
  );
}

function DossierInhoud({ dossier, sessie, naWijziging }: { dossier: Dossier; sessie: Sessie; naWijziging: (bericht: string) => void }) {
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

      <RegieBlok
        dossier={dossier}
        sessie={sessie}
        naWijziging={naWijziging}
        kop={
          <Heading level={2} id="dossier-regie" tabIndex={-1}>
            Regie
          </Heading>
        }
      />

      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>Veiligheidsplan</dt>
          <dd>
            {dossier.plan ? (
              <>
                <AppLink href={planPath(dossier.id)}>Fase: {faseLabel(dossier.plan.fase).toLowerCase()}</AppLink> (versie {dossier.plan.versie}, in deze fase sinds{' '}
                {formatDatum(dossier.plan.faseSinds)})
              </>
            ) : (
              'Nog geen plan'
            )}
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Dossiernummer</dt>
          <dd>
            <code className="sv-code sv-id">{dossier.id}</code>
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Gezinsleden</dt>
          <dd>{aantalMet(personenVan(dossier.leden).length, 'persoon', 'personen')}</dd>
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
            <a href="#dossier-regie">Regie</a>
          </li>
          <li>
            <a href="#dossier-leden">Gezinsleden</a>
          </li>
          <li>
            <a href="#dossier-contacten">Adviezen en meldingen</a>
          </li>
          <li>
            <a href="#dossier-controles">Controlemomenten</a>
          </li>
          <li>
            <a href="#dossier-tijdlijn">Tijdlijn</a>
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
        <Relaties dossier={dossier} />
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

      <section className="sv-section" aria-labelledby="dossier-controles">
        <Heading level={2} id="dossier-controles" tabIndex={-1}>
          Controlemomenten
        </Heading>
        <Controlemomenten dossier={dossier} sessie={sessie} naWijziging={naWijziging} />
      </section>

      <section className="sv-section" aria-labelledby="dossier-tijdlijn">
        <Heading level={2} id="dossier-tijdlijn" tabIndex={-1}>
          Tijdlijn
        </Heading>
        <Tijdlijn dossier={dossier} />
      </section>

      <section className="sv-section" aria-labelledby="dossier-notities">
        <Heading level={2} id="dossier-notities" tabIndex={-1}>
          Notities
        </Heading>
        <NotitieLijst dossier={dossier} />
        <NotitieFormulier key={dossier.notities.length} dossier={dossier} sessie={sessie} naWijziging={naWijziging} />
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
  const { bericht, bevestig: naWijziging } = useBevestiging(herlaad, BERICHT_ID);
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
      {!nietGevonden ? <SubNav label="Dossier" items={dossierNav(id)} huidig={dossierPath(id)} /> : null}
      <div id={BERICHT_ID} tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
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
      {state.status === 'klaar' ? <DossierInhoud dossier={state.data} sessie={sessie} naWijziging={naWijziging} /> : null}
    </>
  );
}

export function DossierPage({ id }: { id: string }) {
  // No names in the tab title: it ends up in the browser history.
  usePageTitle('Dossier');
  return <Beveiligd rollen={DOSSIER_ROLLEN}>{(sessie) => <DossierScherm id={id} sessie={sessie} />}</Beveiligd>;
}
