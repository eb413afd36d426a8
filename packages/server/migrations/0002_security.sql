-- Security spine: roles, credentials, sessions, need-to-know involvement, break-glass,
-- classified notes, and the append-only, hash-chained audit log.

CREATE TABLE user_role (
  user_id uuid NOT NULL,
  region_id text NOT NULL,
  rol text NOT NULL CHECK (rol IN ('vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'politie', 'opvang', 'csg',
    'zvh-coordinator', 'beleidsmedewerker', 'functioneel-beheerder', 'privacy-officer')),
  PRIMARY KEY (user_id, rol),
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id) ON DELETE CASCADE
);

ALTER TABLE app_user
  ADD COLUMN password_hash text,
  ADD COLUMN totp_secret text,
  -- The last TOTP time step used: a code is accepted once (RFC 6238 section 5.2).
  ADD COLUMN totp_laatste_stap bigint,
  ADD COLUMN mislukte_pogingen integer NOT NULL DEFAULT 0,
  ADD COLUMN geblokkeerd_tot timestamptz,
  ADD COLUMN oidc_issuer text,
  ADD COLUMN oidc_subject text,
  ADD COLUMN laatst_ingelogd_op timestamptz,
  ADD COLUMN versie integer NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX app_user_oidc_idx ON app_user (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- Only a hash of the session token is stored: a copy of this table opens no session.
CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL,
  region_id text NOT NULL,
  csrf_token text NOT NULL,
  tweede_factor_ok boolean NOT NULL DEFAULT false,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  laatst_gebruikt_op timestamptz NOT NULL DEFAULT now(),
  verloopt_op timestamptz NOT NULL,
  ingetrokken_op timestamptz,
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Need-to-know: an organisation (or one of its teams, or one user) involved with a household.
CREATE TABLE household_involvement (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id uuid NOT NULL,
  region_id text NOT NULL,
  organisation_id uuid NOT NULL,
  team_id uuid,
  user_id uuid,
  grondslag text NOT NULL CHECK (grondslag IN ('registratie', 'overdracht', 'toewijzing', 'verwijzing', 'regio-overdracht')),
  sinds timestamptz NOT NULL DEFAULT now(),
  tot timestamptz,
  PRIMARY KEY (id, region_id),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (organisation_id, region_id) REFERENCES organisation (id, region_id),
  FOREIGN KEY (team_id, region_id) REFERENCES team (id, region_id),
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX household_involvement_household_idx ON household_involvement (household_id);
-- One open organisation-wide involvement per household and organisation.
CREATE UNIQUE INDEX household_involvement_org_unique_idx ON household_involvement (household_id, organisation_id)
  WHERE team_id IS NULL AND user_id IS NULL AND tot IS NULL;
CREATE INDEX household_involvement_org_idx ON household_involvement (organisation_id, household_id);

-- Casusregisseur and procesregisseur are assignments on a household, not roles.
CREATE TABLE household_regie (
  household_id uuid NOT NULL,
  region_id text NOT NULL,
  user_id uuid NOT NULL,
  soort text NOT NULL CHECK (soort IN ('casusregisseur', 'procesregisseur')),
  sinds timestamptz NOT NULL DEFAULT now(),
  tot timestamptz,
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id)
);
CREATE UNIQUE INDEX household_regie_active_idx ON household_regie (household_id, soort) WHERE tot IS NULL;

-- The organisation that holds a secret address (it registered it); with the casusregisseur the only one who sees it.
ALTER TABLE person ADD COLUMN adres_houder_organisation_id uuid;

CREATE TABLE break_glass (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  user_id uuid NOT NULL,
  household_id uuid NOT NULL,
  reden text NOT NULL CHECK (length(reden) >= 10),
  geopend_op timestamptz NOT NULL DEFAULT now(),
  tot timestamptz NOT NULL,
  beoordeling text NOT NULL DEFAULT 'open' CHECK (beoordeling IN ('open', 'terecht', 'onterecht')),
  beoordeeld_door uuid,
  beoordeeld_op timestamptz,
  beoordeling_toelichting text,
  PRIMARY KEY (id, region_id),
  FOREIGN KEY (user_id, region_id) REFERENCES app_user (id, region_id),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (beoordeeld_door, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX break_glass_user_idx ON break_glass (user_id, tot);
CREATE INDEX break_glass_open_idx ON break_glass (region_id, beoordeling);

CREATE TABLE notitie (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_id text NOT NULL,
  household_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  auteur_id uuid NOT NULL,
  klasse text NOT NULL CHECK (klasse IN ('algemeen', 'medisch', 'seksueel-geweld')),
  prive_voor_organisatie boolean NOT NULL DEFAULT false,
  tekst text NOT NULL,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, region_id),
  FOREIGN KEY (household_id, region_id) REFERENCES household (id, region_id),
  FOREIGN KEY (organisation_id, region_id) REFERENCES organisation (id, region_id),
  FOREIGN KEY (auteur_id, region_id) REFERENCES app_user (id, region_id)
);
CREATE INDEX notitie_household_idx ON notitie (household_id);

-- Audit: one hash chain per region ('_installatie' for events without a region, e.g. a failed
-- login for an unknown account). Each entry's hash covers its content and the previous hash.
CREATE TABLE audit_log (
  region_id text NOT NULL,
  seq bigint NOT NULL,
  op timestamptz NOT NULL,
  actor_soort text NOT NULL CHECK (actor_soort IN ('gebruiker', 'systeem', 'anoniem')),
  actor_id text,
  organisation_id uuid,
  rol text,
  actie text NOT NULL,
  record_type text,
  record_id text,
  personen uuid[] NOT NULL DEFAULT '{}',
  doel text,
  uitkomst text NOT NULL,
  request_id text,
  client_adres text,
  vorige_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (region_id, seq)
);
CREATE INDEX audit_log_personen_idx ON audit_log USING gin (personen);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, op);

CREATE TABLE audit_head (
  region_id text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);

-- The head only moves forward: rewinding it (to hide removed last entries) is refused.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq OR NEW.region_id <> OLD.region_id THEN
    RAISE EXCEPTION 'audit_head only moves forward';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE OR DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
