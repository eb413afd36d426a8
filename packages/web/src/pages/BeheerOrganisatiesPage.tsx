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
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError, beheerApi, type BeheerOrganisatie, type Organisatietype, type Sessie } from '../api';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, serverFouten, useFormulier, type VeldFout } from '../components/Formulier';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { BEHEER_NAV, SubNav } from '../components/SubNav';
import { focusOp, Keuzelijst, Tekstveld, Vinkjes, type Keuze } from '../components/Velden';
import { gemeenteKeuzes } from '../gemeenten';
import { BEHEER_ROLLEN } from '../rollen';
import { useApi, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

function OrganisatieTabel({ organisaties, typen, gemeenteNamen }: { organisaties: BeheerOrganisatie[]; typen: Map<string, string>; gemeenteNamen: Map<string, string> }) {
  const captionId = useId();
  if (organisaties.length === 0) return <Paragraph>Er zijn nog geen organisaties.</Paragraph>;
  const gesorteerd = [...organisaties].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table">
        <TableCaption id={captionId} className="sv-table__caption">
          Organisaties in uw regio ({organisaties.length})
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Soort organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
            <TableHeaderCell scope="col">Teams</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {gesorteerd.map((o) => (
            <TableRow key={o.id}>
              <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
              <TableCell>{typen.get(o.type) ?? o.type}</TableCell>
              <TableCell>{o.gemeente ? o.gemeente.naam : 'Hele regio'}</TableCell>
              <TableCell>
                {o.teams.length > 0 ? (
                  <ul className="sv-lijst sv-lijst--kaal">
                    {[...o.teams]
                      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
                      .map((t) => (
                        <li key={t.id}>
                          {t.naam}
                          {t.werkgebied.length > 0 ? ` (${t.werkgebied.map((g) => gemeenteNamen.get(g) ?? g).join(', ')})` : ''}
                        </li>
                      ))}
                  </ul>
                ) : (
                  'Geen teams'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function NieuweOrganisatie({
  typen,
  gemeenten,
  onToegevoegd,
}: {
  typen: Organisatietype[];
  gemeenten: Keuze[];
  onToegevoegd: (naam: string) => void;
}) {
  const [naam, setNaam] = useState('');
  const [type, setType] = useState('');
  const [gemeenteCode, setGemeenteCode] = useState('');
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  const toevoegen = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const nieuw: VeldFout[] = [];
    if (!naam.trim()) nieuw.push({ id: 'org-naam', tekst: 'Vul de naam van de organisatie in.' });
    else if (naam.trim().length < 2) nieuw.push({ id: 'org-naam', tekst: 'De naam moet minimaal 2 tekens hebben.' });
    if (!type) nieuw.push({ id: 'org-type', tekst: 'Kies de soort organisatie.' });
    setFouten(nieuw);
    setMelding(null);
    if (nieuw.length > 0) return focusOp('org-fouten');
    setBezig(true);
    try {
      await beheerApi.organisatieToevoegen({ naam: naam.trim(), type, ...(gemeenteCode ? { gemeenteCode } : {}) });
      onToegevoegd(naam.trim());
      setNaam('');
      setType('');
      setGemeenteCode('');
    } catch (error) {
      if (error instanceof ApiError) {
        const f = serverFouten(error, { naam: 'org-naam', type: 'org-type', gemeenteCode: 'org-gemeente' });
        setFouten(f.fouten);
        setMelding(f.melding);
      } else {
        setMelding('Toevoegen is niet gelukt. Probeer het opnieuw.');
      }
      focusOp('org-fouten');
    } finally {
      setBezig(false);
    }
  };

  const foutVan = (id: string) => fouten.find((f) => f.id === id)?.tekst;

  return (
    <section className="sv-section" aria-labelledby="org-kop">
      <Heading level={2} id="org-kop">
        Organisatie toevoegen
      </Heading>
      <FoutSamenvatting id="org-fouten" fouten={fouten} melding={melding} />
      <form className="sv-form" noValidate onSubmit={toevoegen}>
        <Tekstveld id="org-naam" label="Naam van de organisatie" verplicht autoComplete="organization" waarde={naam} onWijzig={setNaam} fout={foutVan('org-naam')} />
        <Keuzelijst
          id="org-type"
          label="Soort organisatie"
          verplicht
          waarde={type}
          onWijzig={setType}
          leeg="Kies de soort organisatie"
          keuzes={typen.map((t) => ({ waarde: t.code, label: t.naam }))}
          fout={foutVan('org-type')}
        />
        <Keuzelijst
          id="org-gemeente"
          label="Gemeente"
          uitleg="Kies een gemeente als de organisatie alleen in die gemeente werkt, zoals een lokaal team."
          waarde={gemeenteCode}
          onWijzig={setGemeenteCode}
          leeg="Geen gemeente (werkt in de hele regio)"
          keuzes={gemeenten}
          fout={foutVan('org-gemeente')}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={bezig}>
            Organisatie toevoegen
          </Button>
        </div>
      </form>
    </section>
  );
}

function NieuwTeam({ organisaties, onToegevoegd }: { organisaties: BeheerOrganisatie[]; onToegevoegd: (tekst: string) => void }) {
  const [organisatieId, setOrganisatieId] = useState('');
  const [naam, setNaam] = useState('');
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  const toevoegen = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const nieuw: VeldFout[] = [];
    if (!organisatieId) nieuw.push({ id: 'team-organisatie', tekst: 'Kies de organisatie waar het team bij hoort.' });
    if (!naam.trim()) nieuw.push({ id: 'team-naam', tekst: 'Vul de naam van het team in.' });
    else if (naam.trim().length < 2) nieuw.push({ id: 'team-naam', tekst: 'De naam moet minimaal 2 tekens hebben.' });
    setFouten(nieuw);
    setMelding(null);
    if (nieuw.length > 0) return focusOp('team-fouten');
    setBezig(true);
    try {
      await beheerApi.teamToevoegen(organisatieId, naam.trim());
      const org = organisaties.find((o) => o.id === organisatieId);
      onToegevoegd(`Team ${naam.trim()} is toegevoegd aan ${org?.naam ?? 'de organisatie'}.`);
      setNaam('');
    } catch (error) {
      if (error instanceof ApiError) {
        const f = serverFouten(error, { naam: 'team-naam' });
        setFouten(f.fouten);
        setMelding(f.melding);
      } else {
        setMelding('Toevoegen is niet gelukt. Probeer het opnieuw.');
      }
      focusOp('team-fouten');
    } finally {
      setBezig(false);
    }
  };

  const foutVan = (id: string) => fouten.find((f) => f.id === id)?.tekst;

  return (
    <section className="sv-section" aria-labelledby="team-kop">
      <Heading level={2} id="team-kop">
        Team toevoegen
      </Heading>
      <Paragraph className="sv-intro">
        Met teams maakt u de toegang kleiner: een medewerker met een team ziet alleen de dossiers waarbij zijn of haar team
        betrokken is.
      </Paragraph>
      <FoutSamenvatting id="team-fouten" fouten={fouten} melding={melding} />
      <form className="sv-form" noValidate onSubmit={toevoegen}>
        <Keuzelijst
          id="team-organisatie"
          label="Organisatie"
          verplicht
          waarde={organisatieId}
          onWijzig={setOrganisatieId}
          leeg="Kies een organisatie"
          keuzes={[...organisaties].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).map((o) => ({ waarde: o.id, label: o.naam }))}
          fout={foutVan('team-organisatie')}
        />
        <Tekstveld id="team-naam" label="Naam van het team" verplicht autoComplete="off" waarde={naam} onWijzig={setNaam} fout={foutVan('team-naam')} />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={bezig}>
            Team toevoegen
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A team's lead (told of overdue work) and the gemeenten it serves (their meldingen enter its queue). */
function TeamInstellen({ organisaties, gemeenten, onOpgeslagen }: { organisaties: BeheerOrganisatie[]; gemeenten: Keuze[]; onOpgeslagen: (tekst: string) => void }) {
  const gebruikers = useApi('beheer:gebruikers', () => beheerApi.gebruikers());
  const f = useFormulier('teaminst-fouten');
  const teams = organisaties.flatMap((o) => o.teams.map((t) => ({ ...t, organisatie: o })));
  const [teamId, setTeamId] = useState('');
  const team = teams.find((t) => t.id === teamId);
  const [teamleiderId, setTeamleiderId] = useState('');
  const [werkgebied, setWerkgebied] = useState<string[]>([]);

  const kies = (id: string) => {
    const t = teams.find((x) => x.id === id);
    setTeamId(id);
    setTeamleiderId(t?.teamleiderId ?? '');
    setWerkgebied(t?.werkgebied ?? []);
  };

  const leiders =
    gebruikers.status === 'klaar' && team
      ? gebruikers.data.filter((g) => g.actief && g.organisatie.id === team.organisatie.id).map((g) => ({ waarde: g.id, label: g.naam }))
      : [];

  return (
    <section className="sv-section" aria-labelledby="teaminst-kop">
      <Heading level={2} id="teaminst-kop">
        Teamleider en werkgebied
      </Heading>
      <Paragraph className="sv-intro">
        De teamleider krijgt een bericht als werk van het team over de termijn gaat. Meldingen uit de gemeenten van het werkgebied komen in de
        werkvoorraad van het team.
      </Paragraph>
      <FoutSamenvatting id="teaminst-fouten" fouten={f.fouten} melding={f.melding} />
      {gebruikers.status === 'fout' ? <Foutmelding error={gebruikers.error} titel="Het lukt niet om de gebruikers te laden" /> : null}
      <form
        className="sv-form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void f.verstuur(
            async () => {
              await beheerApi.teamInstellen(teamId, { teamleiderId: teamleiderId || null, werkgebied, versie: team?.versie ?? 0 });
              onOpgeslagen(`Team ${team?.naam ?? ''} is opgeslagen.`);
            },
            {
              controle: () => (teamId ? [] : [{ id: 'teaminst-team', tekst: 'Kies een team.' }]),
              velden: { teamleiderId: 'teaminst-leider', werkgebied: 'teaminst-werkgebied' },
            },
          );
        }}
      >
        <Keuzelijst
          id="teaminst-team"
          label="Team"
          verplicht
          waarde={teamId}
          onWijzig={kies}
          leeg="Kies een team"
          keuzes={teams.map((t) => ({ waarde: t.id, label: `${t.organisatie.naam}: ${t.naam}` }))}
          fout={f.foutVan('teaminst-team')}
        />
        {team ? (
          <>
            <Keuzelijst id="teaminst-leider" label="Teamleider" waarde={teamleiderId} onWijzig={setTeamleiderId} leeg="Geen teamleider" keuzes={leiders} fout={f.foutVan('teaminst-leider')} />
            <Vinkjes id="teaminst-werkgebied" legenda="Werkgebied: gemeenten van dit team" keuzes={gemeenten} gekozen={werkgebied} onWijzig={setWerkgebied} fout={f.foutVan('teaminst-werkgebied')} />
          </>
        ) : null}
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
            Team opslaan
          </Button>
        </div>
      </form>
    </section>
  );
}

function OrganisatieBeheer({ sessie }: { sessie: Sessie }) {
  const organisaties = useHerlaadbareApi('beheer:organisaties', () => beheerApi.organisaties());
  const typen = useApi('organisatietypen', () => api.organisatietypen());
  const regios = useApi('regios', () => api.regios());
  const [bevestiging, setBevestiging] = useState<string | null>(null);

  const typeLijst = typen.status === 'klaar' ? typen.data : [];
  const typeNamen = new Map(typeLijst.map((t) => [t.code, t.naam]));
  const gemeenten = regios.status === 'klaar' ? gemeenteKeuzes(regios.data, sessie.regio.id) : [];

  const klaar = (tekst: string) => {
    setBevestiging(tekst);
    organisaties.herlaad();
    focusOp('organisaties-melding');
  };

  return (
    <>
      <div id="organisaties-melding" tabIndex={-1} className="sv-melding">
        {bevestiging ? <Bevestiging>{bevestiging}</Bevestiging> : null}
      </div>
      {organisaties.state.status === 'laden' ? <Laden wat="organisaties" /> : null}
      {organisaties.state.status === 'fout' ? (
        <Foutmelding error={organisaties.state.error} titel="Het lukt niet om de organisaties te laden" />
      ) : null}
      {organisaties.state.status === 'klaar' ? (
        <OrganisatieTabel organisaties={organisaties.state.data} typen={typeNamen} gemeenteNamen={new Map(gemeenten.map((g) => [g.waarde, g.label]))} />
      ) : null}
      {typen.status === 'fout' ? <Foutmelding error={typen.error} titel="Het lukt niet om de soorten organisaties te laden" /> : null}
      {typen.status === 'klaar' ? (
        <NieuweOrganisatie typen={typeLijst} gemeenten={gemeenten} onToegevoegd={(naam) => klaar(`Organisatie ${naam} is toegevoegd.`)} />
      ) : null}
      {organisaties.state.status === 'klaar' && organisaties.state.data.length > 0 ? (
        <NieuwTeam organisaties={organisaties.state.data} onToegevoegd={klaar} />
      ) : null}
      {organisaties.state.status === 'klaar' && organisaties.state.data.some((o) => o.teams.length > 0) ? (
        <TeamInstellen organisaties={organisaties.state.data} gemeenten={gemeenten} onOpgeslagen={klaar} />
      ) : null}
    </>
  );
}

export function BeheerOrganisatiesPage() {
  usePageTitle('Organisaties en teams');
  return (
    <Beveiligd rollen={BEHEER_ROLLEN}>
      {(sessie) => (
        <>
          <Heading level={1}>Organisaties en teams</Heading>
          <SubNav label="Beheer" items={BEHEER_NAV} huidig="/beheer/organisaties" />
          <OrganisatieBeheer sessie={sessie} />
        </>
      )}
    </Beveiligd>
  );
}
