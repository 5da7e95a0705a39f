-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '10min';
UPDATE users SET name = email WHERE name IS NULL;
