/**
 * The region's disclosure setting of the figures: whether counts shown to aggregate-only roles (the
 * beleidsmedewerker) are rounded to multiples of 5, on top of the suppression of small cells. Saved with the
 * version: a change someone else made meanwhile is a 409 that offers to load the setting again.
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Beveiligd } from '../components/Beveiligd';
import { FoutSamenvatting, useFormulier } from '../components/Formulier';
import { Instellingen } from '../components/Instellingen';
import { BEHEER_NAV, SubNav } from '../components/SubNav';
import { Keuzerondjes } from '../components/Velden';
import { cijfersApi, type CijferInstellingen } from '../cijfersApi';
import { BEHEER_ROLLEN } from '../rollen';
import { usePageTitle } from '../usePageTitle';

function CijferFormulier({ inst, klaar }: { inst: CijferInstellingen; klaar: (tekst: string) => void }) {
  const f = useFormulier('cijfer-instellingen-fouten');
  const [afronden, setAfronden] = useState(inst.afronden ? 'ja' : 'nee');
  return (
    <form
      className="sv-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            await cijfersApi.instellingenOpslaan({ afronden: afronden === 'ja', versie: inst.versie });
            await klaar('De instelling van de cijfers is opgeslagen.');
          },
          { velden: { afronden: 'cijfers-afronden' } },
        );
      }}
    >
      <FoutSamenvatting
        id="cijfer-instellingen-fouten"
        fouten={f.fouten}
        melding={f.melding}
        opnieuwLaden={f.conflict ? () => klaar('De instelling is opnieuw geladen.') : null}
        kopNiveau={2}
      />
      <Keuzerondjes
        id="cijfers-afronden"
        legenda="Aantallen afronden op vijftallen voor wie alleen totalen ziet"
        verplicht
        keuzes={[
          { waarde: 'nee', label: 'Nee: exacte aantallen vanaf 5 (kleinere aantallen blijven afgeschermd als <5)' },
          { waarde: 'ja', label: 'Ja: alle zichtbare aantallen afgerond op een veelvoud van 5' },
        ]}
        waarde={afronden}
        onWijzig={setAfronden}
        fout={f.foutVan('cijfers-afronden')}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Instelling opslaan
        </Button>
      </div>
    </form>
  );
}


export function BeheerCijfersPage() {
  usePageTitle('Cijfers instellen');
  return (
    <Beveiligd rollen={BEHEER_ROLLEN}>
      {() => (
        <>
          <Heading level={1}>Cijfers</Heading>
          <SubNav label="Beheer" items={BEHEER_NAV} huidig="/beheer/cijfers" />
          <Paragraph className="sv-intro">
            Beleidsmedewerkers zien alleen totalen. Aantallen onder de 5 zijn voor hen altijd afgeschermd, ook als ze uit een totaal terug te rekenen
            zouden zijn. Hier kiest u of hun zichtbare aantallen daarnaast worden afgerond. Dit geldt voor de hele regio.
          </Paragraph>
          <Instellingen id="cijfer-instellingen" wat="de instelling" laad={() => cijfersApi.instellingen()}>
            {(inst, klaar) => <CijferFormulier key={inst.versie} inst={inst} klaar={klaar} />}
          </Instellingen>
        </>
      )}
    </Beveiligd>
  );
}
