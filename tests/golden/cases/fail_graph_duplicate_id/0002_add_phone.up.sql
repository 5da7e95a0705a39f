-- migrac:after 0001_initial_schema
ALTER TABLE users ADD COLUMN phone_number varchar(20);
