ALTER TABLE payments ADD CONSTRAINT payments_title_check CHECK (length(title) > 0);
