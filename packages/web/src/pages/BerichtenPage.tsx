/** The user's notifications: what needs attention, each linking to its page. Holds no personal data. */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, useFormulier } from '../components/Formulier';
import { Foutmelding, Laden } from '../components/Status';
import { focusOp } from '../components/Velden';
import { formatDatumTijd } from '../format';
import { BERICHTEN_GEWIJZIGD } from '../components/Account';
import { useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { voordeurApi, type Notificatie } from '../voordeurApi';

function Bericht({ n, gelezen }: { n: Notificatie; gelezen: (id: string) => void }) {
  return (
    <li className={n.gelezen ? 'sv-bericht' : 'sv-bericht sv-bericht--nieuw'}>
      <Paragraph className="sv-bericht__titel">
        {n.gelezen ? null : <strong className="sv-label">Nieuw</strong>}{' '}
        {n.link ? (
          <AppLink href={n.link} onClick={() => gelezen(n.id)}>
            {n.titel}
          </AppLink>
        ) : (
          n.titel
        )}
      </Paragraph>
      <Paragraph className="sv-bericht__tijd">
        <time dateTime={n.aangemaaktOp}>{formatDatumTijd(n.aangemaaktOp)}</time>
      </Paragraph>
    </li>
  );
}

function Berichten() {
  const { state, herlaad } = useHerlaadbareApi('notificaties', () => voordeurApi.notificaties());
  const f = useFormulier('berichten-fouten');
  const [bericht, setBericht] = useState<string | null>(null);
  const gewijzigd = () => window.dispatchEvent(new Event(BERICHTEN_GEWIJZIGD));
  const gelezen = (id: string) => {
    void voordeurApi.gelezen(id).then(gewijzigd, () => undefined);
  };
  return (
    <>
      <Heading level={1}>Berichten</Heading>
      <Paragraph className="sv-intro">Hier ziet u wat uw aandacht vraagt: besluiten die op bevestiging wachten, overdrachten en verlopen termijnen.</Paragraph>
      <div id="berichten-melding" tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      <FoutSamenvatting id="berichten-fouten" fouten={f.fouten} melding={f.melding} kopNiveau={2} />
      {state.status === 'laden' ? <Laden wat="berichten" /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om uw berichten te laden" /> : null}
      {state.status === 'klaar' ? (
        <>
          <Paragraph>{state.data.ongelezen === 0 ? 'U heeft geen ongelezen berichten.' : `U heeft ${state.data.ongelezen} ongelezen ${state.data.ongelezen === 1 ? 'bericht' : 'berichten'}.`}</Paragraph>
          {state.data.ongelezen > 0 ? (
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={f.bezig}
              onClick={() =>
                void f
                  .verstuur(() => voordeurApi.gelezen('alle'))
                  .then((ok) => {
                    if (!ok) return;
                    setBericht('Alle berichten zijn gelezen.');
                    herlaad();
                    gewijzigd();
                    focusOp('berichten-melding');
                  })
              }
            >
              Alles gelezen
            </Button>
          ) : null}
          {state.data.items.length > 0 ? (
            <ul className="sv-berichten">
              {state.data.items.map((n) => (
                <Bericht key={n.id} n={n} gelezen={gelezen} />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function BerichtenPage() {
  usePageTitle('Berichten');
  return <Beveiligd>{() => <Berichten />}</Beveiligd>;
}
