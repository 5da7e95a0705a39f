DROP TYPE status;
CREATE TYPE status AS ENUM ('new', 'done');
