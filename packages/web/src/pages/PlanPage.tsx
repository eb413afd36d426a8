/**
 * The household's one veiligheidsplan, shared by every involved organisation: its phase with the exit
 * criterion and the phase change (forward without the criterion only with a reason a second professional
 * approves), the content (voorwaarden, afspraken, network, incidents), the goals from the TOP-3, and every
 * version with what changed. Saving carries the version: a change someone else made meanwhile is a 409 that
 * shows what they changed and offers to reload; nothing is overwritten silently.
 */
import { Alert, Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Sessie } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, useFormulier, type VeldFout } from '../components/Formulier';
import {
  AfsprakenVelden,
  IncidentenVelden,
  naarInhoud,
  NetwerkVelden,
  planControle,
  planStaat,
  planVeldVoorPad,
  VoorwaardenVelden,
  type PlanStaat,
} from '../components/PlanVelden';
import { Foutmelding, Laden } from '../components/Status';
import { dossierNav, SubNav } from '../components/SubNav';
import { Tabel } from '../components/Tabel';
import { focusOp, Keuzelijst, Keuzerondjes, Tekstveld, Tekstvak } from '../components/Velden';
import { aantalMet, formatDatum, formatDatumTijd } from '../format';
import { FASE_NAMEN, FASE_UITLEG, FASEN, faseLabel, type Fase } from '../labels';
import { planApi, type Plan } from '../planApi';
import { DOSSIER_ROLLEN } from '../rollen';
import { afdrukPath, dossierPath, planPath, top3Path } from '../router';
import { useApi, useBevestiging, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

const TITEL_ID = 'plan-titel';
const BERICHT_ID = 'plan-bericht';
const MIN_REDEN = 10;

type NaWijziging = (bericht: string) => void;

/* ---------------------------------------------------------------- the phase */

function Criterium({ plan }: { plan: Plan }) {
  const c = plan.criterium;
  return (
    <dl className="sv-gegevens">
      <div className="sv-gegevens__item">
        <dt>Dagen zonder geweld</dt>
        <dd>
          <strong>{c.dagenGeweldloos}</strong> van de {c.dagenZonderGeweld} nodig
        </dd>
      </div>
      <div className="sv-gegevens__item">
        <dt>Laatste geweld</dt>
        <dd>{c.laatsteGeweld ? formatDatum(c.laatsteGeweld) : 'Niet bekend: we tellen vanaf de start van het plan'}</dd>
      </div>
      <div className="sv-gegevens__item">
        <dt>Criterium om verder te gaan</dt>
        <dd>
          <strong className={c.gehaald ? 'sv-criterium sv-criterium--gehaald' : 'sv-criterium'}>{c.gehaald ? 'Gehaald' : 'Nog niet gehaald'}</strong>
        </dd>
      </div>
    </dl>
  );
}

/** A phase change without the criterion waits for a second professional; the proposer cannot approve it. */
function FaseVoorstelPaneel({ plan, sessie, naWijziging }: { plan: Plan; sessie: Sessie; naWijziging: NaWijziging }) {
  const v = plan.faseVoorstel!;
  const f = useFormulier('fasevoorstel-fouten');
  const [toelichting, setToelichting] = useState('');
  const zelf = v.voorgesteldDoor.id === sessie.gebruiker.id;
  const beoordeel = (antwoord: 'goedkeuren' | 'afwijzen') =>
    f.verstuur(async () => {
      await planApi.faseBeoordelen(v.id, antwoord, toelichting.trim() || undefined);
      await naWijziging(antwoord === 'goedkeuren' ? `U heeft de fasewissel goedgekeurd. Het plan is nu in de fase ${faseLabel(v.naar).toLowerCase()}.` : 'U heeft de fasewissel afgewezen. Het plan blijft in deze fase.');
    });
  return (
    <div className="sv-panel sv-panel--waarschuwing sv-voorstel">
      <Heading level={3}>Wacht op goedkeuring: naar {faseLabel(v.naar).toLowerCase()}</Heading>
      <Paragraph>
        Voorgesteld door {v.voorgesteldDoor.naam} op {formatDatumTijd(v.voorgesteldOp)}. Het criterium is nog niet gehaald; daarom keurt een tweede
        professional deze fasewissel goed.
      </Paragraph>
      <Paragraph className="sv-tekst">
        <strong>Reden:</strong> {v.reden}
      </Paragraph>
      <FoutSamenvatting id="fasevoorstel-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => naWijziging('Het plan is opnieuw geladen.') : null} kopNiveau={4} />
      {zelf ? (
        <Paragraph>U stelde deze fasewissel voor. Een andere professional die bij het huishouden betrokken is, keurt hem goed of wijst hem af.</Paragraph>
      ) : (
        <form className="sv-form" noValidate onSubmit={(e) => e.preventDefault()}>
          <Tekstvak id="fasevoorstel-toelichting" label="Toelichting bij uw oordeel" waarde={toelichting} onWijzig={setToelichting} rows={2} maxLength={2000} />
          <div className="sv-knoppen">
            <Button type="button" appearance="primary-action-button" busy={f.bezig} onClick={() => void beoordeel('goedkeuren')}>
              Fasewissel goedkeuren
            </Button>
            <Button type="button" appearance="secondary-action-button" busy={f.bezig} onClick={() => void beoordeel('afwijzen')}>
              Fasewissel afwijzen
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Back always; forward one phase at once when the criterion is met, otherwise with a reason (four eyes). */
function FaseWijzigen({ plan, naWijziging }: { plan: Plan; naWijziging: NaWijziging }) {
  const f = useFormulier('fase-fouten');
  const index = FASEN.indexOf(plan.fase);
  const volgende = FASEN[index + 1];
  const keuzes = [
    ...(volgende ? [{ waarde: volgende, label: `Verder naar ${faseLabel(volgende).toLowerCase()}` }] : []),
    ...FASEN.slice(0, index)
      .reverse()
      .map((x) => ({ waarde: x, label: `Terug naar ${faseLabel(x).toLowerCase()}` })),
  ];
  const [naar, setNaar] = useState<string>(keuzes[0]?.waarde ?? '');
  const [reden, setReden] = useState('');
  const verder = naar === volgende;
  const goedkeuringNodig = verder && !plan.criterium.gehaald;
  if (keuzes.length === 0) return null;
  const controle = (): VeldFout[] => {
    if (!naar) return [{ id: 'fase-naar', tekst: 'Kies naar welke fase het plan gaat.' }];
    if (goedkeuringNodig && reden.trim().length < MIN_REDEN) {
      return [{ id: 'fase-reden', tekst: `Het criterium is nog niet gehaald: geef een reden van minimaal ${MIN_REDEN} tekens.` }];
    }
    return [];
  };
  return (
    <form
      className="sv-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            const nieuw = await planApi.fase(plan.huishoudenId, naar as Fase, plan.versie, reden.trim() || undefined);
            await naWijziging(
              nieuw.faseVoorstel
                ? `Uw voorstel om naar ${faseLabel(naar).toLowerCase()} te gaan wacht op goedkeuring door een tweede professional.`
                : `Het plan is nu in de fase ${faseLabel(nieuw.fase).toLowerCase()}.`,
            );
          },
          { controle, velden: { naar: 'fase-naar', reden: 'fase-reden', versie: 'fase-naar' } },
        );
      }}
    >
      <FoutSamenvatting id="fase-fouten" fouten={f.fouten} melding={f.melding} wijzigingen={f.wijzigingen} opnieuwLaden={f.conflict ? () => naWijziging('Het plan is opnieuw geladen.') : null} kopNiveau={4} />
      <Keuzerondjes id="fase-naar" legenda="Naar welke fase?" verplicht keuzes={keuzes} waarde={naar} onWijzig={setNaar} fout={f.foutVan('fase-naar')} />
      {goedkeuringNodig ? (
        <Alert type="info" className="sv-alert">
          <Paragraph>
            Het criterium is nog niet gehaald. U kunt toch voorstellen verder te gaan, met een reden. Een tweede professional keurt het dan goed of wijst
            het af; tot dan blijft het plan in deze fase.
          </Paragraph>
        </Alert>
      ) : null}
      <Tekstvak
        id="fase-reden"
        label={verder ? 'Reden' : 'Waarom terug?'}
        uitleg={goedkeuringNodig ? `Minimaal ${MIN_REDEN} tekens.` : undefined}
        verplicht={goedkeuringNodig}
        waarde={reden}
        onWijzig={setReden}
        rows={3}
        maxLength={2000}
        fout={f.foutVan('fase-reden')}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          {goedkeuringNodig ? 'Fasewissel voorstellen' : `Naar ${faseLabel(naar).toLowerCase()}`}
        </Button>
      </div>
    </form>
  );
}

function FaseBlok({ plan, sessie, naWijziging }: { plan: Plan; sessie: Sessie; naWijziging: NaWijziging }) {
  return (
    <section className="sv-section sv-panel sv-fase" aria-labelledby="plan-fase">
      <Heading level={2} id="plan-fase" tabIndex={-1}>
        Fase: {faseLabel(plan.fase)}
      </Heading>
      <Paragraph className="sv-fase__uitleg">{FASE_UITLEG[plan.fase]}</Paragraph>
      <ol className="sv-fasen" aria-label="De drie fasen van het plan">
        {FASEN.map((x) => (
          <li key={x} className={x === plan.fase ? 'sv-fasen__fase sv-fasen__fase--huidig' : 'sv-fasen__fase'} aria-current={x === plan.fase ? 'step' : undefined}>
            {FASE_NAMEN[x]}
            {x === plan.fase ? <span className="sv-visually-hidden"> (huidige fase)</span> : null}
          </li>
        ))}
      </ol>
      <Paragraph>In deze fase sinds {formatDatum(plan.faseSinds)}.</Paragraph>
      <Criterium plan={plan} />
      {plan.faseVoorstel ? (
        <FaseVoorstelPaneel key={plan.faseVoorstel.id} plan={plan} sessie={sessie} naWijziging={naWijziging} />
      ) : (
        <>
          <Heading level={3}>Fase wijzigen</Heading>
          <FaseWijzigen key={plan.versie} plan={plan} naWijziging={naWijziging} />
        </>
      )}
    </section>
  );
}

/* ---------------------------------------------------------------- the content */

function Doelen({ plan }: { plan: Plan }) {
  const doelen = plan.inhoud.doelen;
  return (
    <>
      {doelen.length === 0 ? (
        <Paragraph>Er zijn nog geen doelen. De doelen van een fase zijn de onderwerpen die in een TOP-3-sessie samen zijn gekozen.</Paragraph>
      ) : (
        FASEN.filter((x) => doelen.some((d) => d.fase === x)).map((x) => (
          <div key={x}>
            <Paragraph>
              <strong>{faseLabel(x)}</strong>
              {x === plan.fase ? ' (huidige fase)' : ''}
            </Paragraph>
            <ol className="sv-lijst">
              {doelen
                .filter((d) => d.fase === x)
                .map((d) => (
                  <li key={d.id}>{d.tekst}</li>
                ))}
            </ol>
          </div>
        ))
      )}
      <Paragraph>
        <AppLink href={top3Path(plan.huishoudenId)}>Naar de TOP-3-sessies</AppLink>
      </Paragraph>
    </>
  );
}

function PlanFormulier({ plan, naWijziging }: { plan: Plan; naWijziging: NaWijziging }) {
  const f = useFormulier('plan-fouten');
  const [s, zet] = useState<PlanStaat>(() => planStaat(plan.inhoud));
  const [toelichting, setToelichting] = useState('');
  const verlopen = new Set(plan.verlopenAfspraken);
  const gewijzigd = JSON.stringify(naarInhoud(s, plan.inhoud.doelen)) !== JSON.stringify(naarInhoud(planStaat(plan.inhoud), plan.inhoud.doelen));
  const verlopenAfspraken = plan.inhoud.afspraken.filter((a) => verlopen.has(a.id));
  return (
    <form
      className="sv-form sv-form--breed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            const nieuw = await planApi.opslaan(plan.huishoudenId, naarInhoud(s, plan.inhoud.doelen), plan.versie, toelichting.trim() || undefined);
            await naWijziging(nieuw.versie === plan.versie ? 'Er was niets gewijzigd.' : `Het plan is opgeslagen als versie ${nieuw.versie}.`);
          },
          { controle: () => planControle(s), velden: (pad) => planVeldVoorPad(s, pad) },
        );
      }}
    >
      <FoutSamenvatting
        id="plan-fouten"
        fouten={f.fouten}
        melding={f.melding}
        wijzigingen={f.wijzigingen}
        opnieuwLaden={f.conflict ? () => naWijziging('Het plan is opnieuw geladen. Breng uw wijziging opnieuw aan als die nog nodig is.') : null}
      />
      {verlopenAfspraken.length > 0 ? (
        <Alert type="warning" className="sv-alert">
          <Paragraph>
            <strong>{aantalMet(verlopenAfspraken.length, 'afspraak is', 'afspraken zijn')} verlopen:</strong> de datum is voorbij en de afspraak staat nog open.
          </Paragraph>
          <ul className="sv-lijst">
            {verlopenAfspraken.map((a) => (
              <li key={a.id}>
                <a href={`#plan-afspraken-${a.id}`}>
                  {a.wie}: {a.wat} (klaar op {formatDatum(a.wanneer)})
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Heading level={3}>Samenvatting</Heading>
      <Tekstvak
        id="plan-samenvatting"
        label="De situatie in een paar zinnen"
        waarde={s.samenvatting}
        onWijzig={(samenvatting) => zet({ ...s, samenvatting })}
        rows={4}
        maxLength={4000}
        fout={f.foutVan('plan-samenvatting')}
      />
      <Heading level={3}>Voorwaarden: wat moet er gelden?</Heading>
      <VoorwaardenVelden s={s} zet={zet} foutVan={f.foutVan} />
      <Heading level={3}>Afspraken: wie doet wat, en wanneer?</Heading>
      <AfsprakenVelden s={s} zet={zet} foutVan={f.foutVan} verlopen={verlopen} />
      <Heading level={3}>Netwerk: wie helpt mee?</Heading>
      <NetwerkVelden s={s} zet={zet} foutVan={f.foutVan} />
      <Heading level={3}>Incidenten</Heading>
      <Paragraph>Geweld na de start van het plan dat geen nieuwe melding is. Een incident telt mee voor het criterium: de dagen zonder geweld tellen opnieuw.</Paragraph>
      <IncidentenVelden s={s} zet={zet} foutVan={f.foutVan} />
      <Heading level={3}>Opslaan</Heading>
      <Tekstveld
        id="plan-toelichting"
        label="Wat heeft u gewijzigd?"
        uitleg="Een korte notitie bij deze versie, zichtbaar in de geschiedenis."
        waarde={toelichting}
        onWijzig={setToelichting}
        maxLength={500}
        fout={f.foutVan('plan-toelichting')}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Plan opslaan
        </Button>
        {gewijzigd ? <span className="sv-opslag">Er zijn wijzigingen die nog niet zijn opgeslagen.</span> : null}
      </div>
    </form>
  );
}

/* ---------------------------------------------------------------- versions */

function VersieVerschil({ huishoudenId, versie, eerdere }: { huishoudenId: string; versie: number; eerdere: number[] }) {
  const [van, setVan] = useState(String(versie - 1));
  const vanNummer = Number(van);
  const state = useApi(`planversie:${huishoudenId}:${versie}:${van}`, () => planApi.versie(huishoudenId, versie, vanNummer >= 1 ? vanNummer : undefined));
  return (
    <section className="sv-panel sv-versie" aria-labelledby="plan-versie-kop" id="plan-versie">
      <Heading level={3} id="plan-versie-kop" tabIndex={-1}>
        Versie {versie}: wat er veranderde
      </Heading>
      {eerdere.length > 1 ? (
        <form className="sv-form sv-form--inline" onSubmit={(e) => e.preventDefault()}>
          <Keuzelijst
            id="plan-versie-van"
            label="Vergelijken met versie"
            waarde={van}
            onWijzig={setVan}
            keuzes={eerdere.map((n) => ({ waarde: String(n), label: `Versie ${n}` }))}
          />
        </form>
      ) : null}
      {state.status === 'laden' ? <Laden wat="verschillen" /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om deze versie te laden" /> : null}
      {state.status === 'klaar' ? (
        <>
          <Paragraph>
            {state.data.auteur ?? 'Samen Veilig'}, {formatDatumTijd(state.data.op)}, fase {faseLabel(state.data.fase).toLowerCase()}
            {state.data.toelichting ? `: ${state.data.toelichting}` : ''}
          </Paragraph>
          {state.data.vergelekenMet === null ? (
            <Paragraph>Dit is de eerste versie van het plan.</Paragraph>
          ) : state.data.verschil.length === 0 ? (
            <Paragraph>Geen verschil met versie {state.data.vergelekenMet}.</Paragraph>
          ) : (
            <>
              <Paragraph>Verschil met versie {state.data.vergelekenMet}:</Paragraph>
              <ul className="sv-lijst sv-verschil">
                {state.data.verschil.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function Versies({ plan }: { plan: Plan }) {
  const [gekozen, setGekozen] = useState<number | null>(null);
  return (
    <>
      <Tabel titel={`Alle versies van het plan (${aantalMet(plan.versies.length, 'versie', 'versies')}), de nieuwste eerst`} kolommen={['Versie', 'Wanneer', 'Door', 'Fase', 'Notitie', 'Wijzigingen']}>
        {plan.versies.map((v) => (
          <TableRow key={v.versie}>
            <TableHeaderCell scope="row">Versie {v.versie}</TableHeaderCell>
            <TableCell>{formatDatumTijd(v.op)}</TableCell>
            <TableCell>{v.auteur ?? 'Samen Veilig'}</TableCell>
            <TableCell>{faseLabel(v.fase)}</TableCell>
            <TableCell className="sv-tekst">{v.toelichting ?? '–'}</TableCell>
            <TableCell>
              <Button
                type="button"
                appearance="secondary-action-button"
                aria-pressed={gekozen === v.versie}
                onClick={() => {
                  setGekozen(v.versie);
                  focusOp('plan-versie-kop');
                }}
              >
                Bekijk versie {v.versie}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </Tabel>
      {gekozen !== null ? (
        <VersieVerschil
          key={gekozen}
          huishoudenId={plan.huishoudenId}
          versie={gekozen}
          eerdere={plan.versies.map((v) => v.versie).filter((n) => n < gekozen)}
        />
      ) : null}
    </>
  );
}

/* ---------------------------------------------------------------- the page */

function PlanInhoud({ plan, sessie, naWijziging }: { plan: Plan; sessie: Sessie; naWijziging: NaWijziging }) {
  return (
    <>
      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>Versie</dt>
          <dd>{plan.versie}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Laatst gewijzigd</dt>
          <dd>
            {formatDatumTijd(plan.bijgewerktOp)}
            {plan.bijgewerktDoor ? ` door ${plan.bijgewerktDoor}` : ''}
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Gestart op</dt>
          <dd>{formatDatum(plan.gestartOp)}</dd>
        </div>
      </dl>
      <Paragraph>
        <AppLink href={afdrukPath(plan.huishoudenId)}>Afdrukken: het plan voor het huishouden</AppLink>
      </Paragraph>
      <FaseBlok plan={plan} sessie={sessie} naWijziging={naWijziging} />
      <section className="sv-section" aria-labelledby="plan-doelen">
        <Heading level={2} id="plan-doelen" tabIndex={-1}>
          Doelen uit de TOP-3
        </Heading>
        <Doelen plan={plan} />
      </section>
      <section className="sv-section" aria-labelledby="plan-inhoud">
        <Heading level={2} id="plan-inhoud" tabIndex={-1}>
          Het plan
        </Heading>
        <PlanFormulier key={plan.versie} plan={plan} naWijziging={naWijziging} />
      </section>
      <section className="sv-section" aria-labelledby="plan-versies">
        <Heading level={2} id="plan-versies" tabIndex={-1}>
          Versies
        </Heading>
        <Versies plan={plan} />
      </section>
    </>
  );
}

function PlanScherm({ id, sessie }: { id: string; sessie: Sessie }) {
  const { state, herlaad } = useHerlaadbareApi(`plan:${id}`, () => planApi.plan(id));
  const { bericht, bevestig: naWijziging } = useBevestiging(herlaad, BERICHT_ID);
  const nietGevonden = state.status === 'fout' && state.error.status === 404;
  return (
    <>
      <Paragraph className="sv-back">
        <AppLink href={dossierPath(id)}>Terug naar het dossier</AppLink>
      </Paragraph>
      <Heading level={1} id={TITEL_ID}>
        Veiligheidsplan
      </Heading>
      <SubNav label="Dossier" items={dossierNav(id)} huidig={planPath(id)} />
      <div id={BERICHT_ID} tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      {state.status === 'laden' ? <Laden wat="gegevens van het plan" /> : null}
      {state.status === 'fout' && !nietGevonden ? <Foutmelding error={state.error} titel="Het lukt niet om het plan te laden" /> : null}
      {state.status === 'fout' && nietGevonden ? (
        <Alert type="info" className="sv-alert">
          <Paragraph>{state.error.message}</Paragraph>
        </Alert>
      ) : null}
      {state.status === 'klaar' ? <PlanInhoud plan={state.data} sessie={sessie} naWijziging={naWijziging} /> : null}
    </>
  );
}

export function PlanPage({ id }: { id: string }) {
  usePageTitle('Veiligheidsplan');
  return <Beveiligd rollen={DOSSIER_ROLLEN}>{(sessie) => <PlanScherm id={id} sessie={sessie} />}</Beveiligd>;
}
