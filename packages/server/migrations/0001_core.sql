-- Core data model. Every record belongs to exactly one region (the tenant); references between
-- records carry region_id in composite foreign keys so that no row can point into another region.
-- Primary keys are (id, region_id): those foreign keys use them directly, and a lookup by id alone
-- uses their prefix.
-- Allowed values mirror packages/domain/src/model.ts; a test checks they stay equal.

CREATE TABLE region (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
  naam text NOT NULL,
  centrumgemeente_code text NOT NULL,
  bron text NOT NULL
);

CREATE TABLE gemeente (
  code text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
  naam text NOT NULL,
  region_id text NOT NULL REFERENCES region (id),
  inwoners integer NOT NULL CHECK (inwoners >= 0),
  inwoners_peildatum date NOT NULL,
  inwoners_bron text NOT NULL
);
CREATE INDEX gemeente_region_idx ON gemeente (region_id);

CREATE TABLE organisatietype (
  code text PRIMARY KEY,
  naam text NOT NULL,
  omschrijving text NOT NULL
);

CREATE TABLE geweldsvorm (
  code text PRIMARY KEY,
  naam text NOT NULL,
  categorie text REFERENCES geweldsvorm (code),
  omschrijving text NOT NULL
);

CREATE TABLE organisation (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL REFERENCES region (id),
  type text NOT NULL REFERENCES organisatietype (code),
  naam text NOT NULL,
  gemeente_code text REFERENCES gemeente (code),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  UNIQUE (region_id, naam)
);

CREATE TABLE team (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  organisation_id uuid NOT NULL,
  naam text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  UNIQUE (organisation_id, naam),
  FOREIGN KEY (organisation_id, region_id) REFERENCES organisation (id, region_id)
);

CREATE TABLE app_user (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  organisation_id uuid NOT NULL,
  team_id uuid,
  naam text NOT NULL,
  email text NOT NULL CHECK (email = lower(email)),
  actief boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  UNIQUE (email),
  FOREIGN KEY (organisation_id, region_id) REFERENCES organisation (id, region_id),
  FOREIGN KEY (team_id, region_id) REFERENCES team (id, region_id)
);

-- huishouden: every form of living together, including ex-partners who live apart.
CREATE TABLE household (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL REFERENCES region (id),
  source text,
  external_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  UNIQUE (region_id, source, external_id)
);

-- betrokkene: one registration of a person by one sender. Linking registrations that are the
-- same person (radar) builds on top of this table and never rewrites it.
CREATE TABLE person (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL REFERENCES region (id),
  source text,
  external_id text,
  voornamen text,
  roepnaam text,
  tussenvoegsel text,
  achternaam text,
  geboortedatum date,
  geslacht text NOT NULL DEFAULT 'onbekend' CHECK (geslacht IN ('man', 'vrouw', 'anders', 'onbekend')),
  bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  straat text,
  huisnummer integer CHECK (huisnummer > 0),
  huisnummer_toevoeging text,
  postcode text CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  woonplaats text,
  gemeente_code text REFERENCES gemeente (code),
  adres_geheim boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  UNIQUE (region_id, source, external_id)
);
CREATE INDEX person_bsn_idx ON person (bsn) WHERE bsn IS NOT NULL;

CREATE TABLE household_member (
  household_id uuid NOT NULL,
  person_id uuid NOT NULL,
  region_id text NOT NULL,
  sinds timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (household_id, person_id),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (person_id, region_id) REFERENCES person (id, region_id)
);
CREATE INDEX household_member_person_idx ON household_member (person_id);

-- Directed: van is partner/ouder/grootouder/... of naar.
CREATE TABLE person_relation (
  van_person_id uuid NOT NULL,
  naar_person_id uuid NOT NULL,
  region_id text NOT NULL,
  type text NOT NULL CHECK (type IN ('partner', 'ex-partner', 'ouder', 'grootouder', 'broer-zus', 'verzorger', 'overig')),
  PRIMARY KEY (van_person_id, naar_person_id, type),
  CHECK (van_person_id <> naar_person_id),
  FOREIGN KEY (van_person_id, region_id) REFERENCES person (id, region_id),
  FOREIGN KEY (naar_person_id, region_id) REFERENCES person (id, region_id)
);
CREATE INDEX person_relation_naar_idx ON person_relation (naar_person_id);

-- contact: an advies or a melding as received by Veilig Thuis.
CREATE TABLE contact (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL REFERENCES region (id),
  gemeente_code text NOT NULL REFERENCES gemeente (code),
  type text NOT NULL CHECK (type IN ('advies', 'melding')),
  status text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'ingetrokken')),
  ontvangen_op timestamptz NOT NULL,
  kanaal text NOT NULL CHECK (kanaal IN ('telefoon', 'chat', 'email', 'formulier', 'publiek-formulier', 'politie-import', 'import', 'post', 'overig')),
  melder_type text NOT NULL CHECK (melder_type IN ('politie', 'beroepskracht', 'niet-beroepsmatig')),
  melder_sector text CHECK (melder_sector IN ('gezondheidszorg', 'ggz', 'kinderopvang', 'onderwijs', 'leerplicht', 'jeugdzorg', 'justitie-en-veiligheid', 'vt-andere-regio', 'andere-organisatie')),
  melder_relatie text CHECK (melder_relatie IN ('familie', 'buren', 'betrokkene-zelf', 'anoniem', 'overig')),
  melder_anoniem boolean NOT NULL DEFAULT false,
  melder_anoniem_reden text,
  household_id uuid,
  omschrijving text,
  acuut_gevaar boolean NOT NULL DEFAULT false,
  source text NOT NULL,
  external_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  UNIQUE (region_id, source, external_id),
  CHECK ((melder_type = 'beroepskracht') = (melder_sector IS NOT NULL)),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id)
);
CREATE INDEX contact_region_time_idx ON contact (region_id, ontvangen_op);
CREATE INDEX contact_household_idx ON contact (household_id);

-- Melder identity is kept apart from the contact: it is visible to Veilig Thuis only.
CREATE TABLE melder_identiteit (
  contact_id uuid PRIMARY KEY,
  region_id text NOT NULL,
  naam text,
  organisatie text,
  telefoon text,
  email text,
  FOREIGN KEY (contact_id, region_id) REFERENCES contact (id, region_id)
);

CREATE TABLE contact_person (
  contact_id uuid NOT NULL,
  person_id uuid NOT NULL,
  region_id text NOT NULL,
  rol text NOT NULL CHECK (rol IN ('slachtoffer', 'pleger', 'kind', 'getuige', 'overig')),
  PRIMARY KEY (contact_id, person_id),
  FOREIGN KEY (contact_id, region_id) REFERENCES contact (id, region_id),
  FOREIGN KEY (person_id, region_id) REFERENCES person (id, region_id)
);
CREATE INDEX contact_person_person_idx ON contact_person (person_id);

CREATE TABLE contact_geweldsvorm (
  contact_id uuid NOT NULL,
  geweldsvorm_code text NOT NULL REFERENCES geweldsvorm (code),
  region_id text NOT NULL,
  PRIMARY KEY (contact_id, geweldsvorm_code),
  FOREIGN KEY (contact_id, region_id) REFERENCES contact (id, region_id)
);
