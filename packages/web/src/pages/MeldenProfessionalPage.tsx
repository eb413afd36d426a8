/**
 * A professional of a chain organisation asks Veilig Thuis for advice or reports (identifiable; anonymous
 * only as a recorded exception). A client-made `sleutel` makes a double click store the form once.
 */
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Sessie } from '../api';
import { Beveiligd } from '../components/Beveiligd';
import { FoutSamenvatting, useFormulier } from '../components/Formulier';
import { GeweldsvormenKeuze } from '../components/Geweldsvormen';
import { naarPersoonInvoer, PersonenLijst, persoonControle, personenVeldVoorPad, type PersoonStaat } from '../components/Personen';
import { Foutmelding, Laden } from '../components/Status';
import { EnkelVinkje, focusOp, Keuzelijst, Keuzerondjes, Tekstvak, Tekstveld } from '../components/Velden';
import { formatDatumTijd } from '../format';
import { gemeenteKeuzes } from '../gemeenten';
import { keuzesUit, MELDER_SECTOR_NAMEN, SECTOR_VAN_ORGANISATIETYPE } from '../labels';
import { MELDEN_ROLLEN } from '../rollen';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { nieuweSleutel } from '../uuid';
import { voordeurApi, type IntakeResultaat, type ProfessionalContact } from '../voordeurApi';

const P = 'prof';
const SAMENVATTING = 'prof-fouten';

const VELDEN: Record<string, string> = {
  type: `${P}-type`,
  gemeente: `${P}-gemeente`,
  sector: `${P}-sector`,
  'melder.sector': `${P}-sector`,
  telefoon: `${P}-telefoon`,
  'melder.telefoon': `${P}-telefoon`,
  anoniem: `${P}-anoniem`,
  'melder.anoniem': `${P}-anoniem`,
  anoniemReden: `${P}-anoniemReden`,
  'melder.anoniemReden': `${P}-anoniemReden`,
  geweldsvormen: `${P}-geweldsvormen`,
  omschrijving: `${P}-omschrijving`,
};

function Ontvangen({ r, onNieuw }: { r: IntakeResultaat; onNieuw: () => void }) {
  return (
    <section className="sv-section" aria-labelledby="prof-ontvangen">
      <Alert type="ok" className="sv-alert">
        <Heading level={2} id="prof-ontvangen" tabIndex={-1}>
          {r.type === 'melding' ? 'Uw melding is ontvangen' : 'Uw adviesvraag is ontvangen'}
        </Heading>
      </Alert>
      <Heading level={3}>Wat gebeurt er nu?</Heading>
      {r.type === 'melding' ? (
        <ul className="sv-lijst">
          <li>
            Veilig Thuis beoordeelt elke melding binnen 5 werkdagen op veiligheid
            {r.deadline ? `: uiterlijk ${formatDatumTijd(r.deadline)}` : ''}.
          </li>
          {r.acuut ? <li>U gaf acuut gevaar aan: Veilig Thuis handelt meteen.</li> : null}
          <li>De verantwoordelijkheid om de veiligheid te volgen ligt nu bij Veilig Thuis. Veilig Thuis kan contact met u opnemen.</li>
        </ul>
      ) : (
        <ul className="sv-lijst">
          <li>Een medewerker van Veilig Thuis neemt contact met u op om mee te denken.</li>
          <li>Bij een advies blijft u zelf verantwoordelijk voor de volgende stappen.</li>
        </ul>
      )}
      <Paragraph>Is er nu direct gevaar? Bel 112. Wilt u overleggen? Bel Veilig Thuis: 0800-2000.</Paragraph>
      {!r.nieuw ? <Paragraph>Dit formulier was al verstuurd; het is één keer opgeslagen.</Paragraph> : null}
      <Button type="button" appearance="secondary-action-button" onClick={onNieuw}>
        Nog een advies of melding doorgeven
      </Button>
    </section>
  );
}

