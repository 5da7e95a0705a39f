-- migrac:after 0002_change
-- migrac:allow drop-column not needed in this file

SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders ADD COLUMN comment text;
