/**
 * Editing the content of the veiligheidsplan: the summary, voorwaarden (what must hold), afspraken (who does
 * what by when, and what happens if not), the network around the household and incidents. Every item is a
 * fieldset; every field has the id `plan-${lijst}-${item id}-${veld}`, so an issue of the server
 * ("inhoud.afspraken.1.wanneer") finds its field.
 */
import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { AFSPRAAK_STATUS_NAMEN, keuzesUit } from '../labels';
import type { Afspraak, AfspraakStatus, Incident, Netwerklid, PlanInhoud, Voorwaarde } from '../planApi';
import { nieuweSleutel } from '../uuid';
import type { VeldFout } from './Formulier';
import { focusOp, Keuzelijst, Tekstveld, Tekstvak } from './Velden';

export type Lijst = 'voorwaarden' | 'afspraken' | 'netwerk' | 'incidenten';

/** Every field as text; empty means "not filled in". */
type Staat<T> = { [K in keyof Required<T>]: string };

export interface PlanStaat {
  samenvatting: string;
  voorwaarden: Staat<Voorwaarde>[];
  afspraken: Staat<Afspraak>[];
  netwerk: Staat<Netwerklid>[];
  incidenten: Staat<Incident>[];
}

export const veldId = (lijst: Lijst, id: string, veld: string) => `plan-${lijst}-${id}-${veld}`;

const nieuweId = (voorvoegsel: string) => `${voorvoegsel}-${nieuweSleutel().replace(/-/g, '').slice(0, 12)}`;

const LEEG: { [L in Lijst]: () => PlanStaat[L][number] } = {
  voorwaarden: () => ({ id: nieuweId('vw'), tekst: '', eigenaar: '', deadline: '', status: 'open', bewijs: '', gevolg: '' }),
  afspraken: () => ({ id: nieuweId('af'), wie: '', wat: '', wanneer: '', status: 'open', bewijs: '', gevolg: '', voorwaardeId: '' }),
  netwerk: () => ({ id: nieuweId('nw'), naam: '', relatie: '', rol: '', telefoon: '' }),
  incidenten: () => ({ id: nieuweId('in'), datum: '', omschrijving: '' }),
};

function alsTekst<T extends object>(item: T, velden: readonly (keyof T)[]): Staat<T> {
  return Object.fromEntries(velden.map((v) => [v, item[v] === undefined ? '' : String(item[v])])) as Staat<T>;
}

export function planStaat(inhoud: PlanInhoud): PlanStaat {
  return {
    samenvatting: inhoud.samenvatting ?? '',
    voorwaarden: inhoud.voorwaarden.map((v) => alsTekst(v, ['id', 'tekst', 'eigenaar', 'deadline', 'status', 'bewijs', 'gevolg'])),
    afspraken: inhoud.afspraken.map((a) => alsTekst(a, ['id', 'wie', 'wat', 'wanneer', 'status', 'bewijs', 'gevolg', 'voorwaardeId'])),
    netwerk: inhoud.netwerk.map((n) => alsTekst(n, ['id', 'naam', 'relatie', 'rol', 'telefoon'])),
    incidenten: inhoud.incidenten.map((i) => alsTekst(i, ['id', 'datum', 'omschrijving'])),
  };
}

/** Only the optional fields that were filled in. */
function optioneel<T extends Record<string, string>>(velden: T): Partial<T> {
  return Object.fromEntries(Object.entries(velden).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])) as Partial<T>;
}

const status = (s: string) => s as AfspraakStatus;

/** The plan's content as the API wants it; the goals (from TOP-3 sessions) stay as they are. */
export function naarInhoud(s: PlanStaat, doelen: PlanInhoud['doelen']): PlanInhoud {
  const voorwaarden = new Set(s.voorwaarden.map((v) => v.id));
  return {
    ...optioneel({ samenvatting: s.samenvatting }),
    voorwaarden: s.voorwaarden.map((v) => ({
      id: v.id,
      tekst: v.tekst.trim(),
      eigenaar: v.eigenaar.trim(),
      status: status(v.status),
      ...optioneel({ deadline: v.deadline, bewijs: v.bewijs, gevolg: v.gevolg }),
    })),
    afspraken: s.afspraken.map((a) => ({
      id: a.id,
      wie: a.wie.trim(),
      wat: a.wat.trim(),
      wanneer: a.wanneer.trim(),
      status: status(a.status),
      gevolg: a.gevolg.trim(),
      ...optioneel({ bewijs: a.bewijs, voorwaardeId: voorwaarden.has(a.voorwaardeId) ? a.voorwaardeId : '' }),
    })),
    netwerk: s.netwerk.map((n) => ({ id: n.id, naam: n.naam.trim(), relatie: n.relatie.trim(), rol: n.rol.trim(), ...optioneel({ telefoon: n.telefoon }) })),
    doelen,
    incidenten: s.incidenten.map((i) => ({ id: i.id, datum: i.datum.trim(), omschrijving: i.omschrijving.trim() })),
  };
}