function Formulier({ sessie, onVerstuurd }: { sessie: Sessie; onVerstuurd: (r: IntakeResultaat) => void }) {
  const regios = useApi('regios', () => api.regios());
  const geweldsvormen = useApi('geweldsvormen', () => api.geweldsvormen());
  const f = useFormulier(SAMENVATTING);
  // One key for this form: sending it twice (a double click, a retry) stores it once.
  const [sleutel] = useState(nieuweSleutel);
  const politie = sessie.organisatie?.type === 'politie';
  const [type, setType] = useState<'advies' | 'melding'>('melding');
  const [gemeente, setGemeente] = useState('');
  const [sector, setSector] = useState(SECTOR_VAN_ORGANISATIETYPE[sessie.organisatie?.type ?? ''] ?? 'andere-organisatie');
  const [telefoon, setTelefoon] = useState('');
  const [anoniem, setAnoniem] = useState(false);
  const [anoniemReden, setAnoniemReden] = useState('');
  const [personen, setPersonen] = useState<PersoonStaat[]>([]);
  const [vormen, setVormen] = useState<string[]>([]);
  const [omschrijving, setOmschrijving] = useState('');
  const [acuut, setAcuut] = useState(false);

  const versturen = async () => {
    const body: ProfessionalContact = {
      sleutel,
      type,
      gemeente,
      anoniem,
      personen: personen.map(naarPersoonInvoer),
      relaties: [],
      geweldsvormen: vormen,
      omschrijving: omschrijving.trim(),
      acuutGevaar: acuut,
      ...(politie ? {} : { sector }),
      ...(telefoon.trim() && !anoniem ? { telefoon: telefoon.trim() } : {}),
      ...(anoniem && anoniemReden.trim() ? { anoniemReden: anoniemReden.trim() } : {}),
    };
    const uit: { r?: IntakeResultaat } = {};
    const gelukt = await f.verstuur(
      async () => {
        uit.r = await voordeurApi.professional(body);
      },
      {
        controle: () => [
          ...(gemeente ? [] : [{ id: `${P}-gemeente`, tekst: 'Kies de gemeente waar het over gaat.' }]),
          ...(omschrijving.trim() ? [] : [{ id: `${P}-omschrijving`, tekst: 'Beschrijf wat u zag of hoorde.' }]),
          ...(anoniem && !anoniemReden.trim() ? [{ id: `${P}-anoniemReden`, tekst: 'Anoniem melden kan alleen met een reden.' }] : []),
          ...(type === 'melding' && personen.length === 0 ? [{ id: `${P}-toevoegen`, tekst: 'Een melding noemt ten minste één persoon.' }] : []),
          ...persoonControle(P, personen),
        ],
        velden: (pad) => personenVeldVoorPad(P, personen, [], pad) ?? VELDEN[pad] ?? null,
      },
    );
    if (gelukt && uit.r) onVerstuurd(uit.r);
  };

  if (regios.status === 'laden' || geweldsvormen.status === 'laden') return <Laden wat="gegevens voor het formulier" />;
  if (regios.status === 'fout') return <Foutmelding error={regios.error} />;
  if (geweldsvormen.status === 'fout') return <Foutmelding error={geweldsvormen.error} />;

  return (
    <form className="sv-form sv-form--breed" noValidate onSubmit={(e) => e.preventDefault()}>
      <FoutSamenvatting id={SAMENVATTING} fouten={f.fouten} melding={f.melding} kopNiveau={2} />
      <Keuzerondjes
        id={`${P}-type`}
        legenda="Wat wilt u?"
        verplicht
        waarde={type}
        onWijzig={(w) => setType(w === 'advies' ? 'advies' : 'melding')}
        keuzes={[
          { waarde: 'melding', label: 'Melden: Veilig Thuis neemt de verantwoordelijkheid voor de veiligheid over' },
          { waarde: 'advies', label: 'Advies vragen: u blijft zelf verantwoordelijk' },
        ]}
        fout={f.foutVan(`${P}-type`)}
      />
      <Keuzelijst id={`${P}-gemeente`} label="Gemeente" verplicht waarde={gemeente} onWijzig={setGemeente} leeg="Kies een gemeente" keuzes={gemeenteKeuzes(regios.data, sessie.regio.id)} fout={f.foutVan(`${P}-gemeente`)} />
      {politie ? null : (
        <Keuzelijst id={`${P}-sector`} label="Uw sector" uitleg="Ingevuld op basis van uw organisatie. U kunt een andere sector kiezen." verplicht waarde={sector} onWijzig={setSector} keuzes={keuzesUit(MELDER_SECTOR_NAMEN)} fout={f.foutVan(`${P}-sector`)} />
      )}
      <Paragraph>
        U meldt als <strong>{sessie.gebruiker.naam}</strong>
        {sessie.organisatie ? ` van ${sessie.organisatie.naam}` : ''} ({sessie.gebruiker.email}).
      </Paragraph>
      <EnkelVinkje
        id={`${P}-anoniem`}
        label="Ik wil anoniem blijven"
        uitleg="Een beroepskracht meldt met naam. Anoniem kan alleen als uitzondering, bijvoorbeeld bij dreiging, met een reden."
        aan={anoniem}
        onWijzig={setAnoniem}
      />
      {anoniem ? (
        <Tekstvak id={`${P}-anoniemReden`} label="Reden om anoniem te blijven" verplicht waarde={anoniemReden} onWijzig={setAnoniemReden} rows={2} maxLength={500} fout={f.foutVan(`${P}-anoniemReden`)} />
      ) : (
        <Tekstveld id={`${P}-telefoon`} label="Telefoonnummer waarop Veilig Thuis u kan bereiken" type="tel" autoComplete="tel" waarde={telefoon} onWijzig={setTelefoon} fout={f.foutVan(`${P}-telefoon`)} />
      )}
      <Heading level={2}>Over wie gaat het?</Heading>
      <PersonenLijst prefix={P} personen={personen} onWijzig={setPersonen} foutVan={f.foutVan} />
      <Heading level={2}>Wat is er gebeurd?</Heading>
      <GeweldsvormenKeuze id={`${P}-geweldsvormen`} vormen={geweldsvormen.data} gekozen={vormen} onWijzig={setVormen} fout={f.foutVan(`${P}-geweldsvormen`)} />
      <Tekstvak id={`${P}-omschrijving`} label="Wat zag of hoorde u?" verplicht waarde={omschrijving} onWijzig={setOmschrijving} rows={6} maxLength={20000} fout={f.foutVan(`${P}-omschrijving`)} />
      <EnkelVinkje id={`${P}-acuut`} label="Er is nu acuut gevaar" uitleg="Bel bij direct gevaar ook altijd 112." aan={acuut} onWijzig={setAcuut} />
      <div className="sv-form__acties">
        <Button type="button" appearance="primary-action-button" busy={f.bezig} onClick={() => void versturen()}>
          {type === 'melding' ? 'Melding versturen' : 'Adviesvraag versturen'}
        </Button>
      </div>
    </form>
  );
}

function MeldenScherm({ sessie }: { sessie: Sessie }) {
  const [ontvangen, setOntvangen] = useState<IntakeResultaat | null>(null);
  const [teller, setTeller] = useState(0);
  return (
    <>
      <Heading level={1}>Advies vragen of melden bij Veilig Thuis</Heading>
      <Paragraph className="sv-intro">
        Heeft u als professional zorgen over huiselijk geweld of kindermishandeling? Vraag Veilig Thuis om advies, of meld het. Bij acute of structurele
        onveiligheid bent u verplicht te melden (meldcode, stap 5).
      </Paragraph>
      {ontvangen ? (
        <Ontvangen
          r={ontvangen}
          onNieuw={() => {
            setOntvangen(null);
            setTeller((t) => t + 1);
          }}
        />
      ) : (
        <Formulier
          key={teller}
          sessie={sessie}
          onVerstuurd={(r) => {
            setOntvangen(r);
            focusOp('prof-ontvangen');
          }}
        />
      )}
    </>
  );
}

export function MeldenProfessionalPage() {
  usePageTitle('Advies vragen of melden');
  return <Beveiligd rollen={MELDEN_ROLLEN}>{(sessie) => <MeldenScherm sessie={sessie} />}</Beveiligd>;
}
