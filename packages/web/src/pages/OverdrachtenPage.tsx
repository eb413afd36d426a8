/**
 * Handovers from Veilig Thuis as the receiving organisation (or team) sees them: the warm handover, the
 * conditions, the household members and the contact person at Veilig Thuis; accept, or refuse with a reason.
 */
import { Alert, Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Sessie } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, useFormulier } from '../components/Formulier';
import { Foutmelding, Laden } from '../components/Status';
import { RedenFormulier } from '../components/RedenFormulier';
import { focusOp, Keuzelijst, Keuzerondjes } from '../components/Velden';
import { formatDatum, formatDatumTijd } from '../format';
import { besluitLabel, overdrachtSoortLabel, overdrachtStatusLabel } from '../labels';
import { OVERDRACHT_ROLLEN } from '../rollen';
import { dossierPath, navigate, overdrachtPath, useSearch } from '../router';
import { useBevestiging, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { voordeurApi, type Overdracht } from '../voordeurApi';

function soortTekst(o: Overdracht): string {
  return o.soort ? `${besluitLabel(o.besluitSoort)} aan ${overdrachtSoortLabel(o.soort).toLowerCase()}` : besluitLabel(o.besluitSoort);
}

function Leden({ o }: { o: Overdracht }) {
  return (
    <ul className="sv-lijst">
      {o.leden.map((l, i) => (
        <li key={`${l.naam}-${i}`}>
          {l.naam}
          {l.geboortedatum ? `, geboren ${formatDatum(l.geboortedatum)}` : ''}
        </li>
      ))}
    </ul>
  );
}

function OverdrachtKaart({ o }: { o: Overdracht }) {
  return (
    <li className="sv-kaart">
      <Heading level={2}>
        <AppLink href={overdrachtPath(o.id)}>
          {o.gemeente.naam}: {o.leden.map((l) => l.naam).join(', ') || 'huishouden'}
        </AppLink>
      </Heading>
      <Paragraph>
        <strong>{overdrachtStatusLabel(o.status)}</strong> · {soortTekst(o)} · voorgesteld op {formatDatumTijd(o.voorgesteldOp)} door {o.van.contactpersoon} ({o.van.organisatie})
      </Paragraph>
    </li>
  );
}

function OverdrachtenLijst() {
  const alle = new URLSearchParams(useSearch()).get('status') === 'alle';
  const { state } = useHerlaadbareApi(`overdrachten:${alle}`, () => voordeurApi.overdrachten(alle ? 'alle' : 'open'));
  return (
    <>
      <Heading level={1}>Overdrachten</Heading>
      <Paragraph className="sv-intro">
        Veilig Thuis draagt huishoudens aan uw organisatie of team over. Lees de warme overdracht en accepteer de overdracht, of weiger haar met een
        reden. Na acceptatie ziet u het dossier van het huishouden.
      </Paragraph>
      <form className="sv-form sv-form--inline" onSubmit={(e) => e.preventDefault()}>
        <Keuzerondjes
          id="overdrachten-status"
          legenda="Welke overdrachten?"
          keuzes={[
            { waarde: 'open', label: 'Open overdrachten' },
            { waarde: 'alle', label: 'Alle overdrachten' },
          ]}
          waarde={alle ? 'alle' : 'open'}
          onWijzig={(w) => navigate(w === 'alle' ? '/overdrachten?status=alle' : '/overdrachten', { replace: true })}
        />
      </form>
      {state.status === 'laden' ? <Laden wat="overdrachten" /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om de overdrachten te laden" /> : null}
      {state.status === 'klaar' && state.data.length === 0 ? <Paragraph>{alle ? 'Er zijn geen overdrachten.' : 'Er zijn geen open overdrachten.'}</Paragraph> : null}
      {state.status === 'klaar' && state.data.length > 0 ? (
        <ul className="sv-kaarten">
          {state.data.map((o) => (
            <OverdrachtKaart key={o.id} o={o} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Antwoord({ o, sessie, klaar }: { o: Overdracht; sessie: Sessie; klaar: (tekst: string) => void }) {
  const f = useFormulier('antwoord-fouten');
  const [weigeren, setWeigeren] = useState(false);
  const kandidaten = o.regisseurKandidaten ?? [];
  // Default: the person who accepts, when they can be casusregisseur.
  const [regisseur, setRegisseur] = useState(() => kandidaten.find((k) => k.id === sessie.gebruiker.id)?.id ?? kandidaten[0]?.id ?? '');
  const opnieuwLaden = f.conflict ? () => klaar('De overdracht is opnieuw geladen.') : null;
  const accepteren = () =>
    f.verstuur(
      async () => {
        await voordeurApi.overdrachtBeantwoorden(o.id, 'accepteren', o.versie, regisseur ? { casusregisseurId: regisseur } : {});
        const naam = regisseur === sessie.gebruiker.id || !regisseur ? 'u' : (kandidaten.find((k) => k.id === regisseur)?.naam ?? 'de gekozen collega');
        klaar(`U heeft de overdracht geaccepteerd. Dit huishouden is nu een actief dossier met ${naam} als casusregisseur.`);
      },
      { velden: { casusregisseurId: 'antwoord-regisseur' } },
    );
  return (
    <section className="sv-section sv-panel" aria-labelledby="antwoord-kop">
      <Heading level={2} id="antwoord-kop">
        Uw antwoord
      </Heading>
      <FoutSamenvatting id="antwoord-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={opnieuwLaden} />
      <Paragraph>
        <strong>Wat betekent accepteren?</strong> Het huishouden wordt een actief dossier van uw organisatie. De casusregisseur is het vaste aanspreekpunt voor
        het huishouden en bewaakt het veiligheidsplan. Het veiligheidsplan begint met de veiligheidsvoorwaarden van Veilig Thuis. Veilig Thuis controleert later
        of het veilig is.
      </Paragraph>
      {kandidaten.length > 0 ? (
        <form className="sv-form" noValidate onSubmit={(e) => e.preventDefault()}>
          <Keuzelijst
            id="antwoord-regisseur"
            label="Casusregisseur"
            uitleg="Uzelf of een collega van uw organisatie. De casusregisseur kan de regie later overdragen."
            verplicht
            waarde={regisseur}
            onWijzig={setRegisseur}
            keuzes={kandidaten.map((k) => ({ waarde: k.id, label: k.id === sessie.gebruiker.id ? `${k.naam} (ik)` : k.naam }))}
            fout={f.foutVan('antwoord-regisseur')}
          />
        </form>
      ) : null}
      <div className="sv-knoppen">
        <Button type="button" appearance="primary-action-button" busy={f.bezig} onClick={() => void accepteren()}>
          Overdracht accepteren
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={weigeren}
          onClick={() => {
            setWeigeren(!weigeren);
            if (!weigeren) focusOp('antwoord-reden');
          }}
        >
          Weigeren (met reden)
        </Button>
      </div>
      {weigeren ? (
        <RedenFormulier
          id="antwoord-reden"
          label="Reden van weigeren"
          knop="Overdracht weigeren"
          leeg="Schrijf waarom u de overdracht weigert."
          veld="reden"
          formulier={f}
          onVerstuur={async (reden) => {
            await voordeurApi.overdrachtBeantwoorden(o.id, 'weigeren', o.versie, { reden });
            await klaar('U heeft de overdracht geweigerd. Veilig Thuis neemt een nieuw besluit.');
          }}
        />
      ) : null}
    </section>
  );
}

function OverdrachtScherm({ id, sessie }: { id: string; sessie: Sessie }) {
  const { state, herlaad } = useHerlaadbareApi(`overdracht:${id}`, () => voordeurApi.overdracht(id));
  const { bericht, bevestig: klaar } = useBevestiging(herlaad, 'overdracht-bericht');
  const nietGevonden = state.status === 'fout' && state.error.status === 404;
  return (
    <>
      <Paragraph className="sv-back">
        <AppLink href="/overdrachten">Terug naar de overdrachten</AppLink>
      </Paragraph>
      <Heading level={1}>{nietGevonden ? 'Overdracht niet gevonden' : 'Overdracht van Veilig Thuis'}</Heading>
      <div id="overdracht-bericht" tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      {state.status === 'laden' ? <Laden wat="overdracht" /> : null}
      {state.status === 'fout' && !nietGevonden ? <Foutmelding error={state.error} titel="Het lukt niet om de overdracht te laden" /> : null}
      {nietGevonden ? (
        <Alert type="info" className="sv-alert">
          <Paragraph>Deze overdracht bestaat niet, of zij is niet aan uw organisatie of team gericht.</Paragraph>
        </Alert>
      ) : null}
      {state.status === 'klaar' ? (
        <>
          <dl className="sv-gegevens">
            <div className="sv-gegevens__item">
              <dt>Status</dt>
              <dd>
                <strong>{overdrachtStatusLabel(state.data.status)}</strong>
                {state.data.beantwoordOp ? ` (${formatDatumTijd(state.data.beantwoordOp)})` : ''}
              </dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Soort</dt>
              <dd>{soortTekst(state.data)}</dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Gemeente</dt>
              <dd>{state.data.gemeente.naam}</dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Voor</dt>
              <dd>
                {state.data.naar.organisatie.naam}
                {state.data.naar.team ? `, ${state.data.naar.team.naam}` : ''}
              </dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Contactpersoon bij Veilig Thuis</dt>
              <dd>
                {state.data.van.contactpersoon} ({state.data.van.organisatie}), <Link href={`mailto:${state.data.van.email}`}>{state.data.van.email}</Link>
              </dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Voorgesteld op</dt>
              <dd>{formatDatumTijd(state.data.voorgesteldOp)}</dd>
            </div>
          </dl>
          <Heading level={2}>Warme overdracht</Heading>
          <Paragraph className="sv-tekst">{state.data.toelichting}</Paragraph>
          {state.data.voorwaarden.length > 0 ? (
            <>
              <Heading level={2}>Veiligheidsvoorwaarden</Heading>
              <ol className="sv-lijst">
                {state.data.voorwaarden.map((v) => (
                  <li key={v}>{v}</li>
                ))}
              </ol>
            </>
          ) : null}
          <Heading level={2}>Gezinsleden</Heading>
          <Leden o={state.data} />
          {state.data.reden ? (
            <Paragraph>
              <strong>Reden van weigeren:</strong> {state.data.reden}
            </Paragraph>
          ) : null}
          {state.data.status === 'voorgesteld' ? <Antwoord key={state.data.versie} o={state.data} sessie={sessie} klaar={klaar} /> : null}
          {state.data.status === 'geaccepteerd' ? (
            <Paragraph>
              <AppLink href={dossierPath(state.data.huishoudenId)}>Naar het dossier van dit huishouden</AppLink>
            </Paragraph>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function OverdrachtenPage() {
  usePageTitle('Overdrachten');
  return <Beveiligd rollen={OVERDRACHT_ROLLEN}>{() => <OverdrachtenLijst />}</Beveiligd>;
}

export function OverdrachtPage({ id }: { id: string }) {
  usePageTitle('Overdracht');
  return <Beveiligd rollen={OVERDRACHT_ROLLEN}>{(sessie) => <OverdrachtScherm id={id} sessie={sessie} />}</Beveiligd>;
}
