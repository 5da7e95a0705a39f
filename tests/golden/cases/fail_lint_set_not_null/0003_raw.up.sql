-- migrac:after 0002_change
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
