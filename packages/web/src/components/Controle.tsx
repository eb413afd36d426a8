/**
 * Closing a check moment after a handover (Veilig Thuis only): did the household reach safety? "Er zijn zorgen"
 * and "niet veilig" tell the regisseurs at once. Used in the work queue and on the dossier page.
 */
import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { CONTROLE_UITKOMST_NAMEN, keuzesUit } from '../labels';
import { planApi, type ControleUitkomst } from '../planApi';
import { FoutSamenvatting, useFormulier, type VeldFout } from './Formulier';
import { Keuzerondjes, Tekstvak } from './Velden';

const MIN_TOELICHTING = 5;

export function ControleAfronden({ id, titel, klaar }: { id: string; titel: string; klaar: (bericht: string) => void }) {
  const prefix = `controle-${id}`;
  const f = useFormulier(`${prefix}-fouten`);
  const [uitkomst, setUitkomst] = useState('');
  const [toelichting, setToelichting] = useState('');
  const controle = () => {
    const fouten: VeldFout[] = [];
    if (!uitkomst) fouten.push({ id: `${prefix}-uitkomst`, tekst: 'Kies de uitkomst van de controle.' });
    if (toelichting.trim().length < MIN_TOELICHTING) fouten.push({ id: `${prefix}-toelichting`, tekst: `Beschrijf kort wat u heeft nagegaan (minimaal ${MIN_TOELICHTING} tekens).` });
    return fouten;
  };
  return (
    <form
      className="sv-form"
      noValidate
      aria-label={titel}
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            await planApi.controleAfronden(id, uitkomst as ControleUitkomst, toelichting.trim());
            await klaar(
              uitkomst === 'veilig'
                ? 'De controle is afgerond: het is veilig.'
                : 'De controle is afgerond. De regisseurs van het huishouden krijgen meteen bericht over uw zorgen.',
            );
          },
          { controle, velden: { uitkomst: `${prefix}-uitkomst`, toelichting: `${prefix}-toelichting` } },
        );
      }}
    >
      <FoutSamenvatting id={`${prefix}-fouten`} fouten={f.fouten} melding={f.melding} kopNiveau={4} />
      <Keuzerondjes
        id={`${prefix}-uitkomst`}
        legenda="Uitkomst van de controle"
        verplicht
        keuzes={keuzesUit(CONTROLE_UITKOMST_NAMEN)}
        waarde={uitkomst}
        onWijzig={setUitkomst}
        fout={f.foutVan(`${prefix}-uitkomst`)}
      />
      <Tekstvak
        id={`${prefix}-toelichting`}
        label="Wat heeft u nagegaan?"
        uitleg="Bijvoorbeeld: met wie u sprak en wat de politie heeft geregistreerd."
        verplicht
        waarde={toelichting}
        onWijzig={setToelichting}
        rows={3}
        maxLength={4000}
        fout={f.foutVan(`${prefix}-toelichting`)}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Controle afronden
        </Button>
      </div>
    </form>
  );
}
