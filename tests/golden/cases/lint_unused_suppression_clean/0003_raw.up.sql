-- migrac:after 0002_change
SET lock_timeout = '2s';
SET statement_timeout = '1min';
-- migrac:allow rename-column the column is new in this release
ALTER TABLE orders RENAME COLUMN note TO comment;
