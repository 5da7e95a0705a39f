-- migrac:after 0001_base
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
