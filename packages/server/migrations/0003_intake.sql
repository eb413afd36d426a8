-- The Veilig Thuis front door: deadlines per region, the veiligheidsbeoordeling with four-eyes
-- decisions, handovers the receiver accepts, the radar (blocking keys, person identities, candidates,
-- rejected pairs), intake drafts and in-app notifications.
-- Allowed values mirror packages/domain/src (beoordeling.ts, model.ts, notificaties.ts); a test checks they stay equal.

-- Deadline settings of a region (absent: the defaults of the domain, DEFAULT_TERMIJN_INSTELLINGEN).
CREATE TABLE regio_instelling (
  region_id text PRIMARY KEY REFERENCES region (id),
  acuut_minuten integer NOT NULL CHECK (acuut_minuten BETWEEN 5 AND 1440),
  beoordeling_eenheid text NOT NULL CHECK (beoordeling_eenheid IN ('werkdagen', 'uren')),
  beoordeling_aantal integer NOT NULL CHECK (beoordeling_aantal > 0),
  onderzoek_weken integer NOT NULL CHECK (onderzoek_weken BETWEEN 1 AND 10),
  versie integer NOT NULL DEFAULT 1,
  bijgewerkt_op timestamptz NOT NULL DEFAULT now(),
  bijgewerkt_door uuid
);

-- A team's lead (notified of overdue work) and the gemeenten it serves (new meldingen go to its queue).
ALTER TABLE team ADD COLUMN teamleider_id uuid;
ALTER TABLE team ADD COLUMN versie integer NOT NULL DEFAULT 1;
ALTER TABLE team ADD CONSTRAINT team_teamleider_fk FOREIGN KEY (teamleider_id, region_id) REFERENCES app_user (id, region_id);
CREATE TABLE team_werkgebied (
  team_id uuid NOT NULL,
  region_id text NOT NULL,
  organisation_id uuid NOT NULL,
  gemeente_code text NOT NULL REFERENCES gemeente (code),
  PRIMARY KEY (team_id, gemeente_code),
  -- Within one organisation a gemeente belongs to one team.
  UNIQUE (organisation_id, gemeente_code),
  FOREIGN KEY (team_id, region_id) REFERENCES team (id, region_id),
  FOREIGN KEY (organisation_id, region_id) REFERENCES organisation (id, region_id)
);

-- When a contact became a melding: its receipt, or the moment an advies was converted.
ALTER TABLE contact ADD COLUMN melding_op timestamptz;
UPDATE contact SET melding_op = ontvangen_op WHERE type = 'melding';
ALTER TABLE contact ADD CONSTRAINT contact_melding_op_check CHECK (type <> 'melding' OR melding_op IS NOT NULL);
ALTER TABLE contact ADD COLUMN versie integer NOT NULL DEFAULT 1;

