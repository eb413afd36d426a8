/**
 * Regie proposals to me: a colleague asks me to become casusregisseur (taking over) or procesregisseur of a
 * household. I see what I need to decide — the household members, the phase of the plan, who asks and why —
 * not the dossier; accepting makes me regisseur and opens the dossier, refusing needs a reason.
 */
import { Alert, Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, useFormulier } from '../components/Formulier';
import { RedenFormulier } from '../components/RedenFormulier';
import { Foutmelding, Laden } from '../components/Status';
import { focusOp } from '../components/Velden';
import { formatDatum, formatDatumTijd } from '../format';
import { faseLabel, regieLabel, regieVoorstelStatusLabel } from '../labels';
import { planApi, type RegieVoorstel } from '../planApi';
import { REGIE_ROLLEN } from '../rollen';
import { dossierPath, navigate, regieVoorstelPath } from '../router';
import { useBevestiging, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

const ledenTekst = (v: RegieVoorstel) => v.leden.map((l) => l.naam).join(', ') || 'huishouden';

function VoorstellenLijst() {
  const { state } = useHerlaadbareApi('regie-voorstellen', () => planApi.mijnRegieVoorstellen());
  return (
    <>
      <Heading level={1}>Verzoeken om regie</Heading>
      <Paragraph className="sv-intro">
        Een collega vraagt u om casusregisseur of procesregisseur van een huishouden te worden. Lees het verzoek en accepteer het, of weiger het met een
        reden. De regie gaat pas over als u accepteert.
      </Paragraph>
      {state.status === 'laden' ? <Laden wat="verzoeken" /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om de verzoeken te laden" /> : null}
      {state.status === 'klaar' && state.data.length === 0 ? <Paragraph>Er wachten geen verzoeken om regie op uw antwoord.</Paragraph> : null}
      {state.status === 'klaar' && state.data.length > 0 ? (
        <ul className="sv-kaarten">
          {state.data.map((v) => (
            <li key={v.id} className="sv-kaart">
              <Heading level={2}>
                <AppLink href={regieVoorstelPath(v.id)}>
                  {regieLabel(v.soort)} worden: {ledenTekst(v)}
                </AppLink>
              </Heading>
              <Paragraph>
                Gevraagd door {v.voorgesteldDoor.naam} ({v.voorgesteldDoor.organisatie}) op {formatDatumTijd(v.voorgesteldOp)}
                {v.fase ? ` · plan in de fase ${faseLabel(v.fase).toLowerCase()}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Antwoord({ v, klaar }: { v: RegieVoorstel; klaar: (tekst: string) => void }) {
  const f = useFormulier('regie-antwoord-fouten');
  const [weigeren, setWeigeren] = useState(false);
  return (
    <section className="sv-section sv-panel" aria-labelledby="regie-antwoord-kop">
      <Heading level={2} id="regie-antwoord-kop">
        Uw antwoord
      </Heading>
      <Paragraph>
        {v.soort === 'casusregisseur'
          ? 'Als u accepteert, wordt u de casusregisseur: het vaste aanspreekpunt voor het huishouden, en u bewaakt het veiligheidsplan. Uw organisatie wordt betrokken bij het huishouden.'
          : 'Als u accepteert, wordt u de procesregisseur: u brengt de partijen bij elkaar en bewaakt de voortgang. Uw organisatie wordt betrokken bij het huishouden.'}
      </Paragraph>
      <FoutSamenvatting id="regie-antwoord-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => klaar('Het verzoek is opnieuw geladen.') : null} />
      <div className="sv-knoppen">
        <Button
          type="button"
          appearance="primary-action-button"
          busy={f.bezig}
          onClick={() =>
            void f.verstuur(async () => {
              const r = await planApi.regieAntwoord(v.id, 'accepteren');
              navigate(dossierPath(r.huishoudenId));
            })
          }
        >
          Accepteren
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={weigeren}
          onClick={() => {
            setWeigeren(!weigeren);
            if (!weigeren) focusOp('regie-reden');
          }}
        >
          Weigeren (met reden)
        </Button>
      </div>
      {weigeren ? (
        <RedenFormulier
          id="regie-reden"
          label="Waarom neemt u de regie niet over?"
          knop="Verzoek weigeren"
          leeg="Schrijf waarom u de regie niet overneemt."
          veld="reden"
          formulier={f}
          onVerstuur={async (reden) => {
            await planApi.regieAntwoord(v.id, 'weigeren', reden);
            await klaar('U heeft het verzoek geweigerd. De regie blijft waar die was; de collega die het vroeg, krijgt bericht.');
          }}
        />
      ) : null}
    </section>
  );
}

function VoorstelScherm({ id }: { id: string }) {
  const { state, herlaad } = useHerlaadbareApi(`regie-voorstel:${id}`, () => planApi.regieVoorstel(id));
  const { bericht, bevestig: klaar } = useBevestiging(herlaad, 'regie-bericht');
  const nietGevonden = state.status === 'fout' && state.error.status === 404;
  const v = state.status === 'klaar' ? state.data : null;
  return (
    <>
      <Paragraph className="sv-back">
        <AppLink href="/regie">Terug naar de verzoeken om regie</AppLink>
      </Paragraph>
      <Heading level={1}>{nietGevonden ? 'Verzoek niet gevonden' : v ? `Verzoek: ${regieLabel(v.soort).toLowerCase()} worden` : 'Verzoek om regie'}</Heading>
      <div id="regie-bericht" tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      {state.status === 'laden' ? <Laden wat="verzoek" /> : null}
      {state.status === 'fout' && !nietGevonden ? <Foutmelding error={state.error} titel="Het lukt niet om het verzoek te laden" /> : null}
      {nietGevonden ? (
        <Alert type="info" className="sv-alert">
          <Paragraph>Dit verzoek bestaat niet, of het is niet aan u gericht.</Paragraph>
        </Alert>
      ) : null}
      {v ? (
        <>
          <dl className="sv-gegevens">
            <div className="sv-gegevens__item">
              <dt>Status</dt>
              <dd>
                <strong>{regieVoorstelStatusLabel(v.status)}</strong>
              </dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Gevraagd door</dt>
              <dd>
                {v.voorgesteldDoor.naam} ({v.voorgesteldDoor.organisatie}), <Link href={`mailto:${v.voorgesteldDoor.email}`}>{v.voorgesteldDoor.email}</Link>
              </dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Gevraagd op</dt>
              <dd>{formatDatumTijd(v.voorgesteldOp)}</dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Veiligheidsplan</dt>
              <dd>{v.fase ? `Fase ${faseLabel(v.fase).toLowerCase()}` : 'Nog geen plan'}</dd>
            </div>
          </dl>
          <Heading level={2}>Warme overdracht</Heading>
          <Paragraph className="sv-tekst">{v.toelichting}</Paragraph>
          <Heading level={2}>Gezinsleden</Heading>
          <ul className="sv-lijst">
            {v.leden.map((l, i) => (
              <li key={`${l.naam}-${i}`}>
                {l.naam}
                {l.geboortedatum ? `, geboren ${formatDatum(l.geboortedatum)}` : ''}
              </li>
            ))}
          </ul>
          {v.status === 'voorgesteld' ? <Antwoord v={v} klaar={klaar} /> : null}
          {v.status === 'geaccepteerd' ? (
            <Paragraph>
              <AppLink href={dossierPath(v.huishoudenId)}>Naar het dossier van dit huishouden</AppLink>
            </Paragraph>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function RegieVoorstellenPage() {
  usePageTitle('Verzoeken om regie');
  return <Beveiligd rollen={REGIE_ROLLEN}>{() => <VoorstellenLijst />}</Beveiligd>;
}

export function RegieVoorstelPage({ id }: { id: string }) {
  usePageTitle('Verzoek om regie');
  return <Beveiligd rollen={REGIE_ROLLEN}>{() => <VoorstelScherm id={id} />}</Beveiligd>;
}
