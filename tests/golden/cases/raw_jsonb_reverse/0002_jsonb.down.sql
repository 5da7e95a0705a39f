ALTER TABLE events ALTER COLUMN payload TYPE varchar(8000);
