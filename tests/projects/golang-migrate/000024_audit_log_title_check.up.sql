ALTER TABLE audit_log ADD CONSTRAINT audit_log_title_check CHECK (length(title) > 0);
