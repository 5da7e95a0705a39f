-- migrac:after 0002_change
-- migrac:allow drop-column note moved to order_notes in 0002

SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE orders DROP COLUMN note;
