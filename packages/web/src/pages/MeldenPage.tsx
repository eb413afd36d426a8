/**
 * The public page for citizens (no login), in plain Dutch (B1): first where to call in danger, then advice
 * or a report to Veilig Thuis. Anonymous is allowed. A hidden field catches robots; the server limits how
 * often one address may send.
 */
import { Alert, Button, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { FoutSamenvatting, useFormulier, type VeldFout } from '../components/Formulier';
import { Foutmelding, Laden } from '../components/Status';
import { EnkelVinkje, focusOp, Keuzelijst, Keuzerondjes, Tekstvak, Tekstveld } from '../components/Velden';
import { gemeenteKeuzes } from '../gemeenten';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { nieuweSleutel } from '../uuid';
import { voordeurApi, type PubliekContact } from '../voordeurApi';

const P = 'pub';
const SAMENVATTING = 'pub-fouten';

interface Persoon {
  ref: string;
  rol: string;
  voornaam: string;
  achternaam: string;
  leeftijd: string;
  straat: string;
  huisnummer: string;
  postcode: string;
  woonplaats: string;
}

const nieuwePersoon = (): Persoon => ({ ref: nieuweSleutel().slice(0, 8), rol: '', voornaam: '', achternaam: '', leeftijd: '', straat: '', huisnummer: '', postcode: '', woonplaats: '' });

const ROLLEN = [
  { waarde: 'slachtoffer', label: 'Iemand die geweld meemaakt' },
  { waarde: 'pleger', label: 'Iemand die geweld gebruikt' },
  { waarde: 'kind', label: 'Een kind' },
  { waarde: 'getuige', label: 'Iemand die het ziet of hoort' },
  { waarde: 'overig', label: 'Iemand anders' },
];

const RELATIES = [
  { waarde: 'familie', label: 'Ik ben familie' },
  { waarde: 'buren', label: 'Ik ben een buur' },
  { waarde: 'betrokkene-zelf', label: 'Het gaat over mij' },
  { waarde: 'overig', label: 'Iets anders, bijvoorbeeld een vriend of kennis' },
];

const ADRES = ['straat', 'huisnummer', 'postcode', 'woonplaats'] as const;

function PersoonVelden({ p, nummer, zet, weg, foutVan }: { p: Persoon; nummer: number; zet: (p: Persoon) => void; weg: () => void; foutVan: (id: string) => string | undefined }) {
  const id = (veld: string) => `${P}-${p.ref}-${veld}`;
  const veld = (key: keyof Persoon, label: string, extra: { inputMode?: 'numeric'; autoComplete?: string } = {}) => (
    <Tekstveld id={id(key)} label={label} waarde={p[key]} onWijzig={(w) => zet({ ...p, [key]: w })} fout={foutVan(id(key))} autoComplete="off" {...extra} />
  );
  return (
    <Fieldset id={`${P}-${p.ref}`} className="sv-fieldset sv-persoon">
      <FieldsetLegend className="sv-persoon__legenda">Persoon {nummer}</FieldsetLegend>
      <Keuzelijst id={id('rol')} label="Wie is dit?" verplicht waarde={p.rol} onWijzig={(rol) => zet({ ...p, rol })} leeg="Kies wat past" keuzes={ROLLEN} fout={foutVan(id('rol'))} />
      <div className="sv-velden-rij">
        {veld('voornaam', 'Voornaam')}
        {veld('achternaam', 'Achternaam')}
        {veld('leeftijd', 'Leeftijd (ongeveer)', { inputMode: 'numeric' })}
      </div>
      <details className="sv-uitklap">
        <summary>Adres invullen (als u het weet)</summary>
        <div className="sv-velden-rij">
          {veld('straat', 'Straat')}
          {veld('huisnummer', 'Huisnummer', { inputMode: 'numeric' })}
          {veld('postcode', 'Postcode')}
          {veld('woonplaats', 'Plaats')}
        </div>
      </details>
      <Button type="button" appearance="subtle-button" onClick={weg}>
        Persoon {nummer} weghalen
      </Button>
    </Fieldset>
  );
}

/** Checks in plain words before sending; the server checks again (with the same kind of messages). */
function controle(s: { soort: string; gemeente: string; watIsEr: string; kinderen: string; relatie: string; contact: string; personen: Persoon[]; telefoon: string; email: string }): VeldFout[] {
  const f: VeldFout[] = [];
  if (!s.soort) f.push({ id: `${P}-soort`, tekst: 'Kies of u advies wilt of iets wilt melden.' });
  if (!s.gemeente) f.push({ id: `${P}-gemeente`, tekst: 'Kies de gemeente waar het gebeurt.' });
  s.personen.forEach((p, i) => {
    if (!p.rol) f.push({ id: `${P}-${p.ref}-rol`, tekst: `Persoon ${i + 1}: kies wie dit is.` });
    if (p.leeftijd.trim() && !/^\d{1,3}$/.test(p.leeftijd.trim())) f.push({ id: `${P}-${p.ref}-leeftijd`, tekst: `Persoon ${i + 1}: vul de leeftijd in met cijfers.` });
    const adres = ADRES.filter((a) => p[a].trim());
    if (adres.length > 0 && adres.length < ADRES.length) f.push({ id: `${P}-${p.ref}-straat`, tekst: `Persoon ${i + 1}: vul het hele adres in, of laat het adres helemaal leeg.` });
    if (p.huisnummer.trim() && !/^\d{1,5}$/.test(p.huisnummer.trim())) f.push({ id: `${P}-${p.ref}-huisnummer`, tekst: `Persoon ${i + 1}: vul bij huisnummer alleen cijfers in.` });
  });
  if (s.watIsEr.trim().length < 10) f.push({ id: `${P}-watIsEr`, tekst: 'Vertel in een paar zinnen wat er aan de hand is.' });
  if (!s.kinderen) f.push({ id: `${P}-kinderen`, tekst: 'Geef aan of er kinderen bij zijn.' });
  if (!s.relatie) f.push({ id: `${P}-relatie`, tekst: 'Kies wie u bent voor deze mensen.' });
  if (!s.contact) f.push({ id: `${P}-contact`, tekst: 'Kies of u anoniem wilt blijven.' });
  if (s.contact === 'ja' && s.telefoon.trim() && !/^[0-9 +()-]+$/.test(s.telefoon.trim())) f.push({ id: `${P}-telefoon`, tekst: 'Vul een telefoonnummer in met alleen cijfers.' });
  if (s.contact === 'ja' && s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) f.push({ id: `${P}-email`, tekst: 'Vul een geldig e-mailadres in.' });
  return f;
}

function Ontvangen({ referentie, soort, anoniem }: { referentie: string; soort: 'advies' | 'melding'; anoniem: boolean }) {
  return (
    <section className="sv-section" aria-labelledby="pub-ontvangen">
      <Alert type="ok" className="sv-alert">
        <Heading level={2} id="pub-ontvangen" tabIndex={-1}>
          Bedankt. Wij hebben uw bericht gekregen.
        </Heading>
        <Paragraph>
          Uw nummer is <strong className="sv-code">{referentie}</strong>. Schrijf dit nummer op. Noem het als u Veilig Thuis belt.
        </Paragraph>
      </Alert>
      <Heading level={3}>Wat gebeurt er nu?</Heading>
      {soort === 'melding' ? (
        <ul className="sv-lijst">
          <li>Veilig Thuis kijkt binnen 5 werkdagen of iedereen veilig is. Is het dringend? Dan doen ze dat meteen.</li>
          <li>Veilig Thuis kan contact opnemen met de mensen over wie u vertelt.</li>
        </ul>
      ) : (
        <ul className="sv-lijst">
          <li>Een medewerker van Veilig Thuis leest uw vraag.</li>
          {anoniem ? null : <li>De medewerker belt of mailt u om met u mee te denken.</li>}
        </ul>
      )}
      {anoniem ? (
        <Paragraph>
          U bleef anoniem. Daarom kan Veilig Thuis u niet terugbellen. Wilt u toch praten? Bel dan zelf <Link href="tel:08002000">0800-2000</Link> en noem uw
          nummer.
        </Paragraph>
      ) : null}
      <Paragraph>
        Is er nu direct gevaar? Bel <Link href="tel:112">112</Link>.
      </Paragraph>
    </section>
  );
}

function PubliekFormulier({ onVerstuurd }: { onVerstuurd: (r: { referentie: string; soort: 'advies' | 'melding'; anoniem: boolean }) => void }) {
  const regios = useApi('regios', () => api.regios());
  const f = useFormulier(SAMENVATTING);
  const [sleutel] = useState(nieuweSleutel);
  const [soort, setSoort] = useState('');
  const [gemeente, setGemeente] = useState('');
  const [personen, setPersonen] = useState<Persoon[]>([]);
  const [watIsEr, setWatIsEr] = useState('');
  const [kinderen, setKinderen] = useState('');
  const [nuInGevaar, setNuInGevaar] = useState(false);
  const [relatie, setRelatie] = useState('');
  const [contact, setContact] = useState('');
  const [naam, setNaam] = useState('');
  const [telefoon, setTelefoon] = useState('');
  const [email, setEmail] = useState('');
  const [website, setWebsite] = useState('');

  if (regios.status === 'laden') return <Laden wat="gemeenten" />;
  if (regios.status === 'fout') return <Foutmelding error={regios.error} titel="Het formulier werkt nu niet. Bel Veilig Thuis: 0800-2000" />;

  const versturen = async () => {
    const anoniem = contact === 'nee';
    const tekst = (v: string) => (v.trim() ? v.trim() : undefined);
    const body: PubliekContact = {
      sleutel,
      soort: soort === 'advies' ? 'advies' : 'melding',
      gemeente,
      overWie: personen.map((p) => {
        const uit: PubliekContact['overWie'][number] = { rol: p.rol };
        const voornaam = tekst(p.voornaam);
        const achternaam = tekst(p.achternaam);
        if (voornaam) uit.voornaam = voornaam;
        if (achternaam) uit.achternaam = achternaam;
        if (p.leeftijd.trim()) uit.leeftijd = Number(p.leeftijd.trim());
        if (ADRES.every((a) => p[a].trim())) {
          uit.adres = { straat: p.straat.trim(), huisnummer: Number(p.huisnummer.trim()), postcode: p.postcode.trim(), woonplaats: p.woonplaats.trim(), geheim: false };
        }
        return uit;
      }),
      watIsEr: watIsEr.trim(),
      kinderen: kinderen === 'ja' || kinderen === 'nee' ? kinderen : 'weet-ik-niet',
      nuInGevaar,
      melder: { relatie, anoniem, ...(anoniem ? {} : Object.fromEntries(Object.entries({ naam: tekst(naam), telefoon: tekst(telefoon), email: tekst(email) }).filter(([, v]) => v))) },
      website,
    };
    const uit: { referentie?: string; soort?: 'advies' | 'melding' } = {};
    const gelukt = await f.verstuur(
      async () => {
        try {
          Object.assign(uit, await voordeurApi.publiek(body));
        } catch (error) {
          if (error instanceof ApiError && error.status === 429) {
            throw new ApiError('U heeft in korte tijd veel berichten gestuurd. Probeer het over een uur nog eens. Of bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).', error.code, 429);
          }
          throw error;
        }
      },
      {
        controle: () => controle({ soort, gemeente, watIsEr, kinderen, relatie, contact, personen, telefoon, email }),
        velden: (pad) => {
          const persoon = /^overWie\.(\d+)(?:\.(\w+))?(?:\.(\w+))?/.exec(pad);
          if (persoon) {
            const p = personen[Number(persoon[1])];
            return p ? `${P}-${p.ref}-${persoon[2] === 'adres' ? (persoon[3] ?? 'straat') : (persoon[2] ?? 'rol')}` : `${P}-toevoegen`;
          }
          if (pad === 'overWie') return `${P}-toevoegen`;
          const melder = /^melder\.(\w+)/.exec(pad);
          if (melder) return melder[1] === 'relatie' ? `${P}-relatie` : melder[1] === 'anoniem' ? `${P}-contact` : `${P}-${melder[1]}`;
          return { soort: `${P}-soort`, gemeente: `${P}-gemeente`, watIsEr: `${P}-watIsEr`, kinderen: `${P}-kinderen` }[pad] ?? null;
        },
        standaard: 'Versturen is niet gelukt. Probeer het nog eens, of bel Veilig Thuis: 0800-2000.',
      },
    );
    if (gelukt && uit.referentie && uit.soort) onVerstuurd({ referentie: uit.referentie, soort: uit.soort, anoniem });
  };

  return (
    <form className="sv-form sv-form--breed" noValidate onSubmit={(e) => e.preventDefault()}>
      <FoutSamenvatting id={SAMENVATTING} fouten={f.fouten} melding={f.melding} kopNiveau={2} />
      <section className="sv-section" aria-labelledby="pub-soort-kop">
        <Heading level={2} id="pub-soort-kop">
          Wilt u advies of wilt u iets melden?
        </Heading>
        <ul className="sv-lijst">
          <li>
            <strong>Advies:</strong> u vertelt wat u ziet of hoort. Veilig Thuis denkt met u mee over wat u kunt doen. U hoeft geen namen te noemen.
          </li>
          <li>
            <strong>Melden:</strong> u vertelt over wie het gaat. Veilig Thuis gaat dan zelf na of iedereen veilig is. Daarvoor hebben we de achternaam nodig.
          </li>
        </ul>
        <Keuzerondjes
          id={`${P}-soort`}
          legenda="Wat wilt u?"
          verplicht
          waarde={soort}
          onWijzig={setSoort}
          keuzes={[
            { waarde: 'advies', label: 'Ik wil advies' },
            { waarde: 'melding', label: 'Ik wil iets melden' },
          ]}
          fout={f.foutVan(`${P}-soort`)}
        />
      </section>

      <section className="sv-section" aria-labelledby="pub-wie-kop">
        <Heading level={2} id="pub-wie-kop">
          Over wie gaat het?
        </Heading>
        <Paragraph>Vul in wat u weet. Namen zijn niet nodig als u advies wilt.</Paragraph>
        <Keuzelijst id={`${P}-gemeente`} label="In welke gemeente gebeurt het?" verplicht waarde={gemeente} onWijzig={setGemeente} leeg="Kies een gemeente" keuzes={gemeenteKeuzes(regios.data, null)} fout={f.foutVan(`${P}-gemeente`)} />
        {personen.map((p, i) => (
          <PersoonVelden
            key={p.ref}
            p={p}
            nummer={i + 1}
            foutVan={f.foutVan}
            zet={(nieuw) => setPersonen(personen.map((x) => (x.ref === p.ref ? nieuw : x)))}
            weg={() => {
              setPersonen(personen.filter((x) => x.ref !== p.ref));
              focusOp(`${P}-toevoegen`);
            }}
          />
        ))}
        <Button
          type="button"
          appearance="secondary-action-button"
          id={`${P}-toevoegen`}
          onClick={() => {
            const nieuw = nieuwePersoon();
            setPersonen([...personen, nieuw]);
            focusOp(`${P}-${nieuw.ref}-rol`);
          }}
        >
          {personen.length === 0 ? 'Persoon toevoegen' : 'Nog een persoon toevoegen'}
        </Button>
        {f.foutVan(`${P}-toevoegen`) ? <Paragraph className="sv-veldfout">{f.foutVan(`${P}-toevoegen`)}</Paragraph> : null}
      </section>

      <section className="sv-section" aria-labelledby="pub-wat-kop">
        <Heading level={2} id="pub-wat-kop">
          Wat is er aan de hand?
        </Heading>
        <Tekstvak id={`${P}-watIsEr`} label="Vertel wat u ziet of hoort" uitleg="Bijvoorbeeld: wat gebeurt er, hoe vaak, en sinds wanneer?" verplicht waarde={watIsEr} onWijzig={setWatIsEr} rows={6} maxLength={5000} fout={f.foutVan(`${P}-watIsEr`)} />
        <Keuzerondjes
          id={`${P}-kinderen`}
          legenda="Zijn er kinderen bij?"
          verplicht
          waarde={kinderen}
          onWijzig={setKinderen}
          keuzes={[
            { waarde: 'ja', label: 'Ja' },
            { waarde: 'nee', label: 'Nee' },
            { waarde: 'weet-ik-niet', label: 'Dat weet ik niet' },
          ]}
          fout={f.foutVan(`${P}-kinderen`)}
        />
        <EnkelVinkje id={`${P}-gevaar`} label="Er is nu gevaar" aan={nuInGevaar} onWijzig={setNuInGevaar} />
        {nuInGevaar ? (
          <Alert type="error" className="sv-alert">
            <Paragraph>
              <strong>
                Is er nu direct gevaar? Bel meteen <Link href="tel:112">112</Link>.
              </strong>
            </Paragraph>
          </Alert>
        ) : null}
      </section>

      <section className="sv-section" aria-labelledby="pub-u-kop">
        <Heading level={2} id="pub-u-kop">
          Wie bent u?
        </Heading>
        <Keuzerondjes id={`${P}-relatie`} legenda="Wie bent u voor deze mensen?" verplicht waarde={relatie} onWijzig={setRelatie} keuzes={RELATIES} fout={f.foutVan(`${P}-relatie`)} />
        <Keuzerondjes
          id={`${P}-contact`}
          legenda="Mag Veilig Thuis contact met u opnemen?"
          verplicht
          waarde={contact}
          onWijzig={setContact}
          keuzes={[
            { waarde: 'ja', label: 'Ja, u mag mij bellen of mailen' },
            { waarde: 'nee', label: 'Nee, ik wil anoniem blijven' },
          ]}
          fout={f.foutVan(`${P}-contact`)}
        />
        {contact === 'nee' ? <Paragraph>Let op: als u anoniem blijft, kan Veilig Thuis u niet terugbellen.</Paragraph> : null}
        {contact === 'ja' ? (
          <div className="sv-velden-rij">
            <Tekstveld id={`${P}-naam`} label="Uw naam" autoComplete="name" waarde={naam} onWijzig={setNaam} fout={f.foutVan(`${P}-naam`)} />
            <Tekstveld id={`${P}-telefoon`} label="Uw telefoonnummer" type="tel" autoComplete="tel" waarde={telefoon} onWijzig={setTelefoon} fout={f.foutVan(`${P}-telefoon`)} />
            <Tekstveld id={`${P}-email`} label="Uw e-mailadres" type="email" autoComplete="email" waarde={email} onWijzig={setEmail} fout={f.foutVan(`${P}-email`)} />
          </div>
        ) : null}
      </section>

      {/* Left empty by people; robots fill it in. Hidden from everyone, also from screen readers and Tab. */}
      <div className="sv-honingpot" aria-hidden="true">
        <label htmlFor={`${P}-website`}>Website</label>
        <input id={`${P}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
      </div>

      <div className="sv-form__acties">
        <Button type="button" appearance="primary-action-button" busy={f.bezig} onClick={() => void versturen()}>
          Versturen
        </Button>
      </div>
    </form>
  );
}

export function MeldenPage() {
  usePageTitle('Zorgen over geweld thuis? Meld het of vraag advies');
  const [ontvangen, setOntvangen] = useState<{ referentie: string; soort: 'advies' | 'melding'; anoniem: boolean } | null>(null);
  return (
    <>
      <Heading level={1}>Zorgen over geweld thuis? Meld het of vraag advies</Heading>
      <div className="sv-noodblok">
        <Paragraph>
          <strong>
            Is er nu direct gevaar? Bel <Link href="tel:112">112</Link>.
          </strong>
        </Paragraph>
        <Paragraph>
          Liever praten? Bel Veilig Thuis: <Link href="tel:08002000">0800-2000</Link> (gratis, dag en nacht).
        </Paragraph>
      </div>
      <Paragraph className="sv-intro">
        Maakt u zich zorgen over iemand in uw omgeving, of over uzelf? Vul dit formulier in. Veilig Thuis leest alles wat u stuurt. U mag anoniem blijven.
      </Paragraph>
      {ontvangen ? (
        <Ontvangen {...ontvangen} />
      ) : (
        <PubliekFormulier
          onVerstuurd={(r) => {
            setOntvangen(r);
            focusOp('pub-ontvangen');
          }}
        />
      )}
    </>
  );
}
