-- migrate:up
ALTER TABLE payments ADD CONSTRAINT payments_title_check CHECK (length(title) > 0);

-- migrate:down
ALTER TABLE payments DROP CONSTRAINT payments_title_check;
