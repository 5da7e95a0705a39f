-- migrac:after 0001_base
-- Casts PostgreSQL makes without a rewrite: the model knows each column's type.
SET lock_timeout = '2s';
SET statement_timeout = '1min';
-- migrac:allow prefer-text the limit is a rule of the product
ALTER TABLE users ALTER COLUMN name TYPE character varying(50);
ALTER TABLE users ALTER COLUMN title TYPE text;
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);