-- What happened to a contact after its registration (its history is never rewritten).
CREATE TABLE contact_gebeurtenis (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  contact_id uuid NOT NULL,
  soort text NOT NULL CHECK (soort IN ('omgezet-naar-melding', 'omgezet-naar-advies', 'ingetrokken')),
  op timestamptz NOT NULL DEFAULT now(),
  door uuid,
  toelichting text,
  PRIMARY KEY (id, region_id),
  FOREIGN KEY (contact_id, region_id) REFERENCES contact (id, region_id),
  FOREIGN KEY (door, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX contact_gebeurtenis_contact_idx ON contact_gebeurtenis (contact_id);

-- A household that turned out to be one already known (radar) is merged into it, never deleted.
ALTER TABLE household ADD COLUMN samengevoegd_in uuid;
ALTER TABLE household ADD COLUMN samengevoegd_op timestamptz;
ALTER TABLE household ADD CONSTRAINT household_samengevoegd_fk FOREIGN KEY (samengevoegd_in, region_id) REFERENCES household (id, region_id);
ALTER TABLE household ADD CONSTRAINT household_samengevoegd_check CHECK (samengevoegd_in IS NULL OR samengevoegd_in <> id);

-- The veiligheidsbeoordeling of one melding: its deadlines (data, not timers), the assessment being
-- filled in, and the outcome. Decision details live in besluit; the outcome columns here serve the queue
-- and the figures, also for assessments imported from earlier systems (bron 'import').
CREATE TABLE beoordeling (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  contact_id uuid NOT NULL,
  team_id uuid,
  toegewezen_aan uuid,
  status text NOT NULL CHECK (status IN ('open', 'voorgesteld', 'onderzoek', 'overdracht', 'afgerond')),
  acuut boolean NOT NULL,
  ontvangen_op timestamptz NOT NULL,
  deadline_wettelijk timestamptz NOT NULL,
  deadline_regionaal timestamptz NOT NULL,
  deadline_acuut timestamptz,
  -- The deadline of the work that is open now (assessment, onderzoek, a new decision, the receiver's answer); null when afgerond.
  deadline timestamptz,
  te_laat_gemeld_op timestamptz,
  acuut_afgehandeld_op timestamptz,
  beoordeeld_op timestamptz,
  besluit_soort text CHECK (besluit_soort IN ('einde-bemoeienis', 'omzetten-naar-advies', 'overdracht', 'voorwaarden-en-vervolg', 'vt-onderzoek', 'verzoek-rvdk', 'acute-inzet')),
  overdracht_naar text CHECK (overdracht_naar IN ('lokaal-team', 'betrokken-hulp', 'multidisciplinair-team')),
  onderzoek_gestart_op timestamptz,
  onderzoek_deadline timestamptz,
  onderzoek_afgerond_op timestamptz,
  onderzoek_uitkomst text CHECK (onderzoek_uitkomst IN ('bevestigd', 'niet-bevestigd', 'weerlegd')),
  vervolg_besluit_soort text CHECK (vervolg_besluit_soort IN ('einde-bemoeienis', 'omzetten-naar-advies', 'overdracht', 'voorwaarden-en-vervolg', 'vt-onderzoek', 'verzoek-rvdk', 'acute-inzet')),
  afgerond_op timestamptz,
  inhoud jsonb NOT NULL DEFAULT '{}',
  bron text NOT NULL DEFAULT 'app' CHECK (bron IN ('app', 'import')),
  versie integer NOT NULL DEFAULT 1,
  bijgewerkt_op timestamptz NOT NULL DEFAULT now(),
  bijgewerkt_door uuid,
  PRIMARY KEY (id, region_id),
  UNIQUE (contact_id),
  CHECK ((status = 'afgerond') = (deadline IS NULL)),
  CHECK ((status = 'afgerond') = (afgerond_op IS NOT NULL)),
  FOREIGN KEY (contact_id, region_id) REFERENCES contact (id, region_id),
  FOREIGN KEY (team_id, region_id) REFERENCES team (id, region_id),
  FOREIGN KEY (toegewezen_aan, region_id) REFERENCES app_user (id, region_id)
);
-- The queue: open work by deadline; the deadline job: open work past its deadline not yet reported.
CREATE INDEX beoordeling_open_idx ON beoordeling (region_id, deadline) WHERE status <> 'afgerond';
CREATE INDEX beoordeling_ontvangen_idx ON beoordeling (region_id, ontvangen_op);

-- A decision on a melding: proposed by one person, confirmed (or sent back) by a second, qualified one;
-- the proposer may withdraw it before that (ingetrokken). Decisions are never deleted.
CREATE TABLE besluit (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  beoordeling_id uuid NOT NULL,
  fase text NOT NULL CHECK (fase IN ('beoordeling', 'onderzoek')),
  soort text NOT NULL CHECK (soort IN ('einde-bemoeienis', 'omzetten-naar-advies', 'overdracht', 'voorwaarden-en-vervolg', 'vt-onderzoek', 'verzoek-rvdk', 'acute-inzet')),
  inhoud jsonb NOT NULL,
  -- The assessment as it stood when the decision was proposed.
  beoordeling_inhoud jsonb NOT NULL,
  onderzoek_uitkomst text CHECK (onderzoek_uitkomst IN ('bevestigd', 'niet-bevestigd', 'weerlegd')),
  status text NOT NULL CHECK (status IN ('voorgesteld', 'bevestigd', 'teruggestuurd', 'ingetrokken')),
  voorgesteld_door uuid NOT NULL,
  voorgesteld_op timestamptz NOT NULL,
  beoordeeld_door uuid,
  beoordeeld_op timestamptz,
  toelichting text,
  PRIMARY KEY (id, region_id),
  -- Four eyes, also in the database: a decided proposal names a second person.
  CHECK (status IN ('voorgesteld', 'ingetrokken') OR (beoordeeld_door IS NOT NULL AND beoordeeld_op IS NOT NULL AND beoordeeld_door <> voorgesteld_door)),
  CHECK (status <> 'teruggestuurd' OR toelichting IS NOT NULL),
  FOREIGN KEY (beoordeling_id, region_id) REFERENCES beoordeling (id, region_id),
  FOREIGN KEY (voorgesteld_door, region_id) REFERENCES app_user (id, region_id),
  FOREIGN KEY (beoordeeld_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX besluit_beoordeling_idx ON besluit (beoordeling_id);
-- At most one proposal waits per melding.
CREATE UNIQUE INDEX besluit_een_voorstel_idx ON besluit (beoordeling_id) WHERE status = 'voorgesteld';

-- A handover proposed by Veilig Thuis; it takes effect when the receiver accepts (warm overdracht).
CREATE TABLE overdracht (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  beoordeling_id uuid NOT NULL,
  besluit_id uuid NOT NULL,
  household_id uuid NOT NULL,
  soort text CHECK (soort IN ('lokaal-team', 'betrokken-hulp', 'multidisciplinair-team')),
  van_organisation_id uuid NOT NULL,
  naar_organisation_id uuid NOT NULL,
  naar_team_id uuid,
  toelichting text NOT NULL,
  voorwaarden jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('voorgesteld', 'geaccepteerd', 'geweigerd')),
  voorgesteld_op timestamptz NOT NULL,
  beantwoord_door uuid,
  beantwoord_op timestamptz,
  reden text,
  versie integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id, region_id),
  CHECK (status = 'voorgesteld' OR (beantwoord_door IS NOT NULL AND beantwoord_op IS NOT NULL)),
  CHECK (status <> 'geweigerd' OR reden IS NOT NULL),
  FOREIGN KEY (beoordeling_id, region_id) REFERENCES beoordeling (id, region_id),
  FOREIGN KEY (besluit_id, region_id) REFERENCES besluit (id, region_id),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (van_organisation_id, region_id) REFERENCES organisation (id, region_id),
  FOREIGN KEY (naar_organisation_id, region_id) REFERENCES organisation (id, region_id),
  FOREIGN KEY (naar_team_id, region_id) REFERENCES team (id, region_id),
  FOREIGN KEY (beantwoord_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE UNIQUE INDEX overdracht_open_idx ON overdracht (beoordeling_id) WHERE status = 'voorgesteld';
CREATE INDEX overdracht_naar_idx ON overdracht (naar_organisation_id, status);

-- Radar. A person identity groups registrations (person rows) found to be the same person; every
-- registration starts as its own identity. Registrations themselves are never rewritten.
CREATE TABLE person_identiteit (
  person_id uuid PRIMARY KEY,
  region_id text NOT NULL,
  identiteit_id uuid NOT NULL,
  FOREIGN KEY (person_id, region_id) REFERENCES person (id, region_id)
);
CREATE INDEX person_identiteit_identiteit_idx ON person_identiteit (identiteit_id);

-- Blocking keys of every registration (packages/domain/src/radar): a derived index, rebuilt by
-- `samenveilig radar herindexeren`, so it carries no foreign key (it would double the cost of a bulk load).
CREATE TABLE radar_sleutel (
  region_id text NOT NULL,
  sleutel text NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (region_id, sleutel, person_id)
);

-- How often a value (a surname, a first name) occurs among a region's registrations: common values weigh less.
CREATE TABLE radar_frequentie (
  region_id text NOT NULL,
  veld text NOT NULL,
  waarde text NOT NULL,
  aantal integer NOT NULL CHECK (aantal >= 0),
  PRIMARY KEY (region_id, veld, waarde)
);

-- A possible match between a newly entered person and a known one, waiting for a VT worker's decision.
CREATE TABLE radar_kandidaat (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  contact_id uuid NOT NULL,
  person_id uuid NOT NULL,
  kandidaat_person_id uuid NOT NULL,
  kans double precision NOT NULL CHECK (kans >= 0 AND kans <= 1),
  gewicht double precision NOT NULL,
  uitleg jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'bevestigd', 'afgewezen')),
  beslist_door uuid,
  beslist_op timestamptz,
  huishouden_gekoppeld boolean NOT NULL DEFAULT false,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  UNIQUE (person_id, kandidaat_person_id),
  CHECK (person_id <> kandidaat_person_id),
  CHECK (status = 'open' OR (beslist_door IS NOT NULL AND beslist_op IS NOT NULL)),
  FOREIGN KEY (contact_id, region_id) REFERENCES contact (id, region_id),
  FOREIGN KEY (person_id, region_id) REFERENCES person (id, region_id),
  FOREIGN KEY (kandidaat_person_id, region_id) REFERENCES person (id, region_id),
  FOREIGN KEY (beslist_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX radar_kandidaat_contact_idx ON radar_kandidaat (contact_id);

-- Pairs a VT worker judged to be different persons: remembered, never proposed or merged again.
CREATE TABLE radar_afwijzing (
  region_id text NOT NULL,
  person_a uuid NOT NULL,
  person_b uuid NOT NULL,
  door uuid NOT NULL,
  op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b),
  FOREIGN KEY (person_a, region_id) REFERENCES person (id, region_id),
  FOREIGN KEY (person_b, region_id) REFERENCES person (id, region_id),
  FOREIGN KEY (door, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX radar_afwijzing_b_idx ON radar_afwijzing (person_b);

-- A contact being entered on the intake screen, saved while the call goes on; only its author sees it.
CREATE TABLE intake_concept (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  user_id uuid NOT NULL,
  data jsonb NOT NULL,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  bijgewerkt_op timestamptz NOT NULL DEFAULT now(),
  versie integer NOT NULL DEFAULT 1,
  ingediend_contact_id uuid,
  PRIMARY KEY (id, region_id),
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id),
  FOREIGN KEY (ingediend_contact_id, region_id) REFERENCES contact (id, region_id)
);
CREATE INDEX intake_concept_user_idx ON intake_concept (user_id, bijgewerkt_op DESC);

-- In-app notifications. They hold no personal data: a title about the kind of work and a link to it.
CREATE TABLE notificatie (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  user_id uuid NOT NULL,
  soort text NOT NULL CHECK (soort IN ('termijn-verlopen', 'besluit-te-bevestigen', 'besluit-bevestigd', 'besluit-teruggestuurd',
    'overdracht-voorgesteld', 'overdracht-beantwoord', 'melding-bekend-huishouden')),
  titel text NOT NULL,
  link text,
  bron_type text,
  bron_id uuid,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  gelezen_op timestamptz,
  PRIMARY KEY (id, region_id),
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX notificatie_user_idx ON notificatie (user_id, aangemaakt_op DESC);

-- Records no longer reference the reference tables (region, gemeente, geweldsvorm) by foreign key. A
-- foreign key share-locks the row it points at for the rest of the transaction; every intake of a region
-- points at the same region and gemeente rows, so concurrent intakes queued on those locks (multixacts),
-- about a quarter of the database's time per melding (bench/intake). The codes are checked by the domain
-- before anything is stored (known gemeente, known form of violence, the region of the gemeente), their
-- shape by the CHECKs below, and a record keeps the gemeente it was registered under even when a
-- municipal merger (herindeling) removes that code from the current list. Region isolation between
-- records is unchanged: the composite (id, region_id) foreign keys between records stay.
ALTER TABLE household DROP CONSTRAINT household_region_id_fkey;
ALTER TABLE person DROP CONSTRAINT person_region_id_fkey;
ALTER TABLE person DROP CONSTRAINT person_gemeente_code_fkey;
ALTER TABLE contact DROP CONSTRAINT contact_region_id_fkey;
ALTER TABLE contact DROP CONSTRAINT contact_gemeente_code_fkey;
ALTER TABLE contact_geweldsvorm DROP CONSTRAINT contact_geweldsvorm_geweldsvorm_code_fkey;
ALTER TABLE household ADD CONSTRAINT household_region_id_check CHECK (region_id ~ '^[a-z0-9-]+$');
ALTER TABLE person ADD CONSTRAINT person_region_id_check CHECK (region_id ~ '^[a-z0-9-]+$');
ALTER TABLE person ADD CONSTRAINT person_gemeente_code_check CHECK (gemeente_code ~ '^GM[0-9]{4}$');
ALTER TABLE contact ADD CONSTRAINT contact_region_id_check CHECK (region_id ~ '^[a-z0-9-]+$');
ALTER TABLE contact ADD CONSTRAINT contact_gemeente_code_check CHECK (gemeente_code ~ '^GM[0-9]{4}$');
ALTER TABLE contact_geweldsvorm ADD CONSTRAINT contact_geweldsvorm_code_check CHECK (geweldsvorm_code ~ '^[a-z0-9-]+(\.[a-z0-9-]+)*$');
