import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ApiError } from '../api';

/** Shown while data loads. */
export function Laden({ wat = 'gegevens' }: { wat?: string }) {
  return (
    <Paragraph className="sv-laden" role="status">
      Even geduld: de {wat} worden geladen.
    </Paragraph>
  );
}

/** Shows the Dutch message of a failed request. */
export function Foutmelding({ error, titel = 'Het lukt niet om de gegevens te laden' }: { error: ApiError; titel?: string }) {
  return (
    <Alert type="error" className="sv-alert">
      <Paragraph>
        <strong>{titel}.</strong> {error.message}
      </Paragraph>
    </Alert>
  );
}
