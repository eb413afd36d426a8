/**
 * The melding page: one advies or melding with its persons, the radar candidates (confirm or reject,
 * optionally joining the known household), converting an advies into a melding, and the
 * veiligheidsbeoordeling with its four-eyes decisions (components/Beoordeling.tsx).
 */
import { Alert, Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Sessie } from '../api';
import { AppLink } from '../components/AppLink';
import { BeoordelingSectie } from '../components/Beoordeling';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, useFormulier } from '../components/Formulier';
import { geweldsvormNamen } from '../components/Geweldsvormen';
import {
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
import { RedenFormulier } from '../components/RedenFormulier';
import { Foutmelding, Laden } from '../components/Status';
import { Tabel } from '../components/Tabel';
import { EnkelVinkje, focusOp, Keuzerondjes, Tekstvak } from '../components/Velden';
import { formatDatum, formatDatumTijd } from '../format';
import {
  contactTypeLabel,
  gebeurtenisLabel,
  geslachtLabel,
  kanaalLabel,
  melderRelatieLabel,
  melderSectorLabel,
  melderTypeLabel,
  persoonRolLabel,
  relatieZin,
} from '../labels';
import { DOSSIER_ROLLEN, heeftRol } from '../rollen';
import { dossierPath } from '../router';
import { useApi, useBevestiging, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { voordeurApi, type ContactDetail, type ContactPersoon, type RadarKandidaat } from '../voordeurApi';

const TITEL_ID = 'melding-titel';
const BERICHT_ID = 'melding-bericht';

export function persoonNaam(p: Pick<ContactPersoon, 'voornamen' | 'roepnaam' | 'tussenvoegsel' | 'achternaam'>): string {
  return [p.roepnaam ?? p.voornamen?.split(' ')[0], p.tussenvoegsel, p.achternaam].filter((d) => d && d.trim()).join(' ') || 'Naam onbekend';
}

function adresTekst(p: ContactPersoon): string {
  if (p.adresAfgeschermd) return 'Adres afgeschermd';
  if (!p.adres) return 'Onbekend';
  const a = p.adres;
  return `${a.straat} ${a.huisnummer}${a.huisnummerToevoeging ? ` ${a.huisnummerToevoeging}` : ''}, ${a.postcode} ${a.woonplaats}`;
}

function Personen({ c }: { c: ContactDetail }) {
  if (c.personen.length === 0) return <Paragraph>Er zijn geen personen genoemd.</Paragraph>;
  const naamVan = new Map(c.personen.map((p) => [p.id, persoonNaam(p)]));
  return (
    <>
      <Tabel titel="Betrokkenen" kolommen={['Naam', 'Rol', 'Geboortedatum', 'Geslacht', 'BSN', 'Adres']}>
        {c.personen.map((p) => (
          <TableRow key={p.id}>
            <TableHeaderCell scope="row">{persoonNaam(p)}</TableHeaderCell>
            <TableCell>{persoonRolLabel(p.rol)}</TableCell>
            <TableCell>{p.geboortedatum ? formatDatum(p.geboortedatum) : 'Onbekend'}</TableCell>
            <TableCell>{geslachtLabel(p.geslacht)}</TableCell>
            <TableCell>{p.bsn ? <span className="sv-code">{p.bsn}</span> : 'Onbekend'}</TableCell>
            <TableCell>{p.adresAfgeschermd ? <strong className="sv-afgeschermd">Adres afgeschermd</strong> : adresTekst(p)}</TableCell>
          </TableRow>
        ))}
      </Tabel>
      {c.relaties.length > 0 ? (
        <>
          <Heading level={3}>Relaties</Heading>
          <ul className="sv-lijst">
            {c.relaties.map((r) => (
              <li key={`${r.van}-${r.naar}-${r.type}`}>
                {relatieZin(naamVan.get(r.van) ?? 'Onbekend', r.type, naamVan.get(r.naar) ?? 'onbekend')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Gegevens({ c, vormen }: { c: ContactDetail; vormen: Map<string, string> }) {
  const m = c.melder;
  const identiteit = m.identiteit ? [m.identiteit.naam, m.identiteit.organisatie, m.identiteit.telefoon, m.identiteit.email].filter(Boolean).join(', ') : null;
  return (
    <dl className="sv-gegevens">
      <div className="sv-gegevens__item">
        <dt>Ontvangen op</dt>
        <dd>{formatDatumTijd(c.ontvangenOp)}</dd>
      </div>
      {c.meldingOp && c.meldingOp !== c.ontvangenOp ? (
        <div className="sv-gegevens__item">
          <dt>Melding sinds</dt>
          <dd>{formatDatumTijd(c.meldingOp)}</dd>
        </div>
      ) : null}
      <div className="sv-gegevens__item">
        <dt>Kanaal</dt>
        <dd>{kanaalLabel(c.kanaal)}</dd>
      </div>
      <div className="sv-gegevens__item">
        <dt>Gemeente</dt>
        <dd>{c.gemeente.naam}</dd>
      </div>
      <div className="sv-gegevens__item">
        <dt>Melder</dt>
        <dd>{[melderTypeLabel(m.type), m.sector ? melderSectorLabel(m.sector) : null, m.relatie ? melderRelatieLabel(m.relatie) : null].filter(Boolean).join(' · ')}</dd>
      </div>
      <div className="sv-gegevens__item">
        <dt>Gegevens van de melder</dt>
        <dd>{identiteit ?? (m.anoniem ? `Anoniem${m.anoniemReden ? ` (reden: ${m.anoniemReden})` : ''}` : 'Niet zichtbaar voor uw rol')}</dd>
      </div>
      <div className="sv-gegevens__item sv-gegevens__item--breed">
        <dt>Vormen van geweld</dt>
        <dd>{c.geweldsvormen.length > 0 ? c.geweldsvormen.map((g) => vormen.get(g) ?? g).join(', ') : 'Niet vastgelegd'}</dd>
      </div>
      <div className="sv-gegevens__item sv-gegevens__item--breed">
        <dt>Omschrijving</dt>
        <dd className="sv-tekst">{c.omschrijving?.trim() ? c.omschrijving : 'Geen omschrijving'}</dd>
      </div>
      {c.gebeurtenissen.length > 0 ? (
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Gebeurtenissen</dt>
          <dd>
            <ul className="sv-lijst sv-lijst--kaal">
              {c.gebeurtenissen.map((g) => (
                <li key={`${g.soort}-${g.op}`}>
                  {gebeurtenisLabel(g.soort)} op {formatDatumTijd(g.op)}
                  {g.door ? ` door ${g.door}` : ''}
                  {g.toelichting ? `: ${g.toelichting}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Confirm (optionally joining one of the known households Veilig Thuis is involved with) or reject a candidate. */
function KandidaatBesluit({ k, naWijziging }: { k: RadarKandidaat; naWijziging: (bericht: string) => void }) {
  const f = useFormulier(`kandidaat-${k.id}-fouten`);
  const inZicht = k.kandidaat.huishoudens.filter((h) => h.inZicht);
  const [huishouden, setHuishouden] = useState(inZicht[0]?.id ?? '');
  const besluit = (soort: 'bevestigen' | 'afwijzen') =>
    f.verstuur(async () => {
      await voordeurApi.kandidaatBesluit(k.id, soort, soort === 'bevestigen' && huishouden ? huishouden : undefined);
      await naWijziging(
        soort === 'afwijzen'
          ? `${k.kandidaat.naam} is niet dezelfde persoon. De radar stelt dit niet opnieuw voor.`
          : huishouden
            ? `${k.persoon.naam} is dezelfde persoon als ${k.kandidaat.naam}. De melding hoort nu bij het bekende huishouden.`
            : `${k.persoon.naam} is dezelfde persoon als ${k.kandidaat.naam}.`,
      );
    });
  return (
    <div className="sv-kandidaat-besluit">
      <FoutSamenvatting id={`kandidaat-${k.id}-fouten`} fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => naWijziging('De gegevens zijn opnieuw geladen.') : null} kopNiveau={4} />
      {inZicht.length > 0 ? (
        <Keuzerondjes
          id={`kandidaat-${k.id}-huishouden`}
          legenda="Bij bevestigen"
          keuzes={[
            ...inZicht.map((h) => ({
              waarde: h.id,
              label: `Koppel aan dit bekende huishouden (huishouden ${k.kandidaat.huishoudens.indexOf(h) + 1}, ${h.contacten.length} eerdere contacten)`,
            })),
            { waarde: '', label: 'Niet koppelen: alleen vastleggen dat het dezelfde persoon is' },
          ]}
          waarde={huishouden}
          onWijzig={setHuishouden}
        />
      ) : null}
      <div className="sv-knoppen">
        <Button type="button" appearance="primary-action-button" busy={f.bezig} onClick={() => void besluit('bevestigen')}>
          Dezelfde persoon: bevestigen
        </Button>
        <Button type="button" appearance="secondary-action-button" busy={f.bezig} onClick={() => void besluit('afwijzen')}>
          Niet dezelfde persoon
        </Button>
      </div>
    </div>
  );
}

function Radar({ kandidaten, naWijziging }: { kandidaten: RadarKandidaat[]; naWijziging: (bericht: string) => void }) {
  if (kandidaten.length === 0) return <Paragraph>De radar vond geen bekende personen.</Paragraph>;
  const open = kandidaten.filter((k) => k.status === 'open');
  const beslist = kandidaten.filter((k) => k.status !== 'open');
  return (
    <>
      <Paragraph>
        {open.length > 0 ? `${open.length} ${open.length === 1 ? 'kandidaat wacht' : 'kandidaten wachten'} op uw besluit.` : 'Over alle kandidaten is beslist.'}
      </Paragraph>
      {open.map((k) => (
        <RadarKaart key={k.id} treffer={k} kopNiveau={3}>
          <Paragraph>
            Mogelijk dezelfde persoon als <strong>{k.persoon.naam}</strong> in deze melding.
          </Paragraph>
          <KandidaatBesluit k={k} naWijziging={naWijziging} />
        </RadarKaart>
      ))}
      {beslist.length > 0 ? (
        <ul className="sv-lijst">
          {beslist.map((k) => (
            <li key={k.id}>
              {k.persoon.naam} en {k.kandidaat.naam}: {k.status === 'bevestigd' ? 'dezelfde persoon' : 'niet dezelfde persoon'}
              {k.besluit ? ` (${k.besluit.door}, ${formatDatumTijd(k.besluit.op)}${k.besluit.huishoudenGekoppeld ? ', gekoppeld aan het bekende huishouden' : ''})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** An advies becomes a melding: name the persons (when the advies had none) and give the reason. */
function Omzetten({ c, naWijziging }: { c: ContactDetail; naWijziging: (bericht: string) => void }) {
  const f = useFormulier('omzetten-fouten');
  const [reden, setReden] = useState('');
  const [personen, setPersonen] = useState<PersoonStaat[]>([]);
  const [relaties, setRelaties] = useState<RelatieStaat[]>([]);
  const [acuut, setAcuut] = useState(c.acuutGevaar);
  const omzetten = () =>
    f.verstuur(
      async () => {
        await voordeurApi.omzettenNaarMelding(c.id, { reden: reden.trim(), personen: personen.map(naarPersoonInvoer), relaties: naarRelatieInvoer(relaties, personen), acuutGevaar: acuut, versie: c.versie });
        await naWijziging('Het advies is omgezet in een melding. De termijn van de veiligheidsbeoordeling loopt vanaf nu.');
      },
      {
        controle: () => [...(reden.trim().length >= 5 ? [] : [{ id: 'omz-reden', tekst: 'Geef kort de reden (minimaal 5 tekens).' }]), ...persoonControle('omz', personen)],
        velden: (pad) => (pad === 'reden' ? 'omz-reden' : personenVeldVoorPad('omz', personen, relaties, pad)),
      },
    );
  return (
    <form className="sv-form sv-form--breed" noValidate onSubmit={(e) => e.preventDefault()}>
      <FoutSamenvatting id="omzetten-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => naWijziging('De gegevens zijn opnieuw geladen.') : null} />
      <Tekstvak id="omz-reden" label="Waarom wordt dit een melding?" verplicht waarde={reden} onWijzig={setReden} rows={3} fout={f.foutVan('omz-reden')} />
      <Paragraph>
        {c.personen.length === 0
          ? 'Dit advies noemt nog geen personen. Een melding noemt de betrokkenen: vul ten minste één persoon in met achternaam of BSN.'
          : 'Voeg personen toe als er meer betrokkenen zijn.'}
      </Paragraph>
      <PersonenLijst prefix="omz" personen={personen} onWijzig={setPersonen} foutVan={f.foutVan} />
      <RelatiesVelden prefix="omz" personen={personen} relaties={relaties} onWijzig={setRelaties} foutVan={f.foutVan} />
      <EnkelVinkje id="omz-acuut" label="Acuut gevaar" aan={acuut} onWijzig={setAcuut} />
      <div className="sv-form__acties">
        <Button type="button" appearance="primary-action-button" busy={f.bezig} onClick={() => void omzetten()}>
          Omzetten naar melding
        </Button>
      </div>
    </form>
  );
}

/** Withdrawing an erroneous registration (registered twice, wrong household): kept, but it counts nowhere. */
function Intrekken({ c, naWijziging }: { c: ContactDetail; naWijziging: (bericht: string) => void }) {
  const f = useFormulier('intrekken-fouten');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Paragraph>
        Is deze {contactTypeLabel(c.type).toLowerCase()} per vergissing geregistreerd, bijvoorbeeld dubbel of bij het verkeerde huishouden? Trek de
        registratie dan in. Ze blijft bewaard, maar telt nergens meer mee en verdwijnt uit de werkvoorraad.
      </Paragraph>
      <Button
        type="button"
        appearance="secondary-action-button"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!open) focusOp('intrekken-reden');
        }}
      >
        Registratie intrekken
      </Button>
      {open ? (
        <>
          <FoutSamenvatting id="intrekken-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => naWijziging('De gegevens zijn opnieuw geladen.') : null} />
          <RedenFormulier
            id="intrekken-reden"
            label="Waarom is deze registratie een vergissing?"
            knop="Intrekken bevestigen"
            leeg="Geef de reden van de intrekking."
            veld="reden"
            formulier={f}
            onVerstuur={async (reden) => {
              await voordeurApi.intrekken(c.id, reden);
              await naWijziging('De registratie is ingetrokken. Ze telt niet meer mee en staat niet meer in de werkvoorraad.');
            }}
          />
        </>
      ) : null}
    </>
  );
}

function MeldingInhoud({ c, sessie, naWijziging }: { c: ContactDetail; sessie: Sessie; naWijziging: (bericht: string) => void }) {
  const geweldsvormen = useApi('geweldsvormen', () => api.geweldsvormen());
  const vt = c.radar !== null;
  const partners = useApi(vt ? 'ketenpartners' : 'ketenpartners:geen', () => (vt ? voordeurApi.ketenpartners() : Promise.resolve([])));
  const vormen = geweldsvormen.status === 'klaar' ? geweldsvormNamen(geweldsvormen.data) : new Map<string, string>();
  const ingetrokken = c.status === 'ingetrokken';
  const secties: [string, string][] = [
    ['melding-gegevens', 'Gegevens'],
    ['melding-personen', 'Betrokkenen'],
    ...(vt ? ([['melding-radar', 'Radar']] as [string, string][]) : []),
    ...(vt && c.type === 'advies' && c.beoordeling === null ? ([['melding-omzetten', 'Omzetten naar melding']] as [string, string][]) : []),
    ...(c.beoordeling ? ([['melding-beoordeling', 'Veiligheidsbeoordeling']] as [string, string][]) : []),
    ...(vt && !ingetrokken ? ([['melding-intrekken', 'Registratie intrekken']] as [string, string][]) : []),
  ];
  return (
    <>
      {ingetrokken ? (
        <Alert type="warning" className="sv-alert">
          <Paragraph>
            <strong>Deze registratie is ingetrokken.</strong> Ze is bewaard, maar telt niet mee in de cijfers en staat niet in de werkvoorraad. Onder
            Gegevens staat wie haar introk, wanneer en waarom.
          </Paragraph>
        </Alert>
      ) : null}
      {c.acuutGevaar ? (
        <Paragraph className="sv-label-gevaar">
          <strong>Acuut gevaar</strong>
        </Paragraph>
      ) : null}
      <nav className="sv-toc" aria-labelledby="melding-inhoud-kop">
        <Heading level={2} id="melding-inhoud-kop">
          Op deze pagina
        </Heading>
        <ul className="sv-toc__list">
          {secties.map(([id, naam]) => (
            <li key={id}>
              <a href={`#${id}`}>{naam}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="sv-section" aria-labelledby="melding-gegevens">
        <Heading level={2} id="melding-gegevens" tabIndex={-1}>
          Gegevens
        </Heading>
        <Gegevens c={c} vormen={vormen} />
        {c.huishoudenId && heeftRol(sessie.rollen, DOSSIER_ROLLEN) ? (
          <Paragraph>
            <AppLink href={dossierPath(c.huishoudenId)}>Naar het dossier van dit huishouden</AppLink>
          </Paragraph>
        ) : null}
      </section>
      <section className="sv-section" aria-labelledby="melding-personen">
        <Heading level={2} id="melding-personen" tabIndex={-1}>
          Betrokkenen
        </Heading>
        <Personen c={c} />
      </section>
      {c.radar !== null ? (
        <section className="sv-section" aria-labelledby="melding-radar">
          <Heading level={2} id="melding-radar" tabIndex={-1}>
            Radar: bekende personen
          </Heading>
          <Radar kandidaten={c.radar} naWijziging={naWijziging} />
        </section>
      ) : null}
      {vt && c.type === 'advies' && c.beoordeling === null ? (
        <section className="sv-section" aria-labelledby="melding-omzetten">
          <Heading level={2} id="melding-omzetten" tabIndex={-1}>
            Omzetten naar melding
          </Heading>
          <Omzetten key={c.versie} c={c} naWijziging={naWijziging} />
        </section>
      ) : null}
      {c.beoordeling ? (
        <section className="sv-section" aria-labelledby="melding-beoordeling">
          <Heading level={2} id="melding-beoordeling" tabIndex={-1}>
            Veiligheidsbeoordeling
          </Heading>
          {partners.status === 'fout' ? <Foutmelding error={partners.error} titel="Het lukt niet om de ketenpartners te laden" /> : null}
          <BeoordelingSectie b={c.beoordeling} sessie={sessie} partners={partners.status === 'klaar' ? partners.data : []} naWijziging={naWijziging} />
        </section>
      ) : null}
      {vt && !ingetrokken ? (
        <section className="sv-section" aria-labelledby="melding-intrekken">
          <Heading level={2} id="melding-intrekken" tabIndex={-1}>
            Registratie intrekken
          </Heading>
          <Intrekken c={c} naWijziging={naWijziging} />
        </section>
      ) : null}
    </>
  );
}

function MeldingScherm({ id, sessie }: { id: string; sessie: Sessie }) {
  const { state, herlaad } = useHerlaadbareApi(`contact:${id}`, () => voordeurApi.contact(id));
  const { bericht, bevestig: naWijziging } = useBevestiging(herlaad, BERICHT_ID);
  const nietGevonden = state.status === 'fout' && state.error.status === 404;
  const titel =
    state.status === 'klaar'
      ? `${contactTypeLabel(state.data.type)} van ${formatDatum(state.data.ontvangenOp)}`
      : nietGevonden
        ? 'Melding niet gevonden'
        : 'Melding';
  return (
    <>
      <Paragraph className="sv-back">
        <AppLink href="/werkvoorraad">Terug naar de werkvoorraad</AppLink>
      </Paragraph>
      <Heading level={1} id={TITEL_ID}>
        {titel}
      </Heading>
      <div id={BERICHT_ID} tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      {state.status === 'laden' ? <Laden wat="gegevens van de melding" /> : null}
      {state.status === 'fout' && !nietGevonden ? <Foutmelding error={state.error} titel="Het lukt niet om de melding te laden" /> : null}
      {nietGevonden ? (
        <Alert type="info" className="sv-alert">
          <Paragraph>Deze melding bestaat niet, of u heeft er geen toegang toe. U ziet alleen meldingen over huishoudens waarbij uw organisatie betrokken is.</Paragraph>
        </Alert>
      ) : null}
      {state.status === 'klaar' ? <MeldingInhoud c={state.data} sessie={sessie} naWijziging={naWijziging} /> : null}
    </>
  );
}

export function MeldingPage({ id }: { id: string }) {
  // No names in the tab title: it ends up in the browser history.
  usePageTitle('Melding');
  return <Beveiligd rollen={DOSSIER_ROLLEN}>{(sessie) => <MeldingScherm id={id} sessie={sessie} />}</Beveiligd>;
}
