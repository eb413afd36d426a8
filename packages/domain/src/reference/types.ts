/** Shapes of the reference data that is versioned in this repository. */

/** A regional chain: one centrumgemeente and its gemeenten (a Veilig Thuis region or part of one). */
export interface RegionRef {
  /** Stable slug, used as region id in the database, e.g. "noord-veluwe-mijov". */
  readonly id: string;
  readonly naam: string;
  /** CBS gemeentecode of the centrumgemeente, e.g. "GM0200". */
  readonly centrumgemeenteCode: string;
  /** Which source document describes this region, e.g. "seed 001". */
  readonly bron: string;
}

export interface GemeenteRef {
  /** CBS gemeentecode, "GM" + four digits. */
  readonly code: string;
  readonly naam: string;
  readonly regionId: string;
  /** Number of inhabitants on `inwonersPeildatum`. */
  readonly inwoners: number;
  /** ISO date the inhabitant count refers to, e.g. "2024-01-01". */
  readonly inwonersPeildatum: string;
  /** Source of the inhabitant count, e.g. "CBS StatLine 03759ned". */
  readonly inwonersBron: string;
  /** Inclusive ranges of four-digit postcodes that lie (mostly) in this gemeente. */
  readonly postcodeRanges: readonly (readonly [number, number])[];
  /** Principal woonplaatsen (places) in this gemeente, first the main one. */
  readonly woonplaatsen: readonly string[];
}

/** A form of violence; forms are grouped under a category (a form whose `categorie` is null). */
export interface GeweldsvormRef {
  /** Stable code, e.g. "kindermishandeling" or "kindermishandeling.verwaarlozing". */
  readonly code: string;
  readonly naam: string;
  /** Code of the category this form belongs to; null for a category itself. */
  readonly categorie: string | null;
  readonly omschrijving: string;
}

/** A type of organisation in the chain (DOMAIN.md "The actors"). */
export interface OrganisatietypeRef {
  readonly code: string;
  readonly naam: string;
  readonly omschrijving: string;
}
