-- migrac:after 0001_base
ALTER TABLE users RENAME TO accounts;
DROP TABLE old_logs;
