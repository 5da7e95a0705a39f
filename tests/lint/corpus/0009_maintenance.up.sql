-- migrac:after 0008_uncommitted
-- migrac:no-transaction
SET lock_timeout = '2s';
SET statement_timeout = '1h';
VACUUM FULL orders;
CLUSTER orders USING orders_pkey;
VACUUM (ANALYZE) users;
