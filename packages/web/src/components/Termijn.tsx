import { useEffect, useState } from 'react';
import { formatDatumTijd, tijdOver } from '../format';

/** The current time in ms, renewed every `elke` ms, so "time left" texts stay true while a page is open. */
export function useNu(elke = 30_000): number {
  const [nu, setNu] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNu(Date.now()), elke);
    return () => window.clearInterval(timer);
  }, [elke]);
  return nu;
}

/**
 * Time left until a deadline ("nog 3 u 20 min"); overdue in red with a warning sign and the words "te laat",
 * so colour is never the only signal. The exact moment is in the <time> element and its title.
 */
export function TijdOver({ deadline, nu, metMoment = false }: { deadline: string; nu: number; metMoment?: boolean }) {
  const { tekst, teLaat } = tijdOver(deadline, nu);
  return (
    <span className={teLaat ? 'sv-termijn sv-termijn--te-laat' : 'sv-termijn'}>
      {teLaat ? (
        <span className="sv-termijn__icoon" aria-hidden="true">
          !
        </span>
      ) : null}
      <time dateTime={deadline} title={formatDatumTijd(deadline)}>
        {tekst}
      </time>
      {metMoment ? <span className="sv-termijn__moment"> ({formatDatumTijd(deadline)})</span> : null}
    </span>
  );
}
