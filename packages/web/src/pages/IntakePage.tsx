/**
 * The intake screen of Veilig Thuis for phone and chat: fast to fill in during a call, keyboard first.
 * Drafts are saved on the server while typing (and on Alt+S); the live radar shows known persons as soon
 * as a person has a surname or BSN; Enter never submits (only the button or Ctrl+Enter does).
 */
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError, type Geweldsvorm, type Sessie } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { FoutSamenvatting, useFormulier } from '../components/Formulier';
import { GeweldsvormenKeuze } from '../components/Geweldsvormen';
import {
  legePersoon,
  naarPersoonInvoer,
  naarRelatieInvoer,
  PersonenLijst,
  persoonControle,
  personenVeldVoorPad,
  RelatiesVelden,
  type PersoonStaat,
  type RelatieStaat,
} from '../components/Personen';
import { RadarKaart } from '../components/Radar';
import { Foutmelding, Laden } from '../components/Status';
import { EnkelVinkje, Keuzelijst, Keuzerondjes, Tekstvak, Tekstveld } from '../components/Velden';
import { amsterdamLokaal, formatDatumTijd, formatTijd } from '../format';
import { gemeenteKeuzes } from '../gemeenten';
import { INTAKE_KANALEN, keuzesUit, MELDER_RELATIE_NAMEN, MELDER_SECTOR_NAMEN, MELDER_TYPE_NAMEN } from '../labels';
import { VT_ROLLEN } from '../rollen';
import { meldingPath, navigate, useSearch } from '../router';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { nieuweSleutel } from '../uuid';
import { voordeurApi, type Concept, type ContactInvoer, type MelderInvoer, type RadarTreffer, type RadarZoekPersoon } from '../voordeurApi';

const P = 'intake';
const SAMENVATTING = 'intake-fouten';
const AUTOSAVE_MS = 1500;
const RADAR_MS = 600;

interface IntakeStaat {
  type: 'advies' | 'melding';
  kanaal: string;
  /** datetime-local, Dutch time. */
  ontvangenOp: string;
  gemeente: string;
  melderType: string;
  sector: string;
  relatie: string;
  anoniem: boolean;
  anoniemReden: string;
  naam: string;
  organisatie: string;
  telefoon: string;
  email: string;
  personen: PersoonStaat[];
  relaties: RelatieStaat[];
  geweldsvormen: string[];
  omschrijving: string;
  acuutGevaar: boolean;
}

function legeIntake(): IntakeStaat {
  return {
    type: 'melding',
    kanaal: 'telefoon',
    ontvangenOp: amsterdamLokaal(new Date()),
    gemeente: '',
    melderType: 'niet-beroepsmatig',
    sector: '',
    relatie: '',
    anoniem: false,
    anoniemReden: '',
    naam: '',
    organisatie: '',
    telefoon: '',
    email: '',
    personen: [legePersoon('slachtoffer')],
    relaties: [],
    geweldsvormen: [],
    omschrijving: '',
    acuutGevaar: false,
  };
}

/** Copies from `bron` every key of `basis` whose value has the same simple type (a draft is untrusted JSON). */
function overneem<T extends object>(basis: T, bron: unknown): T {
  if (typeof bron !== 'object' || bron === null) return basis;
  const uit = { ...basis };
  for (const key of Object.keys(basis) as (keyof T)[]) {
    const waarde: unknown = (bron as Record<string, unknown>)[key as string];
    if (!Array.isArray(basis[key]) && typeof waarde === typeof basis[key]) uit[key] = waarde as T[keyof T];
  }
  return uit;
}

function lijst(bron: unknown, key: string): unknown[] {
  const waarde = typeof bron === 'object' && bron !== null ? (bron as Record<string, unknown>)[key] : undefined;
  return Array.isArray(waarde) ? waarde : [];
}

/** The form state saved in a draft, read back with defaults for whatever is missing or malformed. */
function leesConcept(data: Record<string, unknown>): IntakeStaat {
  const f = data.formulier;
  const staat = overneem(legeIntake(), f);
  staat.type = staat.type === 'advies' ? 'advies' : 'melding';
  staat.personen = lijst(f, 'personen').map((p) => overneem(legePersoon(), p));
  staat.relaties = lijst(f, 'relaties').map((r) => overneem({ id: nieuweSleutel().slice(0, 8), van: '', naar: '', type: 'partner' }, r));
  staat.geweldsvormen = lijst(f, 'geweldsvormen').filter((g): g is string => typeof g === 'string');
  return staat;
}

