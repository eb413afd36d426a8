import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { privacyApi, type AuditRegel } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { aantalMet, formatDatum, formatDatumTijd } from '../format';
import { auditActieLabel, auditUitkomstLabel, recordTypeLabel } from '../labels';
import { bekendeGebruiker, bekendePersoon, onthoudGebruiker } from '../privacyGeheugen';
import { PRIVACY_ROLLEN, rolNaam } from '../rollen';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { privacyGebruikerPath } from './PrivacyPage';

type Soort = 'persoon' | 'gebruiker';

function rollenVan(rol: string | null): string {
  if (!rol) return '';
  return rol
    .split(',')
    .map((r) => rolNaam(r.trim()))
    .join(', ');
}

function AuditTabel({ regels, caption, soort }: { regels: AuditRegel[]; caption: string; soort: Soort }) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table sv-audit-tabel">
        <TableCaption id={captionId} className="sv-table__caption">
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
            <TableHeaderCell scope="col">Wie</TableHeaderCell>
            <TableHeaderCell scope="col">Organisatie en rol</TableHeaderCell>
            <TableHeaderCell scope="col">Wat</TableHeaderCell>
            <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
            <TableHeaderCell scope="col">Waarom (doel)</TableHeaderCell>
            <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {regels.map((r, i) => (
            <TableRow key={`${r.op}-${i}`}>
              <TableHeaderCell scope="row" className="sv-nowrap">
                <time dateTime={r.op}>{formatDatumTijd(r.op)}</time>
              </TableHeaderCell>
              <TableCell>
                {r.actor ? (
                  soort === 'persoon' ? (
                    <AppLink href={privacyGebruikerPath(r.actor.id)} onClick={() => r.actor && onthoudGebruiker(r.actor.id, r.actor.naam)}>
                      {r.actor.naam}
                    </AppLink>
                  ) : (
                    r.actor.naam
                  )
                ) : (
                  'Systeem of onbekend'
                )}
              </TableCell>
              <TableCell>
                {[r.organisatie, rollenVan(r.rol)].filter(Boolean).join(' · ') || 'Onbekend'}
              </TableCell>
              <TableCell>{auditActieLabel(r.actie)}</TableCell>
              <TableCell>
                {r.recordType ? (
                  <>
                    {recordTypeLabel(r.recordType)}
                    {r.recordId ? (
                      <>
                        {' '}
                        <code className="sv-code sv-id">{r.recordId}</code>
                      </>
                    ) : null}
                  </>
                ) : (
                  'Niet vastgelegd'
                )}
              </TableCell>
              <TableCell className="sv-tekst">{r.doel?.trim() ? r.doel : 'Niet opgegeven'}</TableCell>
              <TableCell>{auditUitkomstLabel(r.uitkomst)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function AuditInhoud({ soort, id }: { soort: Soort; id: string }) {
  const regels = useApi(`audit:${soort}:${id}`, () => (soort === 'persoon' ? privacyApi.auditPersoon(id) : privacyApi.auditGebruiker(id)));
  const [gemaaktOp] = useState(() => new Date().toISOString());
  const persoon = soort === 'persoon' ? bekendePersoon(id) : undefined;
  const gebruikerNaam =
    soort === 'gebruiker'
      ? (bekendeGebruiker(id) ?? (regels.status === 'klaar' ? regels.data.find((r) => r.actor?.id === id)?.actor?.naam : undefined))
      : undefined;

  const titel =
    soort === 'persoon'
      ? persoon
        ? `Inzage: gegevens van ${persoon.naam}`
        : 'Inzage: gegevens van een persoon'
      : gebruikerNaam
        ? `Wat heeft ${gebruikerNaam} gedaan?`
        : 'Wat heeft deze medewerker gedaan?';
  const caption =
    soort === 'persoon'
      ? 'Wie heeft de gegevens gezien of gewijzigd, wanneer en waarom'
      : `Welke gegevens heeft ${gebruikerNaam ?? 'deze medewerker'} gezien of gewijzigd, wanneer en waarom`;

  return (
    <>
      <Paragraph className="sv-back sv-geen-print">
        <AppLink href="/privacy">Terug naar Privacy en audit</AppLink>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <dl className="sv-gegevens">
        {persoon ? (
          <>
            <div className="sv-gegevens__item">
              <dt>Naam</dt>
              <dd>{persoon.naam}</dd>
            </div>
            <div className="sv-gegevens__item">
              <dt>Geboortedatum</dt>
              <dd>{persoon.geboortedatum ? formatDatum(persoon.geboortedatum) : 'Onbekend'}</dd>
            </div>
          </>
        ) : null}
        <div className="sv-gegevens__item">
          <dt>{soort === 'persoon' ? 'Persoonsnummer' : 'Gebruikersnummer'}</dt>
          <dd>
            <code className="sv-code sv-id">{id}</code>
          </dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Overzicht gemaakt op</dt>
          <dd>
            <time dateTime={gemaaktOp}>{formatDatumTijd(gemaaktOp)}</time>
          </dd>
        </div>
      </dl>
      <Paragraph className="sv-intro">
        {soort === 'persoon'
          ? 'Dit overzicht komt uit de audittrail van Samen Veilig. Het laat zien wie de gegevens van deze persoon heeft bekeken of gewijzigd, wanneer, vanuit welke organisatie en rol, en met welk doel. U kunt het afdrukken of als pdf bewaren voor het antwoord op het inzageverzoek.'
          : 'Dit overzicht komt uit de audittrail van Samen Veilig. Het laat zien wat deze medewerker heeft bekeken of gewijzigd, wanneer en met welk doel.'}
      </Paragraph>
      <div className="sv-geen-print sv-form__acties">
        <Button type="button" appearance="secondary-action-button" onClick={() => window.print()} disabled={regels.status !== 'klaar'}>
          Afdrukken of opslaan als pdf
        </Button>
      </div>
      {regels.status === 'laden' ? <Laden wat="gegevens uit de audittrail" /> : null}
      {regels.status === 'fout' ? <Foutmelding error={regels.error} titel="Het lukt niet om de audittrail te laden" /> : null}
      {regels.status === 'klaar' && regels.data.length === 0 ? (
        <Paragraph>
          {soort === 'persoon'
            ? 'Niemand heeft de gegevens van deze persoon bekeken of gewijzigd.'
            : 'Deze medewerker heeft nog niets bekeken of gewijzigd.'}
        </Paragraph>
      ) : null}
      {regels.status === 'klaar' && regels.data.length > 0 ? (
        <>
          <Paragraph>{aantalMet(regels.data.length, 'regel', 'regels')} gevonden.</Paragraph>
          <AuditTabel regels={regels.data} caption={caption} soort={soort} />
        </>
      ) : null}
    </>
  );
}

export function AuditPage({ soort, id }: { soort: Soort; id: string }) {
  // No names in the tab title: it ends up in the browser history (and on printouts).
  usePageTitle(soort === 'persoon' ? 'Inzage persoon' : 'Activiteit medewerker');
  return <Beveiligd rollen={PRIVACY_ROLLEN}>{() => <AuditInhoud soort={soort} id={id} />}</Beveiligd>;
}
