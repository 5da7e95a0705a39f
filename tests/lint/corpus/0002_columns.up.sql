-- migrac:after 0001_indexes
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE users ADD COLUMN phone text NOT NULL;
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE users ADD COLUMN joined timestamptz DEFAULT now();
ALTER TABLE users ADD COLUMN visits bigint NOT NULL DEFAULT 0;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users ALTER COLUMN name DROP NOT NULL;
ALTER TABLE users ALTER COLUMN age TYPE numeric;
ALTER TABLE users ADD COLUMN age2 bigint GENERATED ALWAYS AS (age * 2) STORED;
ALTER TABLE users ALTER COLUMN nickname SET DEFAULT 'anon';
