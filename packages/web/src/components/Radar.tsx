/**
 * One radar candidate: a known person who may be the person of this contact. Shows why the radar thinks
 * so (score and a plain explanation per field) and what is known of their households: earlier contacts and
 * outcomes, open work, who has regie and how to reach them. Used live on the intake screen and on the
 * melding page (with the decision as `children`).
 */
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDatum, formatProcent } from '../format';
import { beoordelingStatusLabel, besluitLabel, contactTypeLabel, radarVeldLabel } from '../labels';
import type { BekendHuishouden, RadarTreffer } from '../voordeurApi';

function Huishouden({ h, nummer }: { h: BekendHuishouden; nummer: number }) {
  return (
    <li className="sv-radar__huishouden">
      <strong>Huishouden {nummer}</strong>
      {!h.inZicht ? <span> (Veilig Thuis is hier niet bij betrokken; u ziet alleen wie wel betrokken is)</span> : null}
      {h.contacten.length > 0 ? (
        <ul className="sv-lijst">
          {h.contacten.slice(0, 5).map((c) => (
            <li key={c.id}>
              {contactTypeLabel(c.type)} van {formatDatum(c.ontvangenOp)} ({c.gemeente})
              {c.besluit ? `: ${besluitLabel(c.besluit)}` : ''}
              {c.status ? ` · ${beoordelingStatusLabel(c.status).toLowerCase()}` : ''}
            </li>
          ))}
          {h.contacten.length > 5 ? <li>en nog {h.contacten.length - 5} eerdere contacten</li> : null}
        </ul>
      ) : h.inZicht ? (
        <Paragraph>Geen eerdere contacten.</Paragraph>
      ) : null}
      {h.openWerk.length > 0 ? <Paragraph>Loopt nu: {h.openWerk.join('; ')}.</Paragraph> : null}
      <Paragraph>
        Regie:{' '}
        {h.regie ? (
          <>
            {h.regie.naam} ({h.regie.organisatie}), <Link href={`mailto:${h.regie.email}`}>{h.regie.email}</Link>
          </>
        ) : (
          'niemand heeft regie'
        )}
      </Paragraph>
      {h.betrokkenOrganisaties.length > 0 ? <Paragraph>Betrokken: {h.betrokkenOrganisaties.join(', ')}.</Paragraph> : null}
    </li>
  );
}

export function RadarKaart({ treffer, kopNiveau, children }: { treffer: RadarTreffer; kopNiveau: 3 | 4; children?: ReactNode }) {
  const k = treffer.kandidaat;
  return (
    <article className="sv-kaart sv-radar">
      <Heading level={kopNiveau}>
        {k.naam}
        {k.geboortedatum ? `, geboren ${formatDatum(k.geboortedatum)}` : ''}
      </Heading>
      <Paragraph className="sv-radar__kans">
        <strong>{formatProcent(treffer.kans)}</strong> kans dat dit dezelfde persoon is
      </Paragraph>
      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>Adres</dt>
          <dd>{k.adres ?? 'Onbekend of afgeschermd'}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>BSN</dt>
          <dd>{k.bsn ? <span className="sv-code">{k.bsn}</span> : 'Onbekend'}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Registraties</dt>
          <dd>{k.registraties}</dd>
        </div>
      </dl>
      <Paragraph>
        <strong>Waarom deze persoon?</strong>
      </Paragraph>
      <ul className="sv-lijst">
        {treffer.uitleg.map((u) => (
          <li key={u.field}>
            {radarVeldLabel(u.field)}: {u.uitleg}
          </li>
        ))}
      </ul>
      {k.huishoudens.length > 0 ? (
        <ul className="sv-lijst sv-lijst--kaal">
          {k.huishoudens.map((h, i) => (
            <Huishouden key={h.id} h={h} nummer={i + 1} />
          ))}
        </ul>
      ) : null}
      {children}
    </article>
  );
}
