SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders DROP CONSTRAINT IF EXISTS ck_orders_positive;
ALTER TABLE orders DROP CONSTRAINT ck_orders_total;
