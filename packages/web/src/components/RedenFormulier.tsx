import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Formulier } from './Formulier';
import { Tekstvak } from './Velden';

/**
 * A reason to give before an action that needs one (sending a decision back, refusing a handover).
 * `veld` is the name the server uses for the reason, so its error lands on the text box.
 */
export function RedenFormulier({
  id,
  label,
  knop,
  leeg,
  veld,
  formulier,
  onVerstuur,
}: {
  id: string;
  label: string;
  knop: string;
  /** Error when nothing was written. */
  leeg: string;
  veld: string;
  formulier: Formulier;
  onVerstuur: (reden: string) => Promise<void>;
}) {
  const [reden, setReden] = useState('');
  return (
    <form
      className="sv-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void formulier.verstuur(() => onVerstuur(reden.trim()), {
          controle: () => (reden.trim() ? [] : [{ id, tekst: leeg }]),
          velden: { [veld]: id },
        });
      }}
    >
      <Tekstvak id={id} label={label} verplicht waarde={reden} onWijzig={setReden} rows={3} maxLength={4000} fout={formulier.foutVan(id)} />
      <Button type="submit" appearance="secondary-action-button" busy={formulier.bezig}>
        {knop}
      </Button>
    </form>
  );
}
