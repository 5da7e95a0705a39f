-- migrac:after 0001_status
ALTER TYPE status ADD VALUE 'started' BEFORE 'done';
