/**
 * The region's settings of the veiligheidsplan: the exit criterion of directe veiligheid (days without
 * violence) and the check moments of Veilig Thuis after a handover (months). Saved with the version: a change
 * someone else made meanwhile is a 409 that offers to load the settings again.
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Beveiligd } from '../components/Beveiligd';
import { FoutSamenvatting, useFormulier, type VeldFout } from '../components/Formulier';
import { Instellingen } from '../components/Instellingen';
import { BEHEER_NAV, SubNav } from '../components/SubNav';
import { Tekstveld } from '../components/Velden';
import { planApi, type PlanInstellingen } from '../planApi';
import { BEHEER_ROLLEN } from '../rollen';
import { usePageTitle } from '../usePageTitle';

const VELDEN: Record<string, string> = { dagenZonderGeweld: 'plan-dagen', controleMaanden: 'plan-maanden' };

/** "3, 12" → [3, 12]; the errors found are added to `fouten`. */
function leesMaanden(tekst: string, fouten: VeldFout[]): number[] {
  const delen = tekst.split(/[\s,;]+/).filter(Boolean);
  const fout = (t: string) => fouten.push({ id: 'plan-maanden', tekst: t });
  if (delen.length === 0) fout('Noem ten minste één controlemoment, bijvoorbeeld 3, 12.');
  else if (delen.some((d) => !/^\d{1,2}$/.test(d))) fout('Schrijf de controlemomenten als hele getallen, gescheiden door komma’s, bijvoorbeeld 3, 12.');
  else {
    const maanden = delen.map(Number);
    if (maanden.some((m) => m < 1 || m > 36)) fout('Elk controlemoment ligt tussen 1 en 36 maanden na de overdracht.');
    else if (maanden.length > 6) fout('Noem ten hoogste 6 controlemomenten.');
    else if (new Set(maanden).size !== maanden.length) fout('Noem elk controlemoment één keer.');
    return maanden;
  }
  return [];
}

function PlanFormulier({ inst, klaar }: { inst: PlanInstellingen; klaar: (tekst: string) => void }) {
  const f = useFormulier('plan-instellingen-fouten');
  const [dagen, setDagen] = useState(String(inst.dagenZonderGeweld));
  const [maanden, setMaanden] = useState(inst.controleMaanden.join(', '));

  const opslaan = () => {
    const fouten: VeldFout[] = [];
    const d = dagen.trim();
    if (!/^\d{1,3}$/.test(d) || Number(d) > 730) fouten.push({ id: 'plan-dagen', tekst: 'Vul bij dagen zonder geweld een heel getal van 0 tot en met 730 in.' });
    const controleMaanden = leesMaanden(maanden, fouten);
    void f.verstuur(
      async () => {
        await planApi.instellingenOpslaan({ dagenZonderGeweld: Number(d), controleMaanden: [...controleMaanden].sort((a, b) => a - b), versie: inst.versie });
        await klaar('De instellingen van het veiligheidsplan zijn opgeslagen.');
      },
      { controle: () => fouten, velden: (pad) => VELDEN[pad.split('.')[0] ?? ''] ?? null },
    );
  };

  return (
    <form
      className="sv-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        opslaan();
      }}
    >
      <FoutSamenvatting
        id="plan-instellingen-fouten"
        fouten={f.fouten}
        melding={f.melding}
        opnieuwLaden={f.conflict ? () => klaar('De instellingen zijn opnieuw geladen.') : null}
        kopNiveau={2}
      />
      <Tekstveld
        id="plan-dagen"
        label="Dagen zonder geweld voordat de fase directe veiligheid voorbij is"
        uitleg="Van 0 tot en met 730 dagen. De norm is ongeveer drie maanden (91 dagen). Eerder verder gaan kan alleen met een reden die een tweede professional goedkeurt."
        verplicht
        inputMode="numeric"
        className="sv-veld--kort"
        waarde={dagen}
        onWijzig={setDagen}
        fout={f.foutVan('plan-dagen')}
      />
      <Tekstveld
        id="plan-maanden"
        label="Controles door Veilig Thuis na een overdracht, in maanden"
        uitleg="Eén tot zes momenten van 1 tot en met 36 maanden, gescheiden door komma’s, bijvoorbeeld 3, 12. Controles die al gepland zijn, houden hun datum."
        verplicht
        inputMode="numeric"
        waarde={maanden}
        onWijzig={setMaanden}
        fout={f.foutVan('plan-maanden')}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Instellingen opslaan
        </Button>
      </div>
    </form>
  );
}


export function BeheerPlanPage() {
  usePageTitle('Veiligheidsplan instellen');
  return (
    <Beveiligd rollen={BEHEER_ROLLEN}>
      {() => (
        <>
          <Heading level={1}>Veiligheidsplan</Heading>
          <SubNav label="Beheer" items={BEHEER_NAV} huidig="/beheer/plan" />
          <Paragraph className="sv-intro">
            Wanneer een veiligheidsplan uit de fase directe veiligheid mag, en wanneer Veilig Thuis na een overdracht controleert of het veilig is. Dit geldt
            voor de hele regio.
          </Paragraph>
          <Instellingen id="plan-instellingen" wat="de instellingen" laad={() => planApi.instellingen()}>
            {(inst, klaar) => <PlanFormulier key={inst.versie} inst={inst} klaar={klaar} />}
          </Instellingen>
        </>
      )}
    </Beveiligd>
  );
}