function naarContact(s: IntakeStaat): ContactInvoer {
  const tekst = (v: string) => (v.trim() ? v.trim() : undefined);
  const beroeps = s.melderType !== 'niet-beroepsmatig';
  const melder: MelderInvoer = { type: s.melderType, anoniem: s.anoniem };
  const zet = (key: 'sector' | 'relatie' | 'anoniemReden' | 'naam' | 'organisatie' | 'telefoon' | 'email', waarde: string | undefined) => {
    if (waarde !== undefined) melder[key] = waarde;
  };
  if (s.melderType === 'beroepskracht') zet('sector', tekst(s.sector));
  if (!beroeps) zet('relatie', tekst(s.relatie) ?? (s.anoniem ? 'anoniem' : undefined));
  if (s.anoniem && beroeps) zet('anoniemReden', tekst(s.anoniemReden));
  if (!s.anoniem) {
    zet('naam', tekst(s.naam));
    if (beroeps) zet('organisatie', tekst(s.organisatie));
    zet('telefoon', tekst(s.telefoon));
    zet('email', tekst(s.email));
  }
  return {
    type: s.type,
    ontvangenOp: s.ontvangenOp,
    kanaal: s.kanaal,
    gemeente: s.gemeente,
    melder,
    personen: s.personen.map(naarPersoonInvoer),
    relaties: naarRelatieInvoer(s.relaties, s.personen),
    geweldsvormen: s.geweldsvormen,
    ...(s.omschrijving.trim() ? { omschrijving: s.omschrijving.trim() } : {}),
    acuutGevaar: s.acuutGevaar,
  };
}

/** Only persons with a surname or BSN, and only fields in the form the radar accepts. */
function radarPersonen(personen: PersoonStaat[]): RadarZoekPersoon[] {
  return personen
    .filter((p) => p.achternaam.trim() || /^\d{9}$/.test(p.bsn.replace(/\D/g, '')))
    .slice(0, 30)
    .map((p) => {
      const r: RadarZoekPersoon = { ref: p.ref };
      const zet = (k: keyof RadarZoekPersoon, v: string, max: number) => {
        if (v.trim()) Object.assign(r, { [k]: v.trim().slice(0, max) });
      };
      zet('voornamen', p.voornamen, 200);
      zet('roepnaam', p.roepnaam, 60);
      zet('tussenvoegsel', p.tussenvoegsel, 20);
      zet('achternaam', p.achternaam, 200);
      zet('straat', p.straat, 120);
      zet('postcode', p.postcode, 10);
      zet('woonplaats', p.woonplaats, 80);
      if (/^\d{4}-\d{2}-\d{2}$/.test(p.geboortedatum)) r.geboortedatum = p.geboortedatum;
      if (p.geslacht !== 'onbekend') r.geslacht = p.geslacht;
      const bsn = p.bsn.replace(/\D/g, '');
      if (/^\d{9}$/.test(bsn)) r.bsn = bsn;
      if (/^\d{1,5}$/.test(p.huisnummer.trim()) && Number(p.huisnummer) >= 1) r.huisnummer = Number(p.huisnummer);
      return r;
    });
}

/** Live radar: candidates per person ref, refreshed (debounced) while persons are typed. */
function useLiveRadar(personen: PersoonStaat[]): { treffers: Map<string, RadarTreffer[]>; fout: string | null } {
  const invoer = radarPersonen(personen);
  const sleutel = JSON.stringify(invoer);
  const [treffers, setTreffers] = useState<Map<string, RadarTreffer[]>>(new Map());
  const [fout, setFout] = useState<string | null>(null);
  useEffect(() => {
    const personenNu = JSON.parse(sleutel) as RadarZoekPersoon[];
    if (personenNu.length === 0) {
      setTreffers(new Map());
      return;
    }
    let actueel = true;
    const timer = window.setTimeout(() => {
      voordeurApi.radarZoeken(personenNu).then(
        (r) => {
          if (!actueel) return;
          setTreffers(new Map(r.map((x) => [x.ref, x.kandidaten])));
          setFout(null);
        },
        (error: unknown) => {
          if (actueel) setFout(error instanceof ApiError ? error.message : 'De radar is nu niet bereikbaar.');
        },
      );
    }, RADAR_MS);
    return () => {
      actueel = false;
      window.clearTimeout(timer);
    };
  }, [sleutel]);
  return { treffers, fout };
}

