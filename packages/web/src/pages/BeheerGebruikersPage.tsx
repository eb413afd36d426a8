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
import {
  ApiError,
  beheerApi,
  type BeheerGebruiker,
  type BeheerOrganisatie,
  type GebruikerWijziging,
  type NieuweGebruikerAntwoord,
} from '../api';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, serverFouten, type VeldFout } from '../components/Formulier';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { BEHEER_NAV, SubNav } from '../components/SubNav';
import { EnkelVinkje, focusOp, Keuzelijst, Tekstveld, Vinkjes } from '../components/Velden';
import { ALLE_ROLLEN, BEHEER_ROLLEN, rolNaam } from '../rollen';
import { useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

const ROL_KEUZES = ALLE_ROLLEN.map((r) => ({ waarde: r, label: rolNaam(r) }));
const EMAIL_PATROON = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function foutTekst(error: unknown, standaard: string): string {
  return error instanceof ApiError ? error.message : standaard;
}

/* ---------------------------------------------------------------- list */

function GebruikersTabel({
  gebruikers,
  onWijzig,
  onDeblokkeer,
  bezigMet,
}: {
  gebruikers: BeheerGebruiker[];
  onWijzig: (g: BeheerGebruiker) => void;
  onDeblokkeer: (g: BeheerGebruiker) => void;
  bezigMet: string | null;
}) {
  const captionId = useId();
  if (gebruikers.length === 0) return <Paragraph>Er zijn nog geen gebruikers.</Paragraph>;
  const gesorteerd = [...gebruikers].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table">
        <TableCaption id={captionId} className="sv-table__caption">
          Gebruikers in uw regio ({gebruikers.length})
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
            <TableHeaderCell scope="col">Organisatie en team</TableHeaderCell>
            <TableHeaderCell scope="col">Rollen</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Acties</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {gesorteerd.map((g) => (
            <TableRow key={g.id}>
              <TableHeaderCell scope="row">{g.naam}</TableHeaderCell>
              <TableCell className="sv-breek">{g.email}</TableCell>
              <TableCell>
                {g.organisatie.naam}
                {g.team ? (
                  <>
                    <br />
                    Team: {g.team.naam}
                  </>
                ) : null}
              </TableCell>
              <TableCell>{g.rollen.length > 0 ? g.rollen.map(rolNaam).join(', ') : 'Geen rol'}</TableCell>
              <TableCell>
                {g.actief ? 'Actief' : 'Niet actief'}
                {g.geblokkeerd ? (
                  <>
                    <br />
                    <strong className="sv-afgeschermd">Geblokkeerd</strong>
                  </>
                ) : null}
              </TableCell>
              <TableCell>
                <div className="sv-knoppen">
                  <Button type="button" appearance="secondary-action-button" id={`wijzig-${g.id}`} onClick={() => onWijzig(g)}>
                    Wijzigen<span className="sv-visually-hidden"> ({g.naam})</span>
                  </Button>
                  {g.geblokkeerd ? (
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      busy={bezigMet === g.id}
                      onClick={() => onDeblokkeer(g)}
                    >
                      Deblokkeren<span className="sv-visually-hidden"> ({g.naam})</span>
                    </Button>
                  ) : null}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/* ---------------------------------------------------------------- edit */

function WijzigFormulier({
  gebruiker,
  organisatie,
  onOpgeslagen,
  onAnnuleer,
  onHerlaad,
}: {
  gebruiker: BeheerGebruiker;
  organisatie: BeheerOrganisatie | undefined;
  onOpgeslagen: (g: BeheerGebruiker) => void;
  onAnnuleer: () => void;
  onHerlaad: () => void;
}) {
  const [naam, setNaam] = useState(gebruiker.naam);
  const [teamId, setTeamId] = useState(gebruiker.team?.id ?? '');
  const [rollen, setRollen] = useState<string[]>(gebruiker.rollen);
  const [actief, setActief] = useState(gebruiker.actief);
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [melding, setMelding] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const teams = organisatie?.teams ?? (gebruiker.team ? [gebruiker.team] : []);

  // Opened, or opened again with fresh data after a conflict: start at the heading.
  useEffect(() => {
    focusOp('wijzig-kop');
  }, []);

  const opslaan = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const nieuw: VeldFout[] = [];
    if (naam.trim().length < 2) nieuw.push({ id: 'wijzig-naam', tekst: 'Vul de naam in (minimaal 2 tekens).' });
    if (rollen.length === 0) nieuw.push({ id: 'wijzig-rollen', tekst: 'Kies ten minste één rol.' });
    setFouten(nieuw);
    setMelding(null);
    setConflict(null);
    if (nieuw.length > 0) return focusOp('wijzig-fouten');

    const wijziging: GebruikerWijziging = { versie: gebruiker.versie };
    if (naam.trim() !== gebruiker.naam) wijziging.naam = naam.trim();
    if (teamId !== (gebruiker.team?.id ?? '')) wijziging.teamId = teamId || null;
    if ([...rollen].sort().join() !== [...gebruiker.rollen].sort().join()) wijziging.rollen = rollen;
    if (actief !== gebruiker.actief) wijziging.actief = actief;
    if (Object.keys(wijziging).length === 1) {
      setMelding('U heeft niets gewijzigd.');
      return focusOp('wijzig-fouten');
    }

    setBezig(true);
    try {
      const opgeslagen = await beheerApi.gebruikerWijzigen(gebruiker.id, wijziging);
      onOpgeslagen(opgeslagen ?? gebruiker);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(error.message);
        focusOp('wijzig-conflict');
      } else if (error instanceof ApiError) {
        const f = serverFouten(error, { naam: 'wijzig-naam', teamId: 'wijzig-team', rollen: 'wijzig-rollen', actief: 'wijzig-actief' });
        setFouten(f.fouten);
        setMelding(f.melding);
        focusOp('wijzig-fouten');
      } else {
        setMelding('Opslaan is niet gelukt. Probeer het opnieuw.');
        focusOp('wijzig-fouten');
      }
    } finally {
      setBezig(false);
    }
  };

  const foutVan = (id: string) => fouten.find((f) => f.id === id)?.tekst;

  return (
    <section className="sv-section sv-panel" aria-labelledby="wijzig-kop">
      <Heading level={2} id="wijzig-kop" tabIndex={-1}>
        Gebruiker wijzigen: {gebruiker.naam}
      </Heading>
      <Paragraph>
        {gebruiker.email} · {gebruiker.organisatie.naam}
      </Paragraph>
      {conflict ? (
        <Alert type="warning" role="alert" className="sv-alert" id="wijzig-conflict" tabIndex={-1}>
          <Paragraph>
            <strong>Uw wijziging is niet opgeslagen.</strong> {conflict}
          </Paragraph>
          <Paragraph>Laad de nieuwste gegevens. Bekijk wat er is veranderd en breng uw wijziging daarna opnieuw aan.</Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={onHerlaad}>
            Nieuwste gegevens laden
          </Button>
        </Alert>
      ) : null}
      <FoutSamenvatting id="wijzig-fouten" fouten={fouten} melding={melding} />
      <form className="sv-form" noValidate onSubmit={opslaan}>
        <Tekstveld id="wijzig-naam" label="Naam" verplicht autoComplete="off" waarde={naam} onWijzig={setNaam} fout={foutVan('wijzig-naam')} />
        <Keuzelijst
          id="wijzig-team"
          label="Team"
          uitleg={teams.length === 0 ? 'Deze organisatie heeft nog geen teams.' : undefined}
          waarde={teamId}
          onWijzig={setTeamId}
          leeg="Geen team (hele organisatie)"
          keuzes={teams.map((t) => ({ waarde: t.id, label: t.naam }))}
          fout={foutVan('wijzig-team')}
        />
        <Vinkjes
          id="wijzig-rollen"
          legenda="Rollen"
          uitleg="Een rol bepaalt wat iemand mag zien en doen. Geef niet meer rollen dan nodig."
          keuzes={ROL_KEUZES}
          gekozen={rollen}
          onWijzig={setRollen}
          fout={foutVan('wijzig-rollen')}
        />
        <EnkelVinkje
          id="wijzig-actief"
          label="Account is actief"
          uitleg="Haal het vinkje weg als iemand niet meer bij de organisatie werkt. Inloggen kan dan niet meer."
          aan={actief}
          onWijzig={setActief}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={bezig}>
            Wijzigingen opslaan
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onAnnuleer}>
            Annuleren
          </Button>
        </div>
      </form>
    </section>
  );
}

/* ---------------------------------------------------------------- create */

function EenmaligeGegevens({ antwoord, onSluit }: { antwoord: NieuweGebruikerAntwoord; onSluit: () => void }) {
  return (
    <Alert type="warning" className="sv-alert sv-eenmalig" id="nieuw-resultaat" tabIndex={-1} role="status">
      <Heading level={3}>Gebruiker {antwoord.gebruiker.naam} is toegevoegd</Heading>
      <Paragraph>
        <strong>Geef dit veilig door; het wordt niet opnieuw getoond.</strong> Geef het wachtwoord en de code voor de app
        bij voorkeur via verschillende wegen door, bijvoorbeeld het wachtwoord telefonisch en de code persoonlijk. Stuur
        ze nooit samen in één e-mail.
      </Paragraph>
      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>E-mailadres (inlognaam)</dt>
          <dd>{antwoord.gebruiker.email}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Tijdelijk wachtwoord</dt>
          <dd>
            <code className="sv-code sv-geheim">{antwoord.tijdelijkWachtwoord}</code>
          </dd>
        </div>
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Geheime code voor de authenticator-app</dt>
          <dd>
            <code className="sv-code sv-geheim">{antwoord.totpSecret}</code>
          </dd>
        </div>
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Koppeling voor de authenticator-app (otpauth)</dt>
          <dd>
            <code className="sv-code sv-geheim">{antwoord.totpUri}</code>
          </dd>
        </div>
      </dl>
      <Paragraph>
        De gebruiker voegt de geheime code toe in een authenticator-app (zoals Microsoft Authenticator of Google
        Authenticator) en logt daarna in met het e-mailadres, het wachtwoord en de code uit de app.
      </Paragraph>
      <Button type="button" appearance="primary-action-button" onClick={onSluit}>
        Ik heb de gegevens veilig doorgegeven
      </Button>
    </Alert>
  );
}

function NieuweGebruiker({ organisaties, onToegevoegd }: { organisaties: BeheerOrganisatie[]; onToegevoegd: () => void }) {
  const [naam, setNaam] = useState('');
  const [email, setEmail] = useState('');
  const [organisatieId, setOrganisatieId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [rollen, setRollen] = useState<string[]>([]);
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [resultaat, setResultaat] = useState<NieuweGebruikerAntwoord | null>(null);
  const organisatie = organisaties.find((o) => o.id === organisatieId);

  const toevoegen = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const nieuw: VeldFout[] = [];
    if (naam.trim().length < 2) nieuw.push({ id: 'nieuw-naam', tekst: 'Vul de naam in (minimaal 2 tekens).' });
    if (!email.trim()) nieuw.push({ id: 'nieuw-email', tekst: 'Vul het e-mailadres in.' });
    else if (!EMAIL_PATROON.test(email.trim()))
      nieuw.push({ id: 'nieuw-email', tekst: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.' });
    if (!organisatieId) nieuw.push({ id: 'nieuw-organisatie', tekst: 'Kies de organisatie.' });
    if (rollen.length === 0) nieuw.push({ id: 'nieuw-rollen', tekst: 'Kies ten minste één rol.' });
    setFouten(nieuw);
    setMelding(null);
    if (nieuw.length > 0) return focusOp('nieuw-fouten');

    setBezig(true);
    try {
      const antwoord = await beheerApi.gebruikerToevoegen({
        naam: naam.trim(),
        email: email.trim(),
        organisatieId,
        ...(teamId ? { teamId } : {}),
        rollen,
      });
      setResultaat(antwoord);
      setNaam('');
      setEmail('');
      setTeamId('');
      setRollen([]);
      onToegevoegd();
      focusOp('nieuw-resultaat');
    } catch (error) {
      if (error instanceof ApiError) {
        const f = serverFouten(error, {
          naam: 'nieuw-naam',
          email: 'nieuw-email',
          organisatieId: 'nieuw-organisatie',
          teamId: 'nieuw-team',
          rollen: 'nieuw-rollen',
        });
        setFouten(f.fouten);
        setMelding(f.melding);
      } else {
        setMelding('Toevoegen is niet gelukt. Probeer het opnieuw.');
      }
      focusOp('nieuw-fouten');
    } finally {
      setBezig(false);
    }
  };

  const foutVan = (id: string) => fouten.find((f) => f.id === id)?.tekst;

  return (
    <section className="sv-section" aria-labelledby="nieuw-kop">
      <Heading level={2} id="nieuw-kop">
        Gebruiker toevoegen
      </Heading>
      {resultaat ? (
        <EenmaligeGegevens
          antwoord={resultaat}
          onSluit={() => {
            setResultaat(null);
            focusOp('nieuw-kop');
          }}
        />
      ) : null}
      <Paragraph className="sv-intro">
        Na het toevoegen ziet u één keer een tijdelijk wachtwoord en een geheime code voor de authenticator-app. Die geeft
        u veilig door aan de nieuwe gebruiker.
      </Paragraph>
      <FoutSamenvatting id="nieuw-fouten" fouten={fouten} melding={melding} />
      <form className="sv-form" noValidate onSubmit={toevoegen}>
        <Tekstveld id="nieuw-naam" label="Naam" verplicht autoComplete="off" waarde={naam} onWijzig={setNaam} fout={foutVan('nieuw-naam')} />
        <Tekstveld
          id="nieuw-email"
          label="E-mailadres"
          uitleg="Het e-mailadres van het werk. Hiermee logt de gebruiker in."
          type="email"
          autoComplete="off"
          spellCheck={false}
          verplicht
          waarde={email}
          onWijzig={setEmail}
          fout={foutVan('nieuw-email')}
        />
        <Keuzelijst
          id="nieuw-organisatie"
          label="Organisatie"
          verplicht
          waarde={organisatieId}
          onWijzig={(id) => {
            setOrganisatieId(id);
            setTeamId('');
          }}
          leeg="Kies een organisatie"
          keuzes={[...organisaties].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).map((o) => ({ waarde: o.id, label: o.naam }))}
          fout={foutVan('nieuw-organisatie')}
        />
        <Keuzelijst
          id="nieuw-team"
          label="Team"
          uitleg={
            !organisatie
              ? 'Kies eerst een organisatie.'
              : organisatie.teams.length === 0
                ? 'Deze organisatie heeft nog geen teams.'
                : 'Kies een team als de gebruiker alleen de dossiers van dat team mag zien.'
          }
          waarde={teamId}
          onWijzig={setTeamId}
          leeg="Geen team (hele organisatie)"
          keuzes={(organisatie?.teams ?? []).map((t) => ({ waarde: t.id, label: t.naam }))}
          fout={foutVan('nieuw-team')}
        />
        <Vinkjes
          id="nieuw-rollen"
          legenda="Rollen"
          uitleg="Een rol bepaalt wat iemand mag zien en doen. Geef niet meer rollen dan nodig."
          keuzes={ROL_KEUZES}
          gekozen={rollen}
          onWijzig={setRollen}
          fout={foutVan('nieuw-rollen')}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={bezig}>
            Gebruiker toevoegen
          </Button>
        </div>
      </form>
    </section>
  );
}

/* ---------------------------------------------------------------- page */

function GebruikersBeheer() {
  const gebruikers = useHerlaadbareApi('beheer:gebruikers', () => beheerApi.gebruikers());
  const organisaties = useHerlaadbareApi('beheer:organisaties', () => beheerApi.organisaties());
  const [bewerkId, setBewerkId] = useState<string | null>(null);
  const [bevestiging, setBevestiging] = useState<string | null>(null);
  const [actieFout, setActieFout] = useState<string | null>(null);
  const [bezigMet, setBezigMet] = useState<string | null>(null);

  const lijst = gebruikers.state.status === 'klaar' ? gebruikers.state.data : [];
  const orgs = organisaties.state.status === 'klaar' ? organisaties.state.data : [];
  const bewerkt = lijst.find((g) => g.id === bewerkId);

  const deblokkeer = async (g: BeheerGebruiker) => {
    setBezigMet(g.id);
    setBevestiging(null);
    setActieFout(null);
    try {
      await beheerApi.deblokkeren(g.id);
      setBevestiging(`De blokkade van ${g.naam} is opgeheven. ${g.naam} kan weer inloggen.`);
      gebruikers.herlaad();
      focusOp('gebruikers-melding');
    } catch (error) {
      setActieFout(foutTekst(error, 'Deblokkeren is niet gelukt. Probeer het opnieuw.'));
      focusOp('gebruikers-melding');
    } finally {
      setBezigMet(null);
    }
  };

  return (
    <>
      <div id="gebruikers-melding" tabIndex={-1} className="sv-melding">
        {bevestiging ? <Bevestiging>{bevestiging}</Bevestiging> : null}
        {actieFout ? <Foutmelding error={new ApiError(actieFout, 'onbekend')} titel="Dat is niet gelukt" /> : null}
      </div>

      {gebruikers.state.status === 'laden' ? <Laden wat="gebruikers" /> : null}
      {gebruikers.state.status === 'fout' ? (
        <Foutmelding error={gebruikers.state.error} titel="Het lukt niet om de gebruikers te laden" />
      ) : null}
      {gebruikers.state.status === 'klaar' ? (
        <GebruikersTabel
          gebruikers={lijst}
          bezigMet={bezigMet}
          onDeblokkeer={(g) => void deblokkeer(g)}
          onWijzig={(g) => {
            setBewerkId(g.id);
            setBevestiging(null);
            setActieFout(null);
          }}
        />
      ) : null}

      {bewerkt ? (
        <WijzigFormulier
          key={`${bewerkt.id}:${bewerkt.versie}`}
          gebruiker={bewerkt}
          organisatie={orgs.find((o) => o.id === bewerkt.organisatie.id)}
          onAnnuleer={() => {
            setBewerkId(null);
            focusOp(`wijzig-${bewerkt.id}`);
          }}
          onHerlaad={gebruikers.herlaad}
          onOpgeslagen={(g) => {
            setBewerkId(null);
            setBevestiging(`De gegevens van ${g.naam} zijn opgeslagen.`);
            gebruikers.herlaad();
            focusOp('gebruikers-melding');
          }}
        />
      ) : null}

      {organisaties.state.status === 'fout' ? (
        <Foutmelding error={organisaties.state.error} titel="Het lukt niet om de organisaties te laden" />
      ) : null}
      {organisaties.state.status === 'klaar' ? <NieuweGebruiker organisaties={orgs} onToegevoegd={gebruikers.herlaad} /> : null}
    </>
  );
}

export function BeheerGebruikersPage() {
  usePageTitle('Gebruikers beheren');
  return (
    <Beveiligd rollen={BEHEER_ROLLEN}>
      {() => (
        <>
          <Heading level={1}>Gebruikers beheren</Heading>
          <SubNav label="Beheer" items={BEHEER_NAV} huidig="/beheer/gebruikers" />
          <Paragraph className="sv-intro">
            Voeg medewerkers toe, geef ze de juiste rol en team, zet accounts uit als iemand vertrekt, en hef een
            blokkade op na te veel mislukte inlogpogingen.
          </Paragraph>
          <GebruikersBeheer />
        </>
      )}
    </Beveiligd>
  );
}
