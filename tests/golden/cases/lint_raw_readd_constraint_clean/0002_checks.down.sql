SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders DROP CONSTRAINT IF EXISTS fk_orders_user;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS ck_orders_total;
