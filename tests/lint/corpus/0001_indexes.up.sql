-- migrac:after 0000_base
CREATE INDEX ix_users_email ON users (email);
DROP INDEX ix_users_name;
CREATE INDEX CONCURRENTLY ix_orders_user ON orders (user_id);
CREATE UNIQUE INDEX ix_users_lower_email ON users (lower(email));
REINDEX INDEX ix_orders_status;
