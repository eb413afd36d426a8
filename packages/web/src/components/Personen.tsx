/**
 * The persons of a contact and the relations between them, as entered on the intake screen, the
 * professionals' form and when an advies becomes a melding. One person is one fieldset; every field has
 * an id `${prefix}-${ref}-${veld}`, so errors of the server ("personen.1.bsn") find their field.
 */
import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { GESLACHT_NAMEN, keuzesUit, PERSOON_ROL_NAMEN, RELATIE_NAMEN } from '../labels';
import { nieuweSleutel } from '../uuid';
import type { PersoonInvoer, RelatieInvoer } from '../voordeurApi';
import type { VeldFout } from './Formulier';
import { EnkelVinkje, focusOp, Keuzelijst, Tekstveld } from './Velden';

export interface PersoonStaat {
  ref: string;
  rol: string;
  voornamen: string;
  roepnaam: string;
  tussenvoegsel: string;
  achternaam: string;
  /** "YYYY-MM-DD" or empty. */
  geboortedatum: string;
  geslacht: string;
  bsn: string;
  straat: string;
  huisnummer: string;
  toevoeging: string;
  postcode: string;
  woonplaats: string;
  /** A secret address (e.g. a shelter): shown only to those allowed. */
  geheim: boolean;
}

export interface RelatieStaat {
  id: string;
  van: string;
  naar: string;
  type: string;
}

export function legePersoon(rol = 'slachtoffer'): PersoonStaat {
  return {
    ref: nieuweSleutel().slice(0, 8),
    rol,
    voornamen: '',
    roepnaam: '',
    tussenvoegsel: '',
    achternaam: '',
    geboortedatum: '',
    geslacht: 'onbekend',
    bsn: '',
    straat: '',
    huisnummer: '',
    toevoeging: '',
    postcode: '',
    woonplaats: '',
    geheim: false,
  };
}

const ADRES_VELDEN = ['straat', 'huisnummer', 'toevoeging', 'postcode', 'woonplaats'] as const;

function heeftAdres(p: PersoonStaat): boolean {
  return ADRES_VELDEN.some((v) => p[v].trim() !== '');
}

/** Only what was filled in; the address only when any part of it was. */
export function naarPersoonInvoer(p: PersoonStaat): PersoonInvoer {
  const tekst = (v: string) => (v.trim() ? v.trim() : undefined);
  const invoer: PersoonInvoer = { ref: p.ref, rol: p.rol, geslacht: p.geslacht };
  const velden = {
    voornamen: tekst(p.voornamen),
    roepnaam: tekst(p.roepnaam),
    tussenvoegsel: tekst(p.tussenvoegsel),
    achternaam: tekst(p.achternaam),
    geboortedatum: tekst(p.geboortedatum),
    bsn: tekst(p.bsn.replace(/\D/g, '')),
  };
  for (const [k, v] of Object.entries(velden)) if (v !== undefined) Object.assign(invoer, { [k]: v });
  if (heeftAdres(p)) {
    invoer.adres = {
      straat: p.straat.trim(),
      huisnummer: Number(p.huisnummer.trim()),
      postcode: p.postcode.trim(),
      woonplaats: p.woonplaats.trim(),
      geheim: p.geheim,
      ...(p.toevoeging.trim() ? { huisnummerToevoeging: p.toevoeging.trim() } : {}),
    };
  }
  return invoer;
}

export const persoonVeldId = (prefix: string, ref: string, veld: string) => `${prefix}-${ref}-${veld}`;

