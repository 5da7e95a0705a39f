-- migrate:up
ALTER TABLE orders ADD COLUMN status order_status NOT NULL DEFAULT 'new';

-- migrate:down
ALTER TABLE orders DROP COLUMN status;
