-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE users ALTER COLUMN age TYPE bigint;
-- migrac:allow prefer-text the limit is a rule of the product
ALTER TABLE users ALTER COLUMN name TYPE character varying(20);
-- migrac:allow prefer-text the limit is a rule of the product
ALTER TABLE users ALTER COLUMN title TYPE varchar(200);
-- migrac:allow prefer-text the limit is a rule of the product
ALTER TABLE users ALTER COLUMN title TYPE varchar(150);
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2) USING round(total, 2);
ALTER TABLE users ADD COLUMN nickname character varying(30);
