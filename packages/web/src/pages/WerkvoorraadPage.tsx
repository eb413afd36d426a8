/**
 * Veilig Thuis' work queue per team, most urgent first (as the server sorts it: deadline, acute first on a
 * tie), with the time left; refreshes itself every minute.
 */
import { Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { Sessie } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { ControleAfronden } from '../components/Controle';
import { Bevestiging } from '../components/Formulier';
import { Foutmelding, Laden } from '../components/Status';
import { Tabel } from '../components/Tabel';
import { TijdOver, useNu } from '../components/Termijn';
import { focusOp, Keuzelijst } from '../components/Velden';
import { aantalMet, formatDatum, formatDatumTijd, formatTijd } from '../format';
import { kanaalLabel, wachtOpLabel } from '../labels';
import { VT_ROLLEN } from '../rollen';
import { dossierPath, meldingPath, navigate, useSearch } from '../router';
import { useBevestiging, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { voordeurApi, type Werkvoorraad } from '../voordeurApi';

const VERVERS_MS = 60_000;

function WerkTabel({ data, nu }: { data: Werkvoorraad; nu: number }) {
  if (data.items.length === 0) return <Paragraph>Er is geen open werk voor deze keuze.</Paragraph>;
  return (
    <Tabel
      className="sv-werkvoorraad"
      titel={`Open meldingen, de meest dringende eerst (${aantalMet(data.items.length, 'melding', 'meldingen')}${data.totaal > data.items.length ? ` van ${data.totaal}` : ''})`}
      kolommen={['Betrokkenen', 'Termijn', 'Status', 'Gemeente', 'Radar', 'Team en medewerker', 'Ontvangen']}
    >
      {data.items.map((w) => (
        <TableRow key={w.beoordelingId} className={new Date(w.deadline).getTime() < nu ? 'sv-rij--te-laat' : undefined}>
          <TableHeaderCell scope="row">
            <AppLink href={meldingPath(w.contactId)}>{w.betrokkenen.length > 0 ? w.betrokkenen.join(', ') : 'Geen namen'}</AppLink>
            {w.acuut ? (
              <span className="sv-label-gevaar sv-label-gevaar--inline">
                <strong>Acuut</strong>
              </span>
            ) : null}
          </TableHeaderCell>
          <TableCell>
            <TijdOver deadline={w.deadline} nu={nu} />
          </TableCell>
          <TableCell>{wachtOpLabel(w.wachtOp)}</TableCell>
          <TableCell>{w.gemeente.naam}</TableCell>
          <TableCell>{w.openRadarKandidaten > 0 ? aantalMet(w.openRadarKandidaten, 'kandidaat', 'kandidaten') : 'Geen'}</TableCell>
          <TableCell>
            {w.team ? w.team.naam : 'Geen team'}
            {w.toegewezenAan ? `, ${w.toegewezenAan.naam}` : ''}
          </TableCell>
          <TableCell>
            {formatDatumTijd(w.ontvangenOp)}
            <br />
            <span className="sv-optioneel">{kanaalLabel(w.kanaal)}</span>
          </TableCell>
        </TableRow>
      ))}
    </Tabel>
  );
}

/** Check moments after a handover that are due, with their deadline; closed here with their outcome. */
function Controles({ data, nu, klaar }: { data: Werkvoorraad; nu: number; klaar: (bericht: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  if (data.controles.length === 0) return <Paragraph>Er zijn nu geen controles na een overdracht te doen.</Paragraph>;
  const gekozen = data.controles.find((c) => c.id === open);
  return (
    <>
      <Tabel
        className="sv-werkvoorraad"
        titel={`Controles na een overdracht die nu aan de beurt zijn (${aantalMet(data.controles.length, 'controle', 'controles')})`}
        kolommen={['Huishouden', 'Termijn', 'Controle', 'Overgedragen aan', 'Team', 'Actie']}
      >
        {data.controles.map((c) => (
          <TableRow key={c.id} className={new Date(c.deadline).getTime() < nu ? 'sv-rij--te-laat' : undefined}>
            <TableHeaderCell scope="row">
              <AppLink href={dossierPath(c.huishoudenId)}>{c.betrokkenen.length > 0 ? c.betrokkenen.join(', ') : 'Geen namen'}</AppLink>
            </TableHeaderCell>
            <TableCell>
              <TijdOver deadline={c.deadline} nu={nu} />
            </TableCell>
            <TableCell>
              Na {aantalMet(c.maanden, 'maand', 'maanden')}
              <br />
              <span className="sv-optioneel">gepland op {formatDatum(c.geplandOp)}</span>
            </TableCell>
            <TableCell>{c.overgedragenAan ?? 'Veilig Thuis zelf'}</TableCell>
            <TableCell>{c.team ? c.team.naam : 'Geen team'}</TableCell>
            <TableCell>
              <Button
                type="button"
                appearance="secondary-action-button"
                aria-expanded={open === c.id}
                aria-controls={open === c.id ? 'werkvoorraad-controle' : undefined}
                onClick={() => {
                  setOpen(open === c.id ? null : c.id);
                  if (open !== c.id) focusOp(`controle-${c.id}-uitkomst`);
                }}
              >
                Afronden
                <span className="sv-visually-hidden">: {c.betrokkenen.join(', ') || 'huishouden'}</span>
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </Tabel>
      {gekozen ? (
        <div id="werkvoorraad-controle" className="sv-panel">
          <Heading level={3}>Controle afronden: {gekozen.betrokkenen.join(', ') || 'huishouden'}</Heading>
          <ControleAfronden
            id={gekozen.id}
            titel="Controle afronden"
            klaar={(bericht) => {
              setOpen(null);
              klaar(bericht);
            }}
          />
        </div>
      ) : null}
    </>
  );
}

function WerkvoorraadScherm({ sessie }: { sessie: Sessie }) {
  const gekozen = new URLSearchParams(useSearch()).get('team');
  // Default: my team (with work that has no team); without a team: everything.
  const team = gekozen ?? sessie.team?.id ?? 'alle';
  const { state, herlaad } = useHerlaadbareApi(`werkvoorraad:${team}`, () => voordeurApi.werkvoorraad(team));
  const nu = useNu(VERVERS_MS / 2);
  const { bericht, bevestig: klaar } = useBevestiging(herlaad, 'werkvoorraad-bericht');

  useEffect(() => {
    const timer = window.setInterval(herlaad, VERVERS_MS);
    return () => window.clearInterval(timer);
  }, [team]);

  const teams = state.status === 'klaar' ? state.data.teams : [];
  const keuzes = [
    ...(sessie.team ? [{ waarde: sessie.team.id, label: `Mijn team: ${sessie.team.naam} (met werk zonder team)` }] : []),
    ...teams.filter((t) => t.id !== sessie.team?.id).map((t) => ({ waarde: t.id, label: `${t.naam} (met werk zonder team)` })),
    { waarde: 'geen', label: 'Alleen werk zonder team' },
    { waarde: 'alle', label: 'Alle teams' },
  ];

  return (
    <>
      <Heading level={1}>Werkvoorraad</Heading>
      <Paragraph className="sv-intro">
        Open meldingen van Veilig Thuis, de meest dringende eerst. Een melding verdwijnt pas uit deze lijst als een bevestigd besluit haar afrondt. De
        lijst ververst zichzelf elke minuut.
      </Paragraph>
      <form className="sv-form sv-form--inline" onSubmit={(e) => e.preventDefault()}>
        <Keuzelijst
          id="werkvoorraad-team"
          label="Team"
          waarde={team}
          onWijzig={(t) => navigate(`/werkvoorraad?team=${encodeURIComponent(t)}`, { replace: true })}
          keuzes={keuzes}
        />
      </form>
      {state.status === 'klaar' ? (
        <Paragraph className="sv-opslag">
          Bijgewerkt om {formatTijd(state.data.nu)}.
        </Paragraph>
      ) : null}
      {state.status === 'laden' ? <Laden wat="werkvoorraad" /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om de werkvoorraad te laden" /> : null}
      <div id="werkvoorraad-bericht" tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      {state.status === 'klaar' ? (
        <>
          <section className="sv-section" aria-labelledby="werkvoorraad-meldingen">
            <Heading level={2} id="werkvoorraad-meldingen">
              Meldingen
            </Heading>
            <WerkTabel data={state.data} nu={nu} />
          </section>
          <section className="sv-section" aria-labelledby="werkvoorraad-controles">
            <Heading level={2} id="werkvoorraad-controles">
              Controles na een overdracht
            </Heading>
            <Paragraph>Veilig Thuis gaat na of het huishouden na de overdracht veilig is. Rond de controle af met de uitkomst.</Paragraph>
            <Controles data={state.data} nu={nu} klaar={klaar} />
          </section>
        </>
      ) : null}
    </>
  );
}

export function WerkvoorraadPage() {
  usePageTitle('Werkvoorraad');
  return <Beveiligd rollen={VT_ROLLEN}>{(sessie) => <WerkvoorraadScherm sessie={sessie} />}</Beveiligd>;
}
