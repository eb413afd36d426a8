-- Withdrawing an erroneous registration (issue 6): a contact registered by mistake (twice, about the wrong
-- household, a test call) is withdrawn by Veilig Thuis with a reason. It is never deleted: it keeps its
-- data and history, gets status 'ingetrokken' with who, when and why, and counts nowhere in the figures.
-- The event is also written to contact_gebeurtenis (soort 'ingetrokken'), the history the melding page shows.
ALTER TABLE contact ADD COLUMN ingetrokken_op timestamptz;
ALTER TABLE contact ADD COLUMN ingetrokken_door uuid;
ALTER TABLE contact ADD COLUMN intrekking_reden text;
ALTER TABLE contact ADD CONSTRAINT contact_ingetrokken_door_fk FOREIGN KEY (ingetrokken_door, region_id) REFERENCES app_user (id, region_id);
-- Withdrawn exactly when who, when and why are recorded.
ALTER TABLE contact ADD CONSTRAINT contact_ingetrokken_check CHECK (
  (status = 'ingetrokken' AND ingetrokken_op IS NOT NULL AND ingetrokken_door IS NOT NULL AND intrekking_reden IS NOT NULL)
  OR (status <> 'ingetrokken' AND ingetrokken_op IS NULL AND ingetrokken_door IS NULL AND intrekking_reden IS NULL));
