-- migrac:after 0001_base
-- migrac:no-transaction
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders DROP CONSTRAINT IF EXISTS ck_orders_total;
ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total >= 0) NOT VALID;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS fk_orders_user, ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
