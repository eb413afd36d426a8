-- One household, one plan, one director: active dossiers under regie (the invariant enforced here),
-- regie handed over by proposal and acceptance, the shared veiligheidsplan with versions and phases,
-- TOP-3 sessions, check moments after a handover, and e-mail for notifications (an outbox).
-- Allowed values mirror packages/domain/src (plan.ts, regie.ts, top3.ts, notificaties.ts); a test checks they stay equal.

-- Region settings of the plan: the exit criterion of directe veiligheid, the check moments after a handover.
ALTER TABLE regio_instelling ADD COLUMN dagen_zonder_geweld integer NOT NULL DEFAULT 91 CHECK (dagen_zonder_geweld BETWEEN 0 AND 730);
ALTER TABLE regio_instelling ADD COLUMN controle_maanden integer[] NOT NULL DEFAULT '{3,12}'
  CHECK (cardinality(controle_maanden) BETWEEN 1 AND 6 AND 0 < ALL (controle_maanden) AND 37 > ALL (controle_maanden));

-- An active household: a dossier under regie (from the accepted handover until it is closed).
ALTER TABLE household ADD COLUMN actief_sinds timestamptz;
ALTER TABLE household ADD COLUMN afgesloten_op timestamptz;
ALTER TABLE household ADD CONSTRAINT household_afgesloten_check CHECK (afgesloten_op IS NULL OR actief_sinds IS NOT NULL);

-- Regie rows get an id, who assigned them and the proposal they came from; history is kept (tot).
ALTER TABLE household_regie ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE household_regie ADD COLUMN toegewezen_door uuid;
ALTER TABLE household_regie ADD COLUMN voorstel_id uuid;
ALTER TABLE household_regie ADD CONSTRAINT household_regie_pk PRIMARY KEY (id, region_id);
CREATE INDEX household_regie_user_idx ON household_regie (user_id) WHERE tot IS NULL;

-- The invariant, in the database: an active household has exactly one casusregisseur. At most one is
-- the unique index of 0002; at least one is checked when the transaction commits (deferred), so a
-- handover that ends one row and starts the next in one transaction passes, and anything else fails.
CREATE FUNCTION household_heeft_casusregisseur(hh uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM household h WHERE h.id = hh AND h.actief_sinds IS NOT NULL AND h.afgesloten_op IS NULL)
     AND NOT EXISTS (SELECT 1 FROM household_regie r WHERE r.household_id = hh AND r.soort = 'casusregisseur' AND r.tot IS NULL) THEN
    RAISE EXCEPTION 'een actief huishouden heeft een casusregisseur (huishouden %)', hh USING ERRCODE = '23514';
  END IF;
END $$;

CREATE FUNCTION household_regie_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'household' THEN
    PERFORM household_heeft_casusregisseur(NEW.id);
  ELSE
    PERFORM household_heeft_casusregisseur(OLD.household_id);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER household_casusregisseur AFTER INSERT OR UPDATE OF actief_sinds, afgesloten_op ON household
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION household_regie_check();
CREATE CONSTRAINT TRIGGER household_regie_blijft AFTER UPDATE OR DELETE ON household_regie
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION household_regie_check();

-- A user who holds regie is not deactivated or moved to another organisation before a successor accepted it.
CREATE FUNCTION app_user_regie_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ((OLD.actief AND NOT NEW.actief) OR NEW.organisation_id <> OLD.organisation_id)
     AND EXISTS (SELECT 1 FROM household_regie r WHERE r.user_id = OLD.id AND r.tot IS NULL) THEN
    RAISE EXCEPTION 'deze gebruiker heeft regie over een huishouden; draag die eerst over' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER app_user_regie BEFORE UPDATE OF actief, organisation_id ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_regie_check();

-- Nor does a holder of regie lose the last role that can hold it (checked at commit: roles are replaced
-- by a delete and an insert). The list mirrors REGIE_ROLLEN in packages/domain/src/access/roles.ts.
CREATE FUNCTION user_role_regie_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM household_regie r WHERE r.user_id = OLD.user_id AND r.tot IS NULL)
     AND NOT EXISTS (SELECT 1 FROM user_role u WHERE u.user_id = OLD.user_id
                     AND u.rol IN ('lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper', 'opvang', 'csg', 'zvh-coordinator')) THEN
    RAISE EXCEPTION 'deze gebruiker heeft regie over een huishouden en houdt een rol waarmee dat kan' USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER user_role_regie AFTER DELETE OR UPDATE ON user_role
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION user_role_regie_check();