/** Checks that need no server: a complete address with a house number in digits. */
export function persoonControle(prefix: string, personen: PersoonStaat[]): VeldFout[] {
  const fouten: VeldFout[] = [];
  personen.forEach((p, i) => {
    if (!heeftAdres(p)) return;
    for (const veld of ['straat', 'huisnummer', 'postcode', 'woonplaats'] as const) {
      if (!p[veld].trim()) fouten.push({ id: persoonVeldId(prefix, p.ref, veld), tekst: `Persoon ${i + 1}: vul het hele adres in (${veld}), of laat het adres leeg.` });
    }
    if (p.huisnummer.trim() && !/^\d{1,5}$/.test(p.huisnummer.trim())) {
      fouten.push({ id: persoonVeldId(prefix, p.ref, 'huisnummer'), tekst: `Persoon ${i + 1}: het huisnummer bestaat alleen uit cijfers; een letter hoort bij de toevoeging.` });
    }
  });
  return fouten;
}

const ADRES_PAD: Record<string, string> = { huisnummerToevoeging: 'toevoeging', geheim: 'geheim' };

/**
 * The field of a server issue about persons or relations: "personen.1.adres.postcode" → that person's postcode
 * field; "relaties.0.naar" → that relation's field; null for other paths.
 */
export function personenVeldVoorPad(prefix: string, personen: PersoonStaat[], relaties: RelatieStaat[], pad: string): string | null {
  const persoon = /^personen(?:\.(\d+)(?:\.(\w+)(?:\.(\w+))?)?)?/.exec(pad);
  if (persoon) {
    const p = persoon[1] !== undefined ? personen[Number(persoon[1])] : undefined;
    if (!p) return `${prefix}-toevoegen`;
    const veld = persoon[2] === 'adres' ? (persoon[3] ? (ADRES_PAD[persoon[3]] ?? persoon[3]) : 'straat') : persoon[2];
    return veld && veld !== 'ref' ? persoonVeldId(prefix, p.ref, veld) : `${prefix}-${p.ref}`;
  }
  const relatie = /^relaties\.(\d+)(?:\.(van|naar|type))?/.exec(pad);
  if (relatie) {
    const r = relaties[Number(relatie[1])];
    return r ? `${prefix}-rel-${r.id}-${relatie[2] ?? 'van'}` : null;
  }
  return null;
}

/** "Persoon 2 (Sanne de Vries)" */
export function persoonTitel(p: PersoonStaat, index: number): string {
  const naam = [p.roepnaam || p.voornamen, p.tussenvoegsel, p.achternaam].map((d) => d.trim()).filter(Boolean).join(' ');
  return naam ? `Persoon ${index + 1} (${naam})` : `Persoon ${index + 1}`;
}

const ROL_KEUZES = keuzesUit(PERSOON_ROL_NAMEN);
const GESLACHT_KEUZES = keuzesUit(GESLACHT_NAMEN);

