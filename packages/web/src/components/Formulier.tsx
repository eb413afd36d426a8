import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { ApiError } from '../api';
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
export function FoutSamenvatting({
  id,
  fouten,
  melding,
  opnieuwLaden,
  kopNiveau = 3,
  wijzigingen = [],
}: {
  id: string;
  fouten: VeldFout[];
  melding?: string | null;
  /** After a 409: what the other person changed since the version this change was made on (the server's lines). */
  wijzigingen?: readonly string[];
  /** Level of its heading: one below the heading of the part of the page it stands in. */
  kopNiveau?: 2 | 3 | 4;
  /** Someone else changed the data (409): offer to load it again instead of overwriting it. */
  opnieuwLaden?: (() => void) | null;
}) {
  if (fouten.length === 0 && !melding) return null;
  const ga = (event: MouseEvent<HTMLAnchorElement>, veld: string) => {
    event.preventDefault();
    focusOp(veld);
  };
  return (
    <Alert type="error" className="sv-alert sv-foutsamenvatting" id={id} tabIndex={-1} role="alert">
      <Heading level={kopNiveau} className="sv-foutsamenvatting__kop">
        {fouten.length > 0 ? 'Controleer wat u heeft ingevuld' : 'Opslaan is niet gelukt'}
      </Heading>
      {melding ? <Paragraph>{melding}</Paragraph> : null}
      {wijzigingen.length > 0 ? (
        <>
          <Paragraph>Wat er intussen is veranderd:</Paragraph>
          <ul className="sv-lijst">
            {wijzigingen.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      {opnieuwLaden ? (
        <div className="sv-form__acties">
          <Button type="button" appearance="secondary-action-button" onClick={opnieuwLaden}>
            Gegevens opnieuw laden
          </Button>
        </div>
      ) : null}
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
 * Which field an issue of the server belongs to: a map from the first part of the path ("body.email" → "email")
 * to a field id, or a function of the whole path without "body." (e.g. "contact.personen.1.bsn").
 */
export type VeldKoppeling = Record<string, string> | ((pad: string) => string | null);

/**
 * Field errors from a server answer with `issues` (path "body.email" → field id via `velden`).
 * Issues without a known field end up in the general message.
 */
export function serverFouten(error: ApiError, velden: VeldKoppeling): { fouten: VeldFout[]; melding: string | null } {
  const fouten: VeldFout[] = [];
  for (const issue of error.issues) {
    const pad = issue.path.replace(/^body\./, '');
    const id = typeof velden === 'function' ? velden(pad) : velden[pad.split('.')[0] ?? ''];
    if (id) fouten.push({ id, tekst: hoofdletter(issue.message) });
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

const hoofdletter = (tekst: string) => tekst.charAt(0).toUpperCase() + tekst.slice(1);

export interface Formulier {
  fouten: VeldFout[];
  melding: string | null;
  /** True after a 409: someone else changed the data; the page offers to load it again. */
  conflict: boolean;
  /** After a 409 whose answer lists what changed (the plan): those lines, to show in the summary. */
  wijzigingen: string[];
  bezig: boolean;
  foutVan: (id: string) => string | undefined;
  /**
   * Checks the form (`controle` returns the errors found before sending), then runs `actie`. Errors of the
   * server are shown next to their fields (`velden`) and in the summary, which gets focus. Resolves to true
   * when `actie` succeeded.
   */
  verstuur: (actie: () => Promise<unknown>, opties?: { controle?: () => VeldFout[]; velden?: VeldKoppeling; standaard?: string }) => Promise<boolean>;
  wis: () => void;
}

/** State and submit logic shared by the forms: busy flag, field errors, error summary (`samenvattingId`) and 409. */
export function useFormulier(samenvattingId: string): Formulier {
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [melding, setMelding] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [wijzigingen, setWijzigingen] = useState<string[]>([]);
  const [bezig, setBezig] = useState(false);
  // Counts failed submits; the summary gets focus after it has been rendered.
  const [mislukt, setMislukt] = useState(0);
  useEffect(() => {
    if (mislukt > 0) focusOp(samenvattingId);
  }, [mislukt, samenvattingId]);

  const verstuur: Formulier['verstuur'] = async (actie, opties = {}) => {
    if (bezig) return false;
    const vooraf = opties.controle?.() ?? [];
    setFouten(vooraf);
    setMelding(null);
    setConflict(false);
    setWijzigingen([]);
    if (vooraf.length > 0) {
      setMislukt((n) => n + 1);
      return false;
    }
    setBezig(true);
    try {
      await actie();
      return true;
    } catch (error) {
      if (error instanceof ApiError) {
        const f = serverFouten(error, opties.velden ?? {});
        setFouten(f.fouten);
        setMelding(f.melding);
        setConflict(error.status === 409);
        if (error.status === 409) setWijzigingen(error.issues.map((i) => i.message));
      } else {
        setMelding(opties.standaard ?? 'Opslaan is niet gelukt. Probeer het opnieuw.');
      }
      setMislukt((n) => n + 1);
      return false;
    } finally {
      setBezig(false);
    }
  };

  return {
    fouten,
    melding,
    conflict,
    wijzigingen,
    bezig,
    foutVan: (id) => fouten.find((f) => f.id === id)?.tekst,
    verstuur,
    wis: () => {
      setFouten([]);
      setMelding(null);
      setConflict(false);
      setWijzigingen([]);
    },
  };
}
