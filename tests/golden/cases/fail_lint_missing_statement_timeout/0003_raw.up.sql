-- migrac:after 0001_base
SET lock_timeout = '2s';
UPDATE users SET name = email WHERE name IS NULL;