function PersoonVelden({
  prefix,
  persoon,
  index,
  onWijzig,
  onVerwijder,
  foutVan,
  naVelden,
}: {
  prefix: string;
  persoon: PersoonStaat;
  index: number;
  onWijzig: (p: PersoonStaat) => void;
  onVerwijder: () => void;
  foutVan: (id: string) => string | undefined;
  naVelden?: ReactNode;
}) {
  const id = (veld: string) => persoonVeldId(prefix, persoon.ref, veld);
  const zet = (veld: keyof PersoonStaat) => (waarde: string) => onWijzig({ ...persoon, [veld]: waarde });
  const tekstveld = (veld: keyof PersoonStaat, label: string, extra: Partial<Parameters<typeof Tekstveld>[0]> = {}) => (
    <Tekstveld id={id(veld)} label={label} waarde={String(persoon[veld])} onWijzig={zet(veld)} fout={foutVan(id(veld))} autoComplete="off" {...extra} />
  );
  return (
    <Fieldset id={`${prefix}-${persoon.ref}`} className="sv-fieldset sv-persoon" invalid={!!foutVan(`${prefix}-${persoon.ref}`)}>
      <FieldsetLegend className="sv-persoon__legenda">{persoonTitel(persoon, index)}</FieldsetLegend>
      {foutVan(`${prefix}-${persoon.ref}`) ? <Paragraph className="sv-veldfout">{foutVan(`${prefix}-${persoon.ref}`)}</Paragraph> : null}
      <div className="sv-velden-rij">
        <Keuzelijst id={id('rol')} label="Rol" verplicht waarde={persoon.rol} onWijzig={zet('rol')} keuzes={ROL_KEUZES} fout={foutVan(id('rol'))} />
        {tekstveld('voornamen', 'Voornamen')}
        {tekstveld('roepnaam', 'Roepnaam')}
        {tekstveld('tussenvoegsel', 'Tussenvoegsel', { className: 'sv-veld--smal' })}
        {tekstveld('achternaam', 'Achternaam')}
        {tekstveld('geboortedatum', 'Geboortedatum', { type: 'date' })}
        <Keuzelijst id={id('geslacht')} label="Geslacht" verplicht waarde={persoon.geslacht} onWijzig={zet('geslacht')} keuzes={GESLACHT_KEUZES} fout={foutVan(id('geslacht'))} />
        {tekstveld('bsn', 'BSN', { inputMode: 'numeric', maxLength: 11, spellCheck: false })}
      </div>
      <Fieldset className="sv-fieldset sv-adres">
        <FieldsetLegend>Adres</FieldsetLegend>
        <div className="sv-velden-rij">
          {tekstveld('straat', 'Straat')}
          {tekstveld('huisnummer', 'Huisnummer', { inputMode: 'numeric', className: 'sv-veld--smal' })}
          {tekstveld('toevoeging', 'Toevoeging', { className: 'sv-veld--smal' })}
          {tekstveld('postcode', 'Postcode', { className: 'sv-veld--smal' })}
          {tekstveld('woonplaats', 'Woonplaats')}
        </div>
        <EnkelVinkje
          id={id('geheim')}
          label="Geheim adres (bijvoorbeeld een opvangadres)"
          uitleg="Alleen wie dat mag, ziet dit adres."
          aan={persoon.geheim}
          onWijzig={(aan) => onWijzig({ ...persoon, geheim: aan })}
        />
      </Fieldset>
      {naVelden}
      <div className="sv-form__acties">
        <Button type="button" appearance="secondary-action-button" onClick={onVerwijder}>
          {persoonTitel(persoon, index)} verwijderen
        </Button>
      </div>
    </Fieldset>
  );
}

/**
 * A repeatable list of persons with "Persoon toevoegen". `naPersoon` renders extra content per person
 * (the live radar on the intake screen). After adding, focus moves to the new person's first field.
 */
export function PersonenLijst({
  prefix,
  personen,
  onWijzig,
  foutVan,
  naPersoon,
  sneltoets,
  nieuweRol = 'kind',
}: {
  prefix: string;
  personen: PersoonStaat[];
  onWijzig: (personen: PersoonStaat[]) => void;
  foutVan: (id: string) => string | undefined;
  naPersoon?: (p: PersoonStaat) => ReactNode;
  /** Shown on the add button, e.g. "Alt+N"; the page handles the key itself. */
  sneltoets?: string;
  nieuweRol?: string;
}) {
  const toevoegen = () => {
    const nieuw = legePersoon(personen.length === 0 ? 'slachtoffer' : nieuweRol);
    onWijzig([...personen, nieuw]);
    focusOp(persoonVeldId(prefix, nieuw.ref, 'rol'));
  };
  return (
    <div id={`${prefix}-personen`}>
      {personen.length === 0 ? <Paragraph>Er zijn nog geen personen ingevuld.</Paragraph> : null}
      {personen.map((p, i) => (
        <PersoonVelden
          key={p.ref}
          prefix={prefix}
          persoon={p}
          index={i}
          foutVan={foutVan}
          naVelden={naPersoon?.(p)}
          onWijzig={(nieuw) => onWijzig(personen.map((x) => (x.ref === p.ref ? nieuw : x)))}
          onVerwijder={() => {
            onWijzig(personen.filter((x) => x.ref !== p.ref));
            focusOp(`${prefix}-toevoegen`);
          }}
        />
      ))}
      <div className="sv-form__acties">
        <Button
          type="button"
          appearance="secondary-action-button"
          id={`${prefix}-toevoegen`}
          onClick={toevoegen}
          aria-keyshortcuts={sneltoets}
          aria-describedby={foutVan(`${prefix}-toevoegen`) ? `${prefix}-toevoegen-fout` : undefined}
        >
          Persoon toevoegen{sneltoets ? ` (${sneltoets})` : ''}
        </Button>
      </div>
      {foutVan(`${prefix}-toevoegen`) ? (
        <Paragraph className="sv-veldfout" id={`${prefix}-toevoegen-fout`}>
          {foutVan(`${prefix}-toevoegen`)}
        </Paragraph>
      ) : null}
    </div>
  );
}