-- Regie is handed over by a proposal the receiver accepts (warm overdracht); until then the sender keeps it.
CREATE TABLE regie_voorstel (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  household_id uuid NOT NULL,
  soort text NOT NULL CHECK (soort IN ('casusregisseur', 'procesregisseur')),
  van_user_id uuid,
  naar_user_id uuid NOT NULL,
  voorgesteld_door uuid NOT NULL,
  toelichting text NOT NULL,
  status text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'geaccepteerd', 'geweigerd', 'ingetrokken')),
  voorgesteld_op timestamptz NOT NULL DEFAULT now(),
  beantwoord_op timestamptz,
  reden text,
  PRIMARY KEY (id, region_id),
  CHECK (status = 'voorgesteld' OR beantwoord_op IS NOT NULL),
  CHECK (status <> 'geweigerd' OR reden IS NOT NULL),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (van_user_id, region_id) REFERENCES app_user (id, region_id),
  FOREIGN KEY (naar_user_id, region_id) REFERENCES app_user (id, region_id),
  FOREIGN KEY (voorgesteld_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE UNIQUE INDEX regie_voorstel_open_idx ON regie_voorstel (household_id, soort) WHERE status = 'voorgesteld';
CREATE INDEX regie_voorstel_naar_idx ON regie_voorstel (naar_user_id, status);

-- The veiligheidsplan: one per household, the same for every involved organisation.
CREATE TABLE veiligheidsplan (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  household_id uuid NOT NULL,
  fase text NOT NULL CHECK (fase IN ('directe-veiligheid', 'stabiele-veiligheid', 'duurzame-veiligheid')),
  fase_sinds timestamptz NOT NULL,
  inhoud jsonb NOT NULL,
  versie integer NOT NULL DEFAULT 1,
  gestart_op timestamptz NOT NULL,
  bijgewerkt_op timestamptz NOT NULL,
  bijgewerkt_door uuid,
  PRIMARY KEY (id, region_id),
  UNIQUE (household_id),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (bijgewerkt_door, region_id) REFERENCES app_user (id, region_id)
);

-- Every version of a plan, whole, with its author and time: nothing is ever overwritten.
CREATE TABLE veiligheidsplan_versie (
  plan_id uuid NOT NULL,
  region_id text NOT NULL,
  versie integer NOT NULL,
  fase text NOT NULL CHECK (fase IN ('directe-veiligheid', 'stabiele-veiligheid', 'duurzame-veiligheid')),
  inhoud jsonb NOT NULL,
  auteur_id uuid,
  auteur_soort text NOT NULL DEFAULT 'gebruiker' CHECK (auteur_soort IN ('gebruiker', 'systeem')),
  op timestamptz NOT NULL,
  toelichting text,
  PRIMARY KEY (plan_id, versie),
  FOREIGN KEY (plan_id, region_id) REFERENCES veiligheidsplan (id, region_id),
  FOREIGN KEY (auteur_id, region_id) REFERENCES app_user (id, region_id)
);

-- Moving forward without the exit criterion: a recorded reason, approved by a second professional.
CREATE TABLE fase_voorstel (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  plan_id uuid NOT NULL,
  van_fase text NOT NULL CHECK (van_fase IN ('directe-veiligheid', 'stabiele-veiligheid', 'duurzame-veiligheid')),
  naar_fase text NOT NULL CHECK (naar_fase IN ('directe-veiligheid', 'stabiele-veiligheid', 'duurzame-veiligheid')),
  reden text NOT NULL CHECK (length(reden) >= 10),
  status text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'goedgekeurd', 'afgewezen', 'vervallen')),
  voorgesteld_door uuid NOT NULL,
  voorgesteld_op timestamptz NOT NULL DEFAULT now(),
  beoordeeld_door uuid,
  beoordeeld_op timestamptz,
  toelichting text,
  PRIMARY KEY (id, region_id),
  CHECK (status IN ('voorgesteld', 'vervallen') OR (beoordeeld_door IS NOT NULL AND beoordeeld_door <> voorgesteld_door)),
  FOREIGN KEY (plan_id, region_id) REFERENCES veiligheidsplan (id, region_id),
  FOREIGN KEY (voorgesteld_door, region_id) REFERENCES app_user (id, region_id),
  FOREIGN KEY (beoordeeld_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE UNIQUE INDEX fase_voorstel_open_idx ON fase_voorstel (plan_id) WHERE status = 'voorgesteld';

-- An afspraak past its date is reported once per date (a new date that passes is reported again).
CREATE TABLE afspraak_signaal (
  plan_id uuid NOT NULL,
  region_id text NOT NULL,
  afspraak_id text NOT NULL,
  wanneer date NOT NULL,
  gemeld_op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, afspraak_id, wanneer),
  FOREIGN KEY (plan_id, region_id) REFERENCES veiligheidsplan (id, region_id)
);

-- TOP-3: the matters named in a household (so the same matter can be followed across sessions), the
-- sessions per phase, who took part, and what each named with its score.
CREATE TABLE top3_onderwerp (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  household_id uuid NOT NULL,
  tekst text NOT NULL,
  sleutel text NOT NULL,
  PRIMARY KEY (id, region_id),
  UNIQUE (household_id, sleutel),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id)
);