const NAMEN: Record<Lijst, string> = { voorwaarden: 'Voorwaarde', afspraken: 'Afspraak', netwerk: 'Netwerklid', incidenten: 'Incident' };
const DATUM = /^\d{4}-\d{2}-\d{2}$/;

/** Checks that need no server: required fields and dates. */
export function planControle(s: PlanStaat): VeldFout[] {
  const fouten: VeldFout[] = [];
  const nodig = (lijst: Lijst, i: number, id: string, veld: string, waarde: string, wat: string) => {
    if (!waarde.trim()) fouten.push({ id: veldId(lijst, id, veld), tekst: `${NAMEN[lijst]} ${i + 1}: vul ${wat} in.` });
  };
  const datum = (lijst: Lijst, i: number, id: string, veld: string, waarde: string) => {
    if (waarde.trim() && !DATUM.test(waarde.trim())) fouten.push({ id: veldId(lijst, id, veld), tekst: `${NAMEN[lijst]} ${i + 1}: vul een geldige datum in.` });
  };
  s.voorwaarden.forEach((v, i) => {
    nodig('voorwaarden', i, v.id, 'tekst', v.tekst, 'in wat er moet gelden');
    nodig('voorwaarden', i, v.id, 'eigenaar', v.eigenaar, 'in wie erop let');
    datum('voorwaarden', i, v.id, 'deadline', v.deadline);
  });
  s.afspraken.forEach((a, i) => {
    nodig('afspraken', i, a.id, 'wie', a.wie, 'in wie het doet');
    nodig('afspraken', i, a.id, 'wat', a.wat, 'in wat er gebeurt');
    nodig('afspraken', i, a.id, 'wanneer', a.wanneer, 'in wanneer het klaar is');
    datum('afspraken', i, a.id, 'wanneer', a.wanneer);
    nodig('afspraken', i, a.id, 'gevolg', a.gevolg, 'in wat er gebeurt als de afspraak niet lukt');
  });
  s.netwerk.forEach((n, i) => {
    nodig('netwerk', i, n.id, 'naam', n.naam, 'de naam');
    nodig('netwerk', i, n.id, 'relatie', n.relatie, 'de relatie met het huishouden');
    nodig('netwerk', i, n.id, 'rol', n.rol, 'in wat deze persoon doet voor de veiligheid');
  });
  s.incidenten.forEach((n, i) => {
    nodig('incidenten', i, n.id, 'datum', n.datum, 'de datum');
    datum('incidenten', i, n.id, 'datum', n.datum);
    nodig('incidenten', i, n.id, 'omschrijving', n.omschrijving, 'in wat er gebeurde');
  });
  return fouten;
}

/** The field of a server issue: "inhoud.afspraken.1.wanneer" → that afspraak's date field. */
export function planVeldVoorPad(s: PlanStaat, pad: string): string | null {
  if (pad === 'toelichting') return 'plan-toelichting';
  const m = /^inhoud\.(\w+)(?:\.(\d+)(?:\.(\w+))?)?/.exec(pad);
  if (!m) return null;
  if (m[1] === 'samenvatting') return 'plan-samenvatting';
  const lijst = m[1] as Lijst;
  const items = s[lijst] as { id: string }[] | undefined;
  const item = items && m[2] !== undefined ? items[Number(m[2])] : undefined;
  if (!items || !item) return items ? `plan-${lijst}-toevoegen` : null;
  return veldId(lijst, item.id, m[3] && m[3] !== 'id' ? m[3] : Object.keys(item)[1]!);
}

