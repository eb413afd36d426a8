-- Figures (issue 6): per-contact facts derived by the domain's definitions, precomputed cells per period
-- and area, and a queue of what changed. The facts and cells are derived data (rebuilt by
-- `samenveilig cijfers herberekenen`), so they carry no foreign keys: a key would lock the contact rows and
-- slow the bulk loads. docs/cijfers.md "How the server computes them" explains the design.

-- The region's disclosure setting: round visible counts to multiples of 5 for aggregate-only roles.
ALTER TABLE regio_instelling ADD COLUMN cijfers_afronden boolean NOT NULL DEFAULT false;

-- One row per contact: what the figures need of it, classified by the domain (bereidCijfersVoor) over the
-- whole connected group of records it belongs to (households and person identities that link contacts).
-- Period keys are quarters in Amsterdam time ("2025-K3"); half years and years are derived from them.
CREATE TABLE cijfer_feit (
  contact_id uuid PRIMARY KEY,
  region_id text NOT NULL,
  gemeente text NOT NULL,
  -- The household a melding counts for: 'h:<surviving household id>' or 'c:<contact id>' (huishoudenSleutel).
  huishouden text NOT NULL,
  -- Person identities named in the contact (after confirmed radar links).
  personen uuid[] NOT NULL,
  ingetrokken boolean NOT NULL,
  -- Counts as a started advies in this quarter (by receipt); null when it does not count as one.
  advies_kwartaal text,
  -- Counts as a received melding at this moment and in this quarter; null when it does not count as one.
  melding_op timestamptz,
  melding_kwartaal text,
  melding_soort text CHECK (melding_soort IN ('eerste-melding', 'hermelding', 'vervolgmelding')),
  melder_groep text,
  geweld text[],
  -- The veiligheidsbeoordeling (null deadlines: none).
  deadline_wettelijk timestamptz,
  deadline_regionaal timestamptz,
  beoordeeld_op timestamptz,
  besluit text,
  binnen_wettelijk boolean,
  binnen_regionaal boolean,
  -- Milliseconds from melding to the confirmed first decision.
  doorlooptijd_ms bigint,
  -- An intervention started (first decision that sets help in motion), and whether a new melding about the
  -- household or its persons followed within 12 months of the start.
  interventie_op timestamptz,
  interventie_kwartaal text,
  recidief boolean,
  berekend_op timestamptz NOT NULL,
  CHECK ((melding_op IS NULL) = (melding_kwartaal IS NULL)),
  CHECK ((interventie_op IS NULL) = (interventie_kwartaal IS NULL))
);
CREATE INDEX cijfer_feit_melding_idx ON cijfer_feit (melding_kwartaal, gemeente) WHERE melding_kwartaal IS NOT NULL;
CREATE INDEX cijfer_feit_advies_idx ON cijfer_feit (advies_kwartaal, gemeente) WHERE advies_kwartaal IS NOT NULL;
CREATE INDEX cijfer_feit_interventie_idx ON cijfer_feit (interventie_kwartaal, gemeente) WHERE interventie_kwartaal IS NOT NULL;
CREATE INDEX cijfer_feit_region_idx ON cijfer_feit (region_id);
-- Meldingen not yet assessed: timeliness counts them once their deadline has passed (depends on now).
CREATE INDEX cijfer_feit_open_idx ON cijfer_feit (region_id, melding_kwartaal) WHERE beoordeeld_op IS NULL AND deadline_wettelijk IS NOT NULL AND melding_op IS NOT NULL;

-- The figures of one period and area that do not depend on the moment of reading, as a JSON object keyed
-- by the codes of CIJFERS (plus a few internal keys: the two middle values of the median, the counts
-- timeliness adds the overdue meldingen to). soort: 'installatie' (code 'nl'), 'regio', 'gemeente'.
CREATE TABLE cijfer_cel (
  periode text NOT NULL,
  soort text NOT NULL CHECK (soort IN ('installatie', 'regio', 'gemeente')),
  code text NOT NULL,
  region_id text,
  waarden jsonb NOT NULL,
  berekend_op timestamptz NOT NULL,
  PRIMARY KEY (periode, soort, code)
);
CREATE INDEX cijfer_cel_region_idx ON cijfer_cel (region_id, periode);

