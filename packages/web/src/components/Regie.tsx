/**
 * One household, one director: who has regie over a household (casusregisseur, procesregisseur) and how to
 * reach them, open proposals to hand it over, and the form to propose one. Regie passes only when the
 * receiver accepts (/regie/:id); until then the current regisseur keeps it.
 */
import { Alert, Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, type Dossier, type RegieSoort, type Sessie } from '../api';
import { aantalMet, formatDatum, formatDatumTijd } from '../format';
import { regieLabel } from '../labels';
import { planApi, type RegieKandidaat } from '../planApi';
import { REGIE_ROLLEN, heeftRol } from '../rollen';
import { FoutSamenvatting, useFormulier, type Formulier, type VeldFout } from './Formulier';
import { focusOp, Keuzerondjes, Tekstveld, Tekstvak, Vinkjes } from './Velden';

const MIN_TOELICHTING = 10;

const kandidaatLabel = (k: RegieKandidaat) => `${k.naam}, ${k.organisatie}${k.team ? ` (${k.team})` : ''}: ${k.email}`;

/**
 * Finds professionals of the region who can hold regie (by name, organisation or e-mail) and lets the user
 * choose one (`meerdere` false: radio buttons) or several (checkboxes). Chosen people stay chosen across
 * searches. It is no form of its own, so it can stand inside one: Enter in the search field searches.
 */
export function KandidaatZoeker({
  id,
  huishoudenId,
  legenda,
  meerdere = false,
  gekozen,
  onWijzig,
  fout,
}: {
  id: string;
  huishoudenId: string;
  legenda: string;
  meerdere?: boolean;
  gekozen: readonly RegieKandidaat[];
  onWijzig: (gekozen: RegieKandidaat[]) => void;
  fout?: string | undefined;
}) {
  const [zoek, setZoek] = useState('');
  const [resultaten, setResultaten] = useState<RegieKandidaat[] | null>(null);
  const [laadFout, setLaadFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const vraag = useRef(0);

  const zoeken = async (tekst: string) => {
    const nummer = ++vraag.current;
    setBezig(true);
    setLaadFout(null);
    try {
      const lijst = await planApi.regieKandidaten(huishoudenId, tekst.trim());
      if (nummer === vraag.current) setResultaten(lijst);
    } catch (error) {
      if (nummer === vraag.current) setLaadFout(error instanceof ApiError ? error.message : 'Zoeken is niet gelukt. Probeer het opnieuw.');
    } finally {
      if (nummer === vraag.current) setBezig(false);
    }
  };

  useEffect(() => {
    void zoeken('');
    // Only the first list on opening; afterwards the user searches.
  }, [huishoudenId]);

  // The chosen ones first (also when the search no longer finds them), then the results.
  const gekozenIds = new Set(gekozen.map((k) => k.id));
  const lijst = [...gekozen, ...(resultaten ?? []).filter((k) => !gekozenIds.has(k.id))];
  const keuzes = lijst.map((k) => ({ waarde: k.id, label: kandidaatLabel(k) }));
  const kies = (ids: string[]) => onWijzig(ids.map((x) => lijst.find((k) => k.id === x)).filter((k): k is RegieKandidaat => !!k));

  return (
    <div className="sv-zoeker">
      <div className="sv-form--inline sv-zoeker__balk">
        <Tekstveld
          id={`${id}-zoek`}
          label="Zoek een professional"
          uitleg="Op naam, organisatie of e-mailadres. Druk op Enter of kies Zoeken."
          type="search"
          autoComplete="off"
          waarde={zoek}
          onWijzig={setZoek}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void zoeken(zoek);
            }
          }}
        />
        <div className="sv-form__acties">
          <Button type="button" appearance="secondary-action-button" busy={bezig} onClick={() => void zoeken(zoek)}>
            Zoeken
          </Button>
        </div>
      </div>
      <Paragraph className="sv-opslag" role="status">
        {bezig ? 'Bezig met zoeken…' : resultaten ? (resultaten.length === 0 ? 'Niemand gevonden. Probeer een ander zoekwoord.' : `${aantalMet(resultaten.length, 'professional', 'professionals')} gevonden.`) : ''}
      </Paragraph>
      {laadFout ? (
        <Alert type="error" className="sv-alert">
          <Paragraph>{laadFout}</Paragraph>
        </Alert>
      ) : null}
      {keuzes.length > 0 || fout ? (
        meerdere ? (
          <Vinkjes id={id} legenda={legenda} keuzes={keuzes} gekozen={gekozen.map((k) => k.id)} onWijzig={kies} fout={fout} />
        ) : (
          <Keuzerondjes id={id} legenda={legenda} verplicht keuzes={keuzes} waarde={gekozen[0]?.id ?? ''} onWijzig={(x) => kies([x])} fout={fout} />
        )
      ) : null}
    </div>
  );
}