CREATE TABLE top3_sessie (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  household_id uuid NOT NULL,
  fase text NOT NULL CHECK (fase IN ('directe-veiligheid', 'stabiele-veiligheid', 'duurzame-veiligheid')),
  gehouden_op timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'vastgesteld')),
  gekozen uuid[] NOT NULL DEFAULT '{}',
  vastgesteld_door uuid,
  vastgesteld_op timestamptz,
  aangemaakt_door uuid NOT NULL,
  versie integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id, region_id),
  CHECK ((status = 'vastgesteld') = (vastgesteld_op IS NOT NULL)),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (vastgesteld_door, region_id) REFERENCES app_user (id, region_id),
  FOREIGN KEY (aangemaakt_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX top3_sessie_household_idx ON top3_sessie (household_id, gehouden_op);

CREATE TABLE top3_deelnemer (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  sessie_id uuid NOT NULL,
  soort text NOT NULL CHECK (soort IN ('gezinslid', 'kind', 'netwerk', 'professional')),
  naam text NOT NULL,
  person_id uuid,
  user_id uuid,
  PRIMARY KEY (id, region_id),
  CHECK (soort <> 'professional' OR user_id IS NOT NULL),
  CHECK (soort NOT IN ('gezinslid', 'kind') OR person_id IS NOT NULL),
  FOREIGN KEY (sessie_id, region_id) REFERENCES top3_sessie (id, region_id),
  FOREIGN KEY (person_id, region_id) REFERENCES person (id, region_id),
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX top3_deelnemer_sessie_idx ON top3_deelnemer (sessie_id);

CREATE TABLE top3_inbreng (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  sessie_id uuid NOT NULL,
  deelnemer_id uuid NOT NULL,
  onderwerp_id uuid NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 1 AND 6),
  reden text NOT NULL,
  volgorde integer NOT NULL,
  PRIMARY KEY (id, region_id),
  UNIQUE (deelnemer_id, onderwerp_id),
  FOREIGN KEY (sessie_id, region_id) REFERENCES top3_sessie (id, region_id),
  FOREIGN KEY (deelnemer_id, region_id) REFERENCES top3_deelnemer (id, region_id),
  FOREIGN KEY (onderwerp_id, region_id) REFERENCES top3_onderwerp (id, region_id)
);
CREATE INDEX top3_inbreng_sessie_idx ON top3_inbreng (sessie_id);

-- Monitoring after a handover (radar): Veilig Thuis checks at set moments that safety was reached.
CREATE TABLE controlemoment (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  household_id uuid NOT NULL,
  overdracht_id uuid,
  beoordeling_id uuid,
  maanden integer NOT NULL CHECK (maanden > 0),
  gepland_op date NOT NULL,
  status text NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland', 'afgerond')),
  uitkomst text CHECK (uitkomst IN ('veilig', 'zorgen', 'onveilig')),
  toelichting text,
  afgerond_door uuid,
  afgerond_op timestamptz,
  gemeld_op timestamptz,
  PRIMARY KEY (id, region_id),
  CHECK ((status = 'afgerond') = (uitkomst IS NOT NULL AND afgerond_op IS NOT NULL)),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (overdracht_id, region_id) REFERENCES overdracht (id, region_id),
  FOREIGN KEY (beoordeling_id, region_id) REFERENCES beoordeling (id, region_id),
  FOREIGN KEY (afgerond_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX controlemoment_gepland_idx ON controlemoment (region_id, gepland_op) WHERE status = 'gepland';

-- Notifications: the new kinds, and e-mail as an outbox (sent after commit, retried, never lost).
ALTER TABLE notificatie DROP CONSTRAINT notificatie_soort_check;
ALTER TABLE notificatie ADD CONSTRAINT notificatie_soort_check CHECK (soort IN ('termijn-verlopen', 'besluit-te-bevestigen', 'besluit-bevestigd',
  'besluit-teruggestuurd', 'overdracht-voorgesteld', 'overdracht-beantwoord', 'melding-bekend-huishouden', 'regie-voorgesteld', 'regie-beantwoord',
  'afspraak-verlopen', 'fase-gewijzigd', 'fase-goedkeuring', 'controlemoment'));
ALTER TABLE notificatie ADD COLUMN email_status text NOT NULL DEFAULT 'niet-nodig' CHECK (email_status IN ('niet-nodig', 'wachtend', 'verstuurd', 'mislukt'));
ALTER TABLE notificatie ADD COLUMN email_pogingen integer NOT NULL DEFAULT 0;
ALTER TABLE notificatie ADD COLUMN email_verstuurd_op timestamptz;
-- The outbox's clock: when a waiting notification may be tried next (NULL: now). A sender sets it when it
-- claims a row (a lease, so another server process skips the row while this one talks to the SMTP server
-- outside any transaction) and after a failed attempt (back-off). A lease that runs out because its process
-- died makes the row due again: nothing waiting is ever lost.
ALTER TABLE notificatie ADD COLUMN email_volgende_poging timestamptz;
CREATE INDEX notificatie_email_idx ON notificatie (aangemaakt_op) WHERE email_status = 'wachtend';
