CREATE TABLE old_logs (id bigint);
CREATE INDEX ix_old_logs_id ON old_logs (id);
ALTER TABLE accounts RENAME TO users;
