/**
 * A region setting on a beheer page: loads it, shows the form for the loaded version, and after saving
 * shows the confirmation and loads it again (the form then starts from the new version). A save based on an
 * older version is a 409 the form reports with "Gegevens opnieuw laden".
 */
import type { ReactNode } from 'react';
import { Bevestiging } from './Formulier';
import { Foutmelding, Laden } from './Status';
import { useBevestiging, useHerlaadbareApi } from '../useApi';

export function Instellingen<T>({
  id,
  wat,
  laad,
  children,
}: {
  /** Prefix of element ids; also the cache key. */
  id: string;
  /** What is loaded, for the loading and error messages ("de termijnen"). */
  wat: string;
  laad: () => Promise<T>;
  /** The form for the loaded data; `klaar(tekst)` confirms and reloads. */
  children: (data: T, klaar: (tekst: string) => Promise<void>) => ReactNode;
}) {
  const { state, herlaad } = useHerlaadbareApi(id, laad);
  const meldingId = `${id}-melding`;
  const { bericht, bevestig: klaar } = useBevestiging(herlaad, meldingId);
  return (
    <>
      <div id={meldingId} tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      {state.status === 'laden' ? <Laden wat={wat} /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel={`Het lukt niet om ${wat} te laden`} /> : null}
      {state.status === 'klaar' ? children(state.data, klaar) : null}
    </>
  );
}