-- What changed since the facts were computed, written in the same transaction as the change by the
-- triggers below: 'c:<contact>', 'h:<household>', 'p:<person identity>'. The figures job takes marks in
-- order, recomputes the connected groups they touch and deletes them, in one transaction.
CREATE TABLE cijfer_vuil (
  sleutel text PRIMARY KEY,
  region_id text NOT NULL,
  op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cijfer_vuil_op_idx ON cijfer_vuil (op);

-- Merged households are looked up by the household they were merged into.
CREATE INDEX household_samengevoegd_idx ON household (samengevoegd_in) WHERE samengevoegd_in IS NOT NULL;

-- Statement-level triggers with transition tables: one INSERT per statement, also for bulk loads.
CREATE FUNCTION cijfer_vuil_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cijfer_vuil (sleutel, region_id) SELECT DISTINCT 'c:' || n.id, n.region_id FROM nieuw n ON CONFLICT (sleutel) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER contact_cijfers_insert AFTER INSERT ON contact REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_contact();
CREATE TRIGGER contact_cijfers_update AFTER UPDATE ON contact REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_contact();

-- Child rows of a contact (persons, forms of violence, events, the assessment) mark their contact.
CREATE FUNCTION cijfer_vuil_kind_nieuw() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cijfer_vuil (sleutel, region_id) SELECT DISTINCT 'c:' || n.contact_id, n.region_id FROM nieuw n ON CONFLICT (sleutel) DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION cijfer_vuil_kind_oud() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cijfer_vuil (sleutel, region_id) SELECT DISTINCT 'c:' || o.contact_id, o.region_id FROM oud o ON CONFLICT (sleutel) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER contact_person_cijfers_insert AFTER INSERT ON contact_person REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_kind_nieuw();
CREATE TRIGGER contact_person_cijfers_delete AFTER DELETE ON contact_person REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_kind_oud();
CREATE TRIGGER contact_geweldsvorm_cijfers_insert AFTER INSERT ON contact_geweldsvorm REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_kind_nieuw();
CREATE TRIGGER contact_geweldsvorm_cijfers_delete AFTER DELETE ON contact_geweldsvorm REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_kind_oud();
CREATE TRIGGER contact_gebeurtenis_cijfers_insert AFTER INSERT ON contact_gebeurtenis REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_kind_nieuw();
CREATE TRIGGER beoordeling_cijfers_insert AFTER INSERT ON beoordeling REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_kind_nieuw();

-- An assessment marks its contact only when something the figures read changed (saving the form does not).
CREATE FUNCTION cijfer_vuil_beoordeling() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cijfer_vuil (sleutel, region_id)
  SELECT DISTINCT 'c:' || n.contact_id, n.region_id FROM nieuw n JOIN oud o ON o.id = n.id
  WHERE (n.contact_id, n.deadline_wettelijk, n.deadline_regionaal, n.beoordeeld_op, n.besluit_soort, n.afgerond_op)
        IS DISTINCT FROM (o.contact_id, o.deadline_wettelijk, o.deadline_regionaal, o.beoordeeld_op, o.besluit_soort, o.afgerond_op)
  ON CONFLICT (sleutel) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER beoordeling_cijfers_update AFTER UPDATE ON beoordeling REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_beoordeling();

-- A person identity that changes (radar: registrations judged the same person) marks the old and the new
-- identity: a group may join another or fall apart. A new registration is its own identity (no mark needed:
-- its contact is marked).
CREATE FUNCTION cijfer_vuil_identiteit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO cijfer_vuil (sleutel, region_id)
    SELECT DISTINCT 'p:' || x.identiteit_id, x.region_id FROM (SELECT identiteit_id, region_id FROM oud UNION SELECT identiteit_id, region_id FROM nieuw) x
    ON CONFLICT (sleutel) DO NOTHING;
  ELSE
    INSERT INTO cijfer_vuil (sleutel, region_id) SELECT DISTINCT 'p:' || o.identiteit_id, o.region_id FROM oud o ON CONFLICT (sleutel) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER person_identiteit_cijfers_update AFTER UPDATE ON person_identiteit REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_identiteit();
CREATE TRIGGER person_identiteit_cijfers_delete AFTER DELETE ON person_identiteit REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_identiteit();

-- A household merged into another marks both.
CREATE FUNCTION cijfer_vuil_household() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cijfer_vuil (sleutel, region_id)
  SELECT DISTINCT 'h:' || x.id, x.region_id FROM (
    SELECT n.id, n.region_id FROM nieuw n JOIN oud o ON o.id = n.id WHERE n.samengevoegd_in IS DISTINCT FROM o.samengevoegd_in
    UNION SELECT n.samengevoegd_in, n.region_id FROM nieuw n JOIN oud o ON o.id = n.id WHERE n.samengevoegd_in IS DISTINCT FROM o.samengevoegd_in AND n.samengevoegd_in IS NOT NULL
    UNION SELECT o.samengevoegd_in, o.region_id FROM nieuw n JOIN oud o ON o.id = n.id WHERE n.samengevoegd_in IS DISTINCT FROM o.samengevoegd_in AND o.samengevoegd_in IS NOT NULL
  ) x
  ON CONFLICT (sleutel) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER household_cijfers_update AFTER UPDATE ON household REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION cijfer_vuil_household();