/** Proposes another professional as casusregisseur (taking over) or procesregisseur; the receiver accepts. */
function RegieVoorstelFormulier({ huishoudenId, soort, f, klaar }: { huishoudenId: string; soort: RegieSoort; f: Formulier; klaar: (bericht: string) => void }) {
  const prefix = `regie-${soort}`;
  const [naar, setNaar] = useState<RegieKandidaat[]>([]);
  const [toelichting, setToelichting] = useState('');
  const controle = () => {
    const fouten: VeldFout[] = [];
    if (naar.length === 0) fouten.push({ id: `${prefix}-naar`, tekst: 'Kies aan wie u het voorstel doet.' });
    const t = toelichting.trim();
    if (t.length < MIN_TOELICHTING) {
      fouten.push({
        id: `${prefix}-toelichting`,
        tekst: t ? `Schrijf de warme overdracht iets uitgebreider: minimaal ${MIN_TOELICHTING} tekens.` : 'Schrijf de warme overdracht: waarom, en wat moet de ontvanger weten?',
      });
    }
    return fouten;
  };
  return (
    <form
      className="sv-form sv-form--breed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            const ontvanger = naar[0]!;
            await planApi.regieVoorstellen(huishoudenId, { soort, naarUserId: ontvanger.id, toelichting: toelichting.trim() });
            await klaar(`Uw voorstel is verstuurd aan ${ontvanger.naam}. De regie gaat pas over als ${ontvanger.naam} het voorstel accepteert.`);
          },
          { controle, velden: { naarUserId: `${prefix}-naar`, toelichting: `${prefix}-toelichting` } },
        );
      }}
    >
      <KandidaatZoeker
        id={`${prefix}-naar`}
        huishoudenId={huishoudenId}
        legenda={soort === 'casusregisseur' ? 'Wie wordt de nieuwe casusregisseur?' : 'Wie wordt procesregisseur?'}
        gekozen={naar}
        onWijzig={setNaar}
        fout={f.foutVan(`${prefix}-naar`)}
      />
      <Tekstvak
        id={`${prefix}-toelichting`}
        label="Warme overdracht"
        uitleg={`Waarom vraagt u dit, en wat moet de ontvanger weten? Minimaal ${MIN_TOELICHTING} tekens.`}
        verplicht
        waarde={toelichting}
        onWijzig={setToelichting}
        rows={4}
        maxLength={4000}
        fout={f.foutVan(`${prefix}-toelichting`)}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Voorstel versturen
        </Button>
      </div>
    </form>
  );
}

function Regisseur({ soort, dossier }: { soort: RegieSoort; dossier: Dossier }) {
  const r = dossier.regie.find((x) => x.soort === soort);
  return (
    <div className="sv-gegevens__item">
      <dt>{regieLabel(soort)}</dt>
      <dd>
        {r ? (
          <>
            <strong>{r.naam}</strong>
            <br />
            {r.organisatie}
            <br />
            <Link href={`mailto:${r.email}`}>{r.email}</Link>
            <br />
            <span className="sv-optioneel">sinds {formatDatum(r.sinds)}</span>
          </>
        ) : soort === 'casusregisseur' ? (
          'Nog niemand'
        ) : (
          'Geen procesregisseur'
        )}
      </dd>
    </div>
  );
}