type OpslagStatus = { soort: 'rust' } | { soort: 'bezig' } | { soort: 'opgeslagen'; op: string } | { soort: 'fout'; tekst: string; conflict: boolean };

/** Saves the draft after each pause in typing, and at once on request; never overwrites a newer version (409). */
function useConceptOpslag(conceptId: string, staat: IntakeStaat, beginVersie: number, beginOp: string | null) {
  const versie = useRef(beginVersie);
  const bezig = useRef(false);
  const opnieuw = useRef(false);
  const laatste = useRef(staat);
  laatste.current = staat;
  const opgeslagen = useRef(JSON.stringify(staat));
  const [status, setStatus] = useState<OpslagStatus>(beginOp ? { soort: 'opgeslagen', op: beginOp } : { soort: 'rust' });
  const gestopt = useRef(false);

  const opslaan = async (): Promise<void> => {
    if (gestopt.current) return;
    const tekst = JSON.stringify(laatste.current);
    if (tekst === opgeslagen.current && versie.current > 0) return;
    if (bezig.current) {
      opnieuw.current = true;
      return;
    }
    bezig.current = true;
    setStatus({ soort: 'bezig' });
    try {
      const c = await voordeurApi.conceptOpslaan(conceptId, { formulier: laatste.current }, versie.current);
      versie.current = c.versie;
      opgeslagen.current = tekst;
      setStatus({ soort: 'opgeslagen', op: c.bijgewerktOp });
      if (!window.location.search.includes(conceptId)) navigate(`/intake?concept=${encodeURIComponent(conceptId)}`, { replace: true });
    } catch (error) {
      const conflict = error instanceof ApiError && error.status === 409;
      if (conflict) gestopt.current = true;
      setStatus({ soort: 'fout', tekst: error instanceof ApiError ? error.message : 'Het concept is niet opgeslagen.', conflict });
    } finally {
      bezig.current = false;
      if (opnieuw.current) {
        opnieuw.current = false;
        void opslaan();
      }
    }
  };

  const tekst = JSON.stringify(staat);
  useEffect(() => {
    if (tekst === opgeslagen.current) return;
    const timer = window.setTimeout(() => void opslaan(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [tekst]);

  return { status, opslaan, stop: () => (gestopt.current = true) };
}

function OpslagMelding({ status, onHerladen }: { status: OpslagStatus; onHerladen: () => void }) {
  if (status.soort === 'fout') {
    return (
      <Alert type={status.conflict ? 'error' : 'warning'} className="sv-alert" role="alert">
        <Paragraph>
          <strong>Concept niet opgeslagen.</strong> {status.tekst}
        </Paragraph>
        {status.conflict ? (
          <div className="sv-form__acties">
            <Button type="button" appearance="secondary-action-button" onClick={onHerladen}>
              Concept opnieuw laden
            </Button>
          </div>
        ) : null}
      </Alert>
    );
  }
  return (
    <Paragraph className="sv-opslag" role="status">
      {status.soort === 'bezig' ? 'Concept wordt opgeslagen…' : null}
      {status.soort === 'opgeslagen' ? `Concept opgeslagen om ${formatTijd(status.op)}` : null}
      {status.soort === 'rust' ? 'Nog niet opgeslagen' : null}
    </Paragraph>
  );
}

function Sneltoetsen() {
  return (
    <details className="sv-uitklap sv-sneltoetsen">
      <summary>Sneltoetsen op dit scherm</summary>
      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>
            <kbd>Alt</kbd> + <kbd>N</kbd>
          </dt>
          <dd>Nieuwe persoon toevoegen</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>
            <kbd>Alt</kbd> + <kbd>S</kbd>
          </dt>
          <dd>Concept nu opslaan</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>
            <kbd>Alt</kbd> + <kbd>R</kbd>
          </dt>
          <dd>Naar de eerste treffer van de radar</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>
            <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
          </dt>
          <dd>Registreren (Enter alleen verstuurt nooit)</dd>
        </div>
      </dl>
    </details>
  );
}

function IntakeFormulier({
  sessie,
  conceptId,
  begin,
  beginVersie,
  beginOp,
  geweldsvormen,
  gemeenten,
  onHerladen,
}: {
  sessie: Sessie;
  conceptId: string;
  begin: IntakeStaat;
  beginVersie: number;
  beginOp: string | null;
  geweldsvormen: Geweldsvorm[];
  gemeenten: { waarde: string; label: string }[];
  onHerladen: () => void;
}) {
  const [s, setS] = useState(begin);
  const zet = <K extends keyof IntakeStaat>(key: K) => (waarde: IntakeStaat[K]) => setS((oud) => ({ ...oud, [key]: waarde }));
  const formulier = useFormulier(SAMENVATTING);
  const { foutVan } = formulier;
  const opslag = useConceptOpslag(conceptId, s, beginVersie, beginOp);
  const radar = useLiveRadar(s.personen);

  const registreren = async () => {
    const uit: { contactId?: string } = {};
    const gelukt = await formulier.verstuur(
      async () => {
        uit.contactId = (await voordeurApi.intake(naarContact(s), conceptId)).contactId;
      },
      {
        controle: () => [
          ...(s.gemeente ? [] : [{ id: `${P}-gemeente`, tekst: 'Kies de gemeente waar het over gaat.' }]),
          ...persoonControle(P, s.personen),
        ],
        velden: (pad) => {
          const p = pad.replace(/^contact\./, '');
          const veld = personenVeldVoorPad(P, s.personen, s.relaties, p);
          if (veld) return veld;
          const [eerste, tweede] = p.split('.');
          if (eerste === 'melder') return `${P}-melder-${tweede ?? 'type'}`;
          const bekend: Record<string, string> = {
            type: `${P}-type`,
            kanaal: `${P}-kanaal`,
            ontvangenOp: `${P}-ontvangen`,
            gemeente: `${P}-gemeente`,
            geweldsvormen: `${P}-geweldsvormen`,
            omschrijving: `${P}-omschrijving`,
          };
          return bekend[eerste ?? ''] ?? null;
        },
      },
    );
    if (gelukt && uit.contactId) {
      opslag.stop();
      navigate(meldingPath(uit.contactId));
    }
  };

  const naarRadar = () => {
    const eerste = document.querySelector<HTMLElement>('.sv-radar h3');
    if (!eerste) return;
    eerste.setAttribute('tabindex', '-1');
    eerste.focus();
  };

  const sneltoets = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void registreren();
      return;
    }
    // Enter in a text field must not submit half a form.
    if (event.key === 'Enter' && target instanceof HTMLInputElement) {
      event.preventDefault();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.code === 'KeyN') {
      event.preventDefault();
      document.getElementById(`${P}-toevoegen`)?.click();
    } else if (event.code === 'KeyS') {
      event.preventDefault();
      void opslag.opslaan();
    } else if (event.code === 'KeyR') {
      event.preventDefault();
      naarRadar();
    }
  };

  const beroeps = s.melderType !== 'niet-beroepsmatig';

  return (
    <form className="sv-form sv-form--breed" noValidate onSubmit={(e: FormEvent) => e.preventDefault()} onKeyDown={sneltoets}>
      <div className="sv-intake__balk">
        <OpslagMelding status={opslag.status} onHerladen={onHerladen} />
        <Button type="button" appearance="secondary-action-button" onClick={() => void opslag.opslaan()} aria-keyshortcuts="Alt+S">
          Concept opslaan (Alt+S)
        </Button>
      </div>
      <FoutSamenvatting id={SAMENVATTING} fouten={formulier.fouten} melding={formulier.melding} kopNiveau={2} />

      <section className="sv-section" aria-labelledby="intake-contact-kop">
        <Heading level={2} id="intake-contact-kop">
          Contact
        </Heading>
        <Keuzerondjes
          id={`${P}-type`}
          legenda="Soort contact"
          verplicht
          waarde={s.type}
          onWijzig={(w) => zet('type')(w === 'advies' ? 'advies' : 'melding')}
          keuzes={[
            { waarde: 'melding', label: 'Melding: Veilig Thuis neemt de verantwoordelijkheid over' },
            { waarde: 'advies', label: 'Advies: de vrager blijft verantwoordelijk' },
          ]}
          fout={foutVan(`${P}-type`)}
        />
        <div className="sv-velden-rij">
          <Keuzelijst id={`${P}-kanaal`} label="Kanaal" verplicht waarde={s.kanaal} onWijzig={zet('kanaal')} keuzes={keuzesUit(INTAKE_KANALEN)} fout={foutVan(`${P}-kanaal`)} />
          <Tekstveld
            id={`${P}-ontvangen`}
            type="datetime-local"
            label="Ontvangen op"
            uitleg="Nederlandse tijd."
            verplicht
            waarde={s.ontvangenOp}
            onWijzig={zet('ontvangenOp')}
            fout={foutVan(`${P}-ontvangen`)}
          />
          <Keuzelijst
            id={`${P}-gemeente`}
            label="Gemeente"
            uitleg="Typ de eerste letters om te zoeken."
            verplicht
            waarde={s.gemeente}
            onWijzig={zet('gemeente')}
            leeg="Kies een gemeente"
            keuzes={gemeenten}
            fout={foutVan(`${P}-gemeente`)}
          />
        </div>
        <EnkelVinkje id={`${P}-acuut`} label="Acuut gevaar: er is nu direct gevaar" aan={s.acuutGevaar} onWijzig={zet('acuutGevaar')} />
      </section>

      <section className="sv-section" aria-labelledby="intake-melder-kop">
        <Heading level={2} id="intake-melder-kop">
          Melder
        </Heading>
        <Keuzerondjes
          id={`${P}-melder-type`}
          legenda="Wie meldt?"
          verplicht
          waarde={s.melderType}
          onWijzig={zet('melderType')}
          keuzes={keuzesUit(MELDER_TYPE_NAMEN)}
          fout={foutVan(`${P}-melder-type`)}
        />
        {s.melderType === 'beroepskracht' ? (
          <Keuzelijst id={`${P}-melder-sector`} label="Sector" verplicht waarde={s.sector} onWijzig={zet('sector')} leeg="Kies een sector" keuzes={keuzesUit(MELDER_SECTOR_NAMEN)} fout={foutVan(`${P}-melder-sector`)} />
        ) : null}
        {s.melderType === 'niet-beroepsmatig' ? (
          <Keuzelijst id={`${P}-melder-relatie`} label="Relatie tot het huishouden" verplicht waarde={s.relatie} onWijzig={zet('relatie')} leeg="Kies een relatie" keuzes={keuzesUit(MELDER_RELATIE_NAMEN)} fout={foutVan(`${P}-melder-relatie`)} />
        ) : null}
        <EnkelVinkje
          id={`${P}-melder-anoniem`}
          label="De melder wil anoniem blijven"
          uitleg={beroeps ? 'Een beroepskracht meldt met naam. Anoniem mag alleen als uitzondering, met een reden.' : undefined}
          aan={s.anoniem}
          onWijzig={zet('anoniem')}
        />
        {foutVan(`${P}-melder-anoniem`) ? <Paragraph className="sv-veldfout">{foutVan(`${P}-melder-anoniem`)}</Paragraph> : null}
        {s.anoniem && beroeps ? (
          <Tekstvak id={`${P}-melder-anoniemReden`} label="Reden voor anonimiteit" verplicht waarde={s.anoniemReden} onWijzig={zet('anoniemReden')} rows={2} maxLength={500} fout={foutVan(`${P}-melder-anoniemReden`)} />
        ) : null}
        {!s.anoniem ? (
          <div className="sv-velden-rij">
            <Tekstveld id={`${P}-melder-naam`} label="Naam" autoComplete="off" waarde={s.naam} onWijzig={zet('naam')} fout={foutVan(`${P}-melder-naam`)} />
            {beroeps ? <Tekstveld id={`${P}-melder-organisatie`} label="Organisatie" autoComplete="off" waarde={s.organisatie} onWijzig={zet('organisatie')} fout={foutVan(`${P}-melder-organisatie`)} /> : null}
            <Tekstveld id={`${P}-melder-telefoon`} label="Telefoon" type="tel" autoComplete="off" waarde={s.telefoon} onWijzig={zet('telefoon')} fout={foutVan(`${P}-melder-telefoon`)} />
            <Tekstveld id={`${P}-melder-email`} label="E-mail" type="email" autoComplete="off" waarde={s.email} onWijzig={zet('email')} fout={foutVan(`${P}-melder-email`)} />
          </div>
        ) : null}
      </section>

      <section className="sv-section" aria-labelledby="intake-personen-kop">
        <Heading level={2} id="intake-personen-kop">
          Betrokkenen
        </Heading>
        <Paragraph className="sv-intro">
          Zodra een persoon een achternaam of BSN heeft, zoekt de radar of deze persoon al bekend is.
          {radar.fout ? ` ${radar.fout}` : ''}
        </Paragraph>
        <PersonenLijst
          prefix={P}
          personen={s.personen}
          onWijzig={zet('personen')}
          foutVan={foutVan}
          sneltoets="Alt+N"
          naPersoon={(p) => <LiveRadar treffers={radar.treffers.get(p.ref)} zoekt={radarPersonen([p]).length > 0} />}
        />
        <Heading level={3}>Relaties tussen de betrokkenen</Heading>
        <RelatiesVelden prefix={P} personen={s.personen} relaties={s.relaties} onWijzig={zet('relaties')} foutVan={foutVan} />
      </section>

      <section className="sv-section" aria-labelledby="intake-geweld-kop">
        <Heading level={2} id="intake-geweld-kop">
          Wat is er gebeurd?
        </Heading>
        <Heading level={3}>Vormen van geweld</Heading>
        <GeweldsvormenKeuze id={`${P}-geweldsvormen`} vormen={geweldsvormen} gekozen={s.geweldsvormen} onWijzig={zet('geweldsvormen')} fout={foutVan(`${P}-geweldsvormen`)} />
        <Tekstvak id={`${P}-omschrijving`} label="Omschrijving" uitleg="Wat zag of hoorde de melder? Wat is er nu aan de hand?" waarde={s.omschrijving} onWijzig={zet('omschrijving')} rows={6} maxLength={20000} fout={foutVan(`${P}-omschrijving`)} />
      </section>

      <div className="sv-form__acties">
        <Button type="button" appearance="primary-action-button" busy={formulier.bezig} onClick={() => void registreren()} aria-keyshortcuts="Control+Enter">
          {s.type === 'melding' ? 'Melding registreren' : 'Advies registreren'}
        </Button>
        <span className="sv-opslag">{sessie.organisatie ? `Wordt geregistreerd door ${sessie.organisatie.naam}.` : null}</span>
      </div>
    </form>
  );
}

function LiveRadar({ treffers, zoekt }: { treffers: RadarTreffer[] | undefined; zoekt: boolean }) {
  if (!zoekt) return null;
  return (
    <div className="sv-radar-live">
      <Paragraph role="status" className="sv-radar-live__status">
        <strong>Radar:</strong>{' '}
        {treffers === undefined
          ? 'zoeken…'
          : treffers.length === 0
            ? 'geen bekende persoon gevonden.'
            : `${treffers.length === 1 ? '1 mogelijk bekende persoon' : `${treffers.length} mogelijk bekende personen`} (Alt+R).`}
      </Paragraph>
      {treffers?.map((t) => <RadarKaart key={t.kandidaat.personId} treffer={t} kopNiveau={3} />)}
    </div>
  );
}

function Concepten({ huidig }: { huidig: string }) {
  const concepten = useApi(`concepten:${huidig}`, () => voordeurApi.concepten());
  if (concepten.status === 'laden') return <Laden wat="concepten" />;
  if (concepten.status === 'fout') return <Foutmelding error={concepten.error} titel="Het lukt niet om uw concepten te laden" />;
  const andere = concepten.data.filter((c) => c.id !== huidig);
  if (andere.length === 0) return <Paragraph>U heeft geen andere concepten.</Paragraph>;
  return (
    <ul className="sv-lijst">
      {andere.map((c) => (
        <li key={c.id}>
          <AppLink href={`/intake?concept=${encodeURIComponent(c.id)}`}>{conceptTitel(c)}</AppLink>, laatst opgeslagen {formatDatumTijd(c.bijgewerktOp)}
        </li>
      ))}
    </ul>
  );
}

function conceptTitel(c: Concept): string {
  const s = leesConcept(c.data);
  const namen = s.personen.map((p) => [p.voornamen, p.tussenvoegsel, p.achternaam].map((d) => d.trim()).filter(Boolean).join(' ')).filter(Boolean);
  return `${s.type === 'advies' ? 'Advies' : 'Melding'}${namen.length ? ` over ${namen.join(', ')}` : ' zonder namen'}`;
}

function IntakeScherm({ sessie }: { sessie: Sessie }) {
  const gevraagd = new URLSearchParams(useSearch()).get('concept');
  const [actief, setActief] = useState(() => ({ id: gevraagd ?? nieuweSleutel(), bestaand: gevraagd !== null }));
  useEffect(() => {
    if (gevraagd === actief.id) return;
    setActief(gevraagd ? { id: gevraagd, bestaand: true } : { id: nieuweSleutel(), bestaand: false });
  }, [gevraagd]);

  const geweldsvormen = useApi('geweldsvormen', () => api.geweldsvormen());
  const regios = useApi('regios', () => api.regios());
  // A new key (teller) after a conflict loads the draft again and mounts a fresh form with it.
  const [teller, setTeller] = useState(0);
  const concept = useApi(actief.bestaand ? `concept:${actief.id}:${teller}` : 'concept:nieuw', () =>
    actief.bestaand ? voordeurApi.concept(actief.id) : Promise.resolve(null),
  );

  const klaar = geweldsvormen.status === 'klaar' && regios.status === 'klaar' && concept.status === 'klaar';
  return (
    <>
      <Heading level={1}>Intake</Heading>
      <Paragraph className="sv-intro">
        Leg een advies of melding vast tijdens het gesprek. Uw invoer wordt als concept bewaard, zodat niets verloren gaat.
        Enter verstuurt het formulier nooit.
      </Paragraph>
      <Sneltoetsen />
      {geweldsvormen.status === 'fout' ? <Foutmelding error={geweldsvormen.error} /> : null}
      {regios.status === 'fout' ? <Foutmelding error={regios.error} /> : null}
      {concept.status === 'fout' ? <Foutmelding error={concept.error} titel="Het lukt niet om het concept te laden" /> : null}
      {!klaar && concept.status !== 'fout' ? <Laden wat="gegevens voor de intake" /> : null}
      {klaar && concept.status === 'klaar' ? (
        <IntakeFormulier
          key={`${actief.id}:${teller}`}
          sessie={sessie}
          conceptId={actief.id}
          begin={concept.data ? leesConcept(concept.data.data) : legeIntake()}
          beginVersie={concept.data?.versie ?? 0}
          beginOp={concept.data?.bijgewerktOp ?? null}
          geweldsvormen={geweldsvormen.status === 'klaar' ? geweldsvormen.data : []}
          gemeenten={regios.status === 'klaar' ? gemeenteKeuzes(regios.data, sessie.regio.id) : []}
          onHerladen={() => {
            setActief({ id: actief.id, bestaand: true });
            setTeller((t) => t + 1);
          }}
        />
      ) : null}
      <section className="sv-section" aria-labelledby="concepten-kop">
        <Heading level={2} id="concepten-kop">
          Uw andere concepten
        </Heading>
        <Concepten huidig={actief.id} />
        <Paragraph>
          <AppLink href="/intake">Nieuwe intake beginnen</AppLink>
        </Paragraph>
      </section>
    </>
  );
}

export function IntakePage() {
  usePageTitle('Intake');
  return <Beveiligd rollen={VT_ROLLEN}>{(sessie) => <IntakeScherm sessie={sessie} />}</Beveiligd>;
}
