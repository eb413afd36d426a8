/**
 * The region's deadlines: the acute target, the regional deadline of the veiligheidsbeoordeling (never later
 * than the legal 5 working days) and the target of a VT onderzoek. Saving recomputes open meldingen at once.
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Beveiligd } from '../components/Beveiligd';
import { FoutSamenvatting, useFormulier, type VeldFout } from '../components/Formulier';
import { Instellingen } from '../components/Instellingen';
import { BEHEER_NAV, SubNav } from '../components/SubNav';
import { Keuzerondjes, Tekstveld } from '../components/Velden';
import { aantalMet } from '../format';
import { BEHEER_ROLLEN } from '../rollen';
import { usePageTitle } from '../usePageTitle';
import { voordeurApi, type TermijnInstellingen } from '../voordeurApi';

const VELDEN: Record<string, string> = { acuutMinuten: 'term-acuut', beoordeling: 'term-aantal', onderzoekWeken: 'term-onderzoek' };

function getal(id: string, waarde: string, naam: string, fouten: VeldFout[]): number {
  if (!/^\d{1,5}$/.test(waarde.trim())) fouten.push({ id, tekst: `Vul bij ${naam} een heel getal in.` });
  return Number(waarde.trim());
}

function TermijnFormulier({ inst, klaar }: { inst: TermijnInstellingen; klaar: (tekst: string) => void }) {
  const f = useFormulier('termijnen-fouten');
  const [acuut, setAcuut] = useState(String(inst.acuutMinuten));
  const [eenheid, setEenheid] = useState<string>(inst.beoordeling.eenheid);
  const [aantal, setAantal] = useState(String(inst.beoordeling.aantal));
  const [onderzoek, setOnderzoek] = useState(String(inst.onderzoekWeken));

  const opslaan = () => {
    const fouten: VeldFout[] = [];
    const body = {
      acuutMinuten: getal('term-acuut', acuut, 'de acute termijn', fouten),
      beoordeling: { eenheid: eenheid === 'uren' ? ('uren' as const) : ('werkdagen' as const), aantal: getal('term-aantal', aantal, 'de regionale termijn', fouten) },
      onderzoekWeken: getal('term-onderzoek', onderzoek, 'de onderzoekstermijn', fouten),
      versie: inst.versie,
    };
    void f.verstuur(
      async () => {
        const r = await voordeurApi.termijnenOpslaan(body);
        await klaar(`De termijnen zijn opgeslagen. ${aantalMet(r.herberekend, 'open melding heeft', 'open meldingen hebben')} een nieuwe termijn gekregen.`);
      },
      { controle: () => fouten, velden: (pad) => VELDEN[pad.split('.')[0] ?? ''] ?? null },
    );
  };

  return (
    <form
      className="sv-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        opslaan();
      }}
    >
      <FoutSamenvatting id="termijnen-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => klaar('De termijnen zijn opnieuw geladen.') : null} kopNiveau={2} />
      <Tekstveld id="term-acuut" label="Acute meldingen: termijn in minuten" uitleg="Van 5 tot 1440 minuten (24 uur)." verplicht inputMode="numeric" className="sv-veld--kort" waarde={acuut} onWijzig={setAcuut} fout={f.foutVan('term-acuut')} />
      <Keuzerondjes
        id="term-eenheid"
        legenda="Regionale termijn van de veiligheidsbeoordeling in"
        verplicht
        keuzes={[
          { waarde: 'werkdagen', label: 'Werkdagen (na de dag van ontvangst)' },
          { waarde: 'uren', label: 'Uren (na ontvangst)' },
        ]}
        waarde={eenheid}
        onWijzig={setEenheid}
      />
      <Tekstveld
        id="term-aantal"
        label={`Regionale termijn: aantal ${eenheid === 'uren' ? 'uren' : 'werkdagen'}`}
        uitleg="De wettelijke termijn van 5 werkdagen geldt altijd; de regionale termijn kan alleen korter zijn."
        verplicht
        inputMode="numeric"
        className="sv-veld--kort"
        waarde={aantal}
        onWijzig={setAantal}
        fout={f.foutVan('term-aantal')}
      />
      <Tekstveld id="term-onderzoek" label="Onderzoek door Veilig Thuis: termijn in weken" uitleg="Ten hoogste 10 weken (de norm)." verplicht inputMode="numeric" className="sv-veld--kort" waarde={onderzoek} onWijzig={setOnderzoek} fout={f.foutVan('term-onderzoek')} />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Termijnen opslaan
        </Button>
      </div>
    </form>
  );
}


export function BeheerTermijnenPage() {
  usePageTitle('Termijnen');
  return (
    <Beveiligd rollen={BEHEER_ROLLEN}>
      {() => (
        <>
          <Heading level={1}>Termijnen</Heading>
          <SubNav label="Beheer" items={BEHEER_NAV} huidig="/beheer/termijnen" />
          <Paragraph className="sv-intro">
            Hoe snel Veilig Thuis in uw regio een melding beoordeelt. Als u de termijnen wijzigt, krijgen open meldingen meteen een nieuwe termijn.
          </Paragraph>
          <Instellingen id="termijnen" wat="de termijnen" laad={() => voordeurApi.termijnen()}>
            {(inst, klaar) => (
              <>
                {!inst.opgeslagen ? <Paragraph>Uw regio gebruikt nu de standaardtermijnen.</Paragraph> : null}
                <TermijnFormulier key={inst.versie} inst={inst} klaar={klaar} />
              </>
            )}
          </Instellingen>
        </>
      )}
    </Beveiligd>
  );
}