/** The regie block at the top of the dossier: always visible. */
export function RegieBlok({ dossier, sessie, naWijziging, kop }: { dossier: Dossier; sessie: Sessie; naWijziging: (bericht: string) => void; kop: ReactNode }) {
  const f = useFormulier('regie-fouten');
  const [open, setOpen] = useState<RegieSoort | null>(null);
  const magVoorstellen = !!dossier.actief && heeftRol(sessie.rollen, REGIE_ROLLEN);
  const ikProces = dossier.regie.some((r) => r.soort === 'procesregisseur' && r.userId === sessie.gebruiker.id);
  const klaar = (bericht: string) => {
    setOpen(null);
    naWijziging(bericht);
  };
  const toggle = (soort: RegieSoort) => {
    f.wis();
    setOpen(open === soort ? null : soort);
    if (open !== soort) focusOp(`regie-${soort}-naar-zoek`);
  };
  return (
    <section className="sv-section sv-panel sv-regie" aria-labelledby="dossier-regie">
      {kop}
      {!dossier.actief ? (
        <Alert type="info" className="sv-alert">
          <Paragraph>
            <strong>Dit huishouden is (nog) geen actief dossier.</strong> Er is nog geen casusregisseur en geen veiligheidsplan. Dat begint zodra een
            organisatie een overdracht van Veilig Thuis accepteert.
          </Paragraph>
        </Alert>
      ) : (
        <>
          <dl className="sv-gegevens">
            <Regisseur soort="casusregisseur" dossier={dossier} />
            <Regisseur soort="procesregisseur" dossier={dossier} />
            <div className="sv-gegevens__item">
              <dt>Actief dossier sinds</dt>
              <dd>
                {formatDatum(dossier.actief.sinds)}
                {dossier.actief.afgeslotenOp ? ` (afgesloten op ${formatDatum(dossier.actief.afgeslotenOp)})` : ''}
              </dd>
            </div>
          </dl>
          <Paragraph className="sv-opslag">De casusregisseur is het vaste aanspreekpunt voor het huishouden en bewaakt het veiligheidsplan.</Paragraph>
        </>
      )}
      <FoutSamenvatting id="regie-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => klaar('Het dossier is opnieuw geladen.') : null} />
      {dossier.regieVoorstellen.length > 0 ? (
        <>
          <Heading level={3}>Wacht op antwoord</Heading>
          <ul className="sv-lijst sv-lijst--kaal sv-regie__voorstellen">
            {dossier.regieVoorstellen.map((v) => {
              // The dossier names the proposer by name only; the server refuses anyone else (404).
              const eigen = v.voorgesteldDoor === sessie.gebruiker.naam;
              return (
                <li key={v.id} className="sv-bericht">
                  <Paragraph>
                    <strong>{v.naar}</strong> is gevraagd om {regieLabel(v.soort).toLowerCase()} te worden (voorgesteld door {v.voorgesteldDoor} op{' '}
                    {formatDatumTijd(v.voorgesteldOp)}). De regie gaat pas over als {v.naar} accepteert.
                  </Paragraph>
                  {eigen ? (
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      busy={f.bezig}
                      onClick={() =>
                        void f.verstuur(async () => {
                          await planApi.regieIntrekken(v.id);
                          await klaar(`Uw voorstel aan ${v.naar} is ingetrokken.`);
                        })
                      }
                    >
                      Voorstel aan {v.naar} intrekken
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {magVoorstellen ? (
        <>
          <div className="sv-knoppen">
            <Button type="button" appearance="secondary-action-button" aria-expanded={open === 'casusregisseur'} onClick={() => toggle('casusregisseur')}>
              Regie overdragen
            </Button>
            <Button type="button" appearance="secondary-action-button" aria-expanded={open === 'procesregisseur'} onClick={() => toggle('procesregisseur')}>
              Procesregisseur vragen
            </Button>
            {ikProces ? (
              <Button
                type="button"
                appearance="secondary-action-button"
                busy={f.bezig}
                onClick={() =>
                  void f.verstuur(async () => {
                    await planApi.procesregieBeeindigen(dossier.id);
                    await klaar('U bent geen procesregisseur meer van dit huishouden.');
                  })
                }
              >
                Procesregie beëindigen
              </Button>
            ) : null}
          </div>
          {open ? (
            <div className="sv-regie__formulier">
              <Heading level={3}>{open === 'casusregisseur' ? 'Regie overdragen' : 'Procesregisseur vragen'}</Heading>
              <Paragraph>
                {open === 'casusregisseur'
                  ? 'Stel voor wie de nieuwe casusregisseur wordt. Tot die persoon accepteert, blijft de regie waar die nu is.'
                  : 'Een procesregisseur brengt de partijen bij elkaar en bewaakt de voortgang. De persoon die u vraagt, accepteert of weigert.'}
              </Paragraph>
              <RegieVoorstelFormulier key={open} huishoudenId={dossier.id} soort={open} f={f} klaar={klaar} />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
