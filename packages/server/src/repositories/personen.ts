/** How a person registration is shown to an actor: the secret address only to those the policy allows. */
import { can, type Actor } from '@samenveilig/domain';

export interface PersonRow {
  id: string;
  voornamen: string | null;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  geboortedatum: string | null;
  geslacht: string;
  bsn: string | null;
  straat: string | null;
  huisnummer: number | null;
  huisnummer_toevoeging: string | null;
  postcode: string | null;
  woonplaats: string | null;
  adres_geheim: boolean;
  adres_houder_organisation_id: string | null;
}

/** The columns of PersonRow on person alias p. */
export const PERSON_COLUMNS = `p.id, p.voornamen, p.roepnaam, p.tussenvoegsel, p.achternaam, p.geboortedatum, p.geslacht, p.bsn, p.straat, p.huisnummer,
  p.huisnummer_toevoeging, p.postcode, p.woonplaats, p.adres_geheim, p.adres_houder_organisation_id`;

export function personView(actor: Actor, p: PersonRow, casusregisseur: string | null, now: Date) {
  const mayAddress =
    !p.adres_geheim ||
    can(actor, 'read', { type: 'geheim-adres', regionId: actor.regionId, holderOrganisationId: p.adres_houder_organisation_id, casusregisseurUserId: casusregisseur }, now);
  return {
    id: p.id,
    voornamen: p.voornamen,
    roepnaam: p.roepnaam,
    tussenvoegsel: p.tussenvoegsel,
    achternaam: p.achternaam,
    geboortedatum: p.geboortedatum,
    geslacht: p.geslacht,
    bsn: p.bsn,
    adres:
      mayAddress && p.straat
        ? { straat: p.straat, huisnummer: p.huisnummer!, huisnummerToevoeging: p.huisnummer_toevoeging, postcode: p.postcode!, woonplaats: p.woonplaats! }
        : null,
    adresAfgeschermd: !mayAddress,
  };
}
