-- migrac:after 0002_change
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total >= 0) NOT VALID;