const RELATIE_KEUZES = keuzesUit(RELATIE_NAMEN);

/** Relations between the persons: "<van> is <type> van <naar>". */
export function RelatiesVelden({
  prefix,
  personen,
  relaties,
  onWijzig,
  foutVan,
}: {
  prefix: string;
  personen: PersoonStaat[];
  relaties: RelatieStaat[];
  onWijzig: (relaties: RelatieStaat[]) => void;
  foutVan: (id: string) => string | undefined;
}) {
  const persoonKeuzes = personen.map((p, i) => ({ waarde: p.ref, label: persoonTitel(p, i) }));
  const id = (r: RelatieStaat, veld: string) => `${prefix}-rel-${r.id}-${veld}`;
  const toevoegen = () => {
    const nieuw = { id: nieuweSleutel().slice(0, 8), van: personen[0]?.ref ?? '', naar: personen[1]?.ref ?? '', type: 'partner' };
    onWijzig([...relaties, nieuw]);
    focusOp(id(nieuw, 'van'));
  };
  if (personen.length < 2) return <Paragraph>Vul eerst twee of meer personen in om hun relatie vast te leggen.</Paragraph>;
  return (
    <>
      {relaties.map((r, i) => (
        <Fieldset key={r.id} className="sv-fieldset sv-relatie">
          <FieldsetLegend>Relatie {i + 1}</FieldsetLegend>
          <div className="sv-velden-rij">
            <Keuzelijst id={id(r, 'van')} label="Persoon" verplicht waarde={r.van} onWijzig={(van) => onWijzig(relaties.map((x) => (x.id === r.id ? { ...x, van } : x)))} keuzes={persoonKeuzes} leeg="Kies een persoon" fout={foutVan(id(r, 'van'))} />
            <Keuzelijst id={id(r, 'type')} label="is de … van" verplicht waarde={r.type} onWijzig={(type) => onWijzig(relaties.map((x) => (x.id === r.id ? { ...x, type } : x)))} keuzes={RELATIE_KEUZES} fout={foutVan(id(r, 'type'))} />
            <Keuzelijst id={id(r, 'naar')} label="Van persoon" verplicht waarde={r.naar} onWijzig={(naar) => onWijzig(relaties.map((x) => (x.id === r.id ? { ...x, naar } : x)))} keuzes={persoonKeuzes} leeg="Kies een persoon" fout={foutVan(id(r, 'naar'))} />
          </div>
          <Button type="button" appearance="subtle-button" onClick={() => onWijzig(relaties.filter((x) => x.id !== r.id))}>
            Relatie {i + 1} verwijderen
          </Button>
        </Fieldset>
      ))}
      <div className="sv-form__acties">
        <Button type="button" appearance="secondary-action-button" onClick={toevoegen}>
          Relatie toevoegen
        </Button>
      </div>
    </>
  );
}

/** Relations whose persons still exist, as the API wants them. */
export function naarRelatieInvoer(relaties: RelatieStaat[], personen: PersoonStaat[]): RelatieInvoer[] {
  const refs = new Set(personen.map((p) => p.ref));
  return relaties.filter((r) => refs.has(r.van) && refs.has(r.naar)).map(({ van, naar, type }) => ({ van, naar, type }));
}
