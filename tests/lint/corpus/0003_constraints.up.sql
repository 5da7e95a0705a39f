-- migrac:after 0002_columns
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE orders ADD CONSTRAINT fk_orders_user2 FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user2;
ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total >= 0);
ALTER TABLE orders ADD CONSTRAINT ck_orders_total2 CHECK (total >= 0) NOT VALID;
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);
ALTER TABLE events ADD COLUMN id serial PRIMARY KEY;
ALTER TABLE accounts ADD COLUMN owner_id bigint REFERENCES users (id);
