import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { MouseEvent, ReactNode } from 'react';
import type { ApiError } from '../api';
import { focusOp } from './Velden';

export interface VeldFout {
  /** Id of the field (or fieldset) the error belongs to. */
  id: string;
  tekst: string;
}

/**
 * Error summary above a form: a list of links to the fields with an error. Gets focus after a failed
 * submit, so screen reader users hear what went wrong.
 */
export function FoutSamenvatting({ id, fouten, melding }: { id: string; fouten: VeldFout[]; melding?: string | null }) {
  if (fouten.length === 0 && !melding) return null;
  const ga = (event: MouseEvent<HTMLAnchorElement>, veld: string) => {
    event.preventDefault();
    focusOp(veld);
  };
  return (
    <Alert type="error" className="sv-alert sv-foutsamenvatting" id={id} tabIndex={-1} role="alert">
      <Heading level={3} className="sv-foutsamenvatting__kop">
        {fouten.length > 0 ? 'Controleer wat u heeft ingevuld' : 'Opslaan is niet gelukt'}
      </Heading>
      {melding ? <Paragraph>{melding}</Paragraph> : null}
      {fouten.length > 0 ? (
        <ul className="sv-lijst">
          {fouten.map((f) => (
            <li key={f.id + f.tekst}>
              <a href={`#${f.id}`} onClick={(e) => ga(e, f.id)}>
                {f.tekst}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/**
 * Field errors from a server answer with `issues` (path "body.email" → field id via `velden`).
 * Issues without a known field end up in the general message.
 */
export function serverFouten(error: ApiError, velden: Record<string, string>): { fouten: VeldFout[]; melding: string | null } {
  const fouten: VeldFout[] = [];
  for (const issue of error.issues) {
    const naam = issue.path.replace(/^body\./, '').split('.')[0] ?? '';
    const id = velden[naam];
    if (id) fouten.push({ id, tekst: issue.message });
  }
  return { fouten, melding: fouten.length === error.issues.length && fouten.length > 0 ? null : error.message };
}

/** A short confirmation after an action ("Opgeslagen."), announced by screen readers. */
export function Bevestiging({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <Alert type="ok" role="status" className="sv-alert" id={id} tabIndex={-1}>
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
