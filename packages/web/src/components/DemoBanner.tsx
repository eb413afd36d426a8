import { Alert, Paragraph } from '@utrecht/component-library-react';

/** Warns on every page that the installation runs on made-up data. */
export function DemoBanner() {
  return (
    <Alert type="warning" role="status" className="sv-demo-banner">
      <Paragraph>
        <strong>Demonstratie met synthetische gegevens:</strong> alle personen en meldingen zijn verzonnen. Voer hier geen echte
        gegevens in.
      </Paragraph>
    </Alert>
  );
}