const STATUS_KEUZES = keuzesUit(AFSPRAAK_STATUS_NAMEN);

interface ItemsProps<L extends Lijst> {
  lijst: L;
  s: PlanStaat;
  zet: (s: PlanStaat) => void;
  foutVan: (id: string) => string | undefined;
  knop: string;
  leeg: string;
  /** The fields of one item; `veld(naam)` gives its value, id, setter and error. */
  velden: (item: PlanStaat[L][number], veld: (naam: keyof PlanStaat[L][number] & string) => VeldProps, index: number) => ReactNode;
  /** Extra content above an item's fields (e.g. "Verlopen"). */
  kop?: (item: PlanStaat[L][number]) => ReactNode;
  klasse?: (item: PlanStaat[L][number]) => string | undefined;
}

interface VeldProps {
  id: string;
  waarde: string;
  onWijzig: (waarde: string) => void;
  fout: string | undefined;
}

/** A repeatable list of items (voorwaarden, afspraken, …) with add and remove; focus follows. */
function Items<L extends Lijst>({ lijst, s, zet, foutVan, knop, leeg, velden, kop, klasse }: ItemsProps<L>) {
  type Item = PlanStaat[L][number];
  const items = s[lijst] as Item[];
  const zetItems = (nieuw: Item[]) => zet({ ...s, [lijst]: nieuw });
  const eersteVeld = (item: Item) => Object.keys(item)[1]!;
  return (
    <>
      {items.length === 0 ? <Paragraph>{leeg}</Paragraph> : null}
      {items.map((item, i) => {
        const veld = (naam: keyof Item & string): VeldProps => {
          const id = veldId(lijst, item.id, naam);
          return {
            id,
            waarde: String(item[naam] ?? ''),
            onWijzig: (waarde) => zetItems(items.map((x) => (x.id === item.id ? { ...x, [naam]: waarde } : x))),
            fout: foutVan(id),
          };
        };
        const extra = klasse?.(item);
        return (
          <Fieldset key={item.id} id={`plan-${lijst}-${item.id}`} className={extra ? `sv-fieldset sv-plan-item ${extra}` : 'sv-fieldset sv-plan-item'}>
            <FieldsetLegend className="sv-plan-item__legenda">
              {NAMEN[lijst]} {i + 1}
            </FieldsetLegend>
            {kop?.(item)}
            {velden(item, veld, i)}
            <div className="sv-form__acties">
              <Button
                type="button"
                appearance="subtle-button"
                onClick={() => {
                  zetItems(items.filter((x) => x.id !== item.id));
                  const vorige = items[i - 1];
                  focusOp(vorige ? veldId(lijst, vorige.id, eersteVeld(vorige)) : `plan-${lijst}-toevoegen`);
                }}
              >
                {NAMEN[lijst]} {i + 1} verwijderen
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div className="sv-form__acties">
        <Button
          type="button"
          appearance="secondary-action-button"
          id={`plan-${lijst}-toevoegen`}
          onClick={() => {
            const nieuw = LEEG[lijst]() as Item;
            zetItems([...items, nieuw]);
            focusOp(veldId(lijst, nieuw.id, eersteVeld(nieuw)));
          }}
        >
          {knop}
        </Button>
      </div>
    </>
  );
}

export function VoorwaardenVelden({ s, zet, foutVan }: { s: PlanStaat; zet: (s: PlanStaat) => void; foutVan: (id: string) => string | undefined }) {
  return (
    <Items
      lijst="voorwaarden"
      s={s}
      zet={zet}
      foutVan={foutVan}
      knop="Voorwaarde toevoegen"
      leeg="Er zijn nog geen voorwaarden."
      velden={(_, veld) => (
        <>
          <Tekstvak {...veld('tekst')} label="Wat moet er gelden?" verplicht rows={2} maxLength={1000} />
          <div className="sv-velden-rij">
            <Tekstveld {...veld('eigenaar')} label="Wie let erop?" verplicht maxLength={200} />
            <Tekstveld {...veld('deadline')} label="Uiterlijk op" type="date" />
            <Keuzelijst {...veld('status')} label="Status" verplicht keuzes={STATUS_KEUZES} />
          </div>
          <Tekstvak {...veld('bewijs')} label="Hoe weten we dat het klopt?" rows={2} maxLength={2000} />
          <Tekstvak {...veld('gevolg')} label="Wat gebeurt er als het niet lukt?" rows={2} maxLength={1000} />
        </>
      )}
    />
  );
}

export function AfsprakenVelden({
  s,
  zet,
  foutVan,
  verlopen,
}: {
  s: PlanStaat;
  zet: (s: PlanStaat) => void;
  foutVan: (id: string) => string | undefined;
  /** Ids of open afspraken past their date (as the server saw them). */
  verlopen: ReadonlySet<string>;
}) {
  const voorwaardeKeuzes = s.voorwaarden.map((v, i) => ({ waarde: v.id, label: `Voorwaarde ${i + 1}${v.tekst.trim() ? `: ${v.tekst.trim().slice(0, 80)}` : ''}` }));
  return (
    <Items
      lijst="afspraken"
      s={s}
      zet={zet}
      foutVan={foutVan}
      knop="Afspraak toevoegen"
      leeg="Er zijn nog geen afspraken."
      klasse={(a) => (verlopen.has(a.id) ? 'sv-plan-item--verlopen' : undefined)}
      kop={(a) =>
        verlopen.has(a.id) ? (
          <Paragraph className="sv-verlopen">
            <span className="sv-termijn__icoon" aria-hidden="true">
              !
            </span>
            <strong>Verlopen:</strong> de datum is voorbij en de afspraak staat nog open.
          </Paragraph>
        ) : null
      }
      velden={(_, veld) => (
        <>
          <div className="sv-velden-rij">
            <Tekstveld {...veld('wie')} label="Wie doet het?" verplicht maxLength={200} />
            <Tekstveld {...veld('wanneer')} label="Klaar op" type="date" verplicht />
            <Keuzelijst {...veld('status')} label="Status" verplicht keuzes={STATUS_KEUZES} />
          </div>
          <Tekstvak {...veld('wat')} label="Wat gebeurt er?" verplicht rows={2} maxLength={1000} />
          <Tekstvak {...veld('gevolg')} label="Wat gebeurt er als de afspraak niet lukt?" verplicht rows={2} maxLength={1000} />
          <Tekstvak {...veld('bewijs')} label="Hoe weten we dat het is gebeurd?" rows={2} maxLength={2000} />
          {voorwaardeKeuzes.length > 0 ? <Keuzelijst {...veld('voorwaardeId')} label="Hoort bij voorwaarde" leeg="Bij geen voorwaarde" keuzes={voorwaardeKeuzes} /> : null}
        </>
      )}
    />
  );
}

export function NetwerkVelden({ s, zet, foutVan }: { s: PlanStaat; zet: (s: PlanStaat) => void; foutVan: (id: string) => string | undefined }) {
  return (
    <Items
      lijst="netwerk"
      s={s}
      zet={zet}
      foutVan={foutVan}
      knop="Netwerklid toevoegen"
      leeg="Er zijn nog geen mensen uit het netwerk genoemd."
      velden={(_, veld) => (
        <>
          <div className="sv-velden-rij">
            <Tekstveld {...veld('naam')} label="Naam" verplicht maxLength={200} />
            <Tekstveld {...veld('relatie')} label="Relatie" uitleg="Bijvoorbeeld oma, buurman of voetbaltrainer." verplicht maxLength={200} />
            <Tekstveld {...veld('telefoon')} label="Telefoon" type="tel" maxLength={30} />
          </div>
          <Tekstvak {...veld('rol')} label="Wat doet deze persoon voor de veiligheid?" verplicht rows={2} maxLength={1000} />
        </>
      )}
    />
  );
}

export function IncidentenVelden({ s, zet, foutVan }: { s: PlanStaat; zet: (s: PlanStaat) => void; foutVan: (id: string) => string | undefined }) {
  return (
    <Items
      lijst="incidenten"
      s={s}
      zet={zet}
      foutVan={foutVan}
      knop="Incident toevoegen"
      leeg="Er zijn geen incidenten vastgelegd."
      velden={(_, veld) => (
        <>
          <Tekstveld {...veld('datum')} label="Datum" type="date" verplicht className="sv-veld--kort" />
          <Tekstvak {...veld('omschrijving')} label="Wat gebeurde er?" verplicht rows={2} maxLength={2000} />
        </>
      )}
    />
  );
}
