CREATE OR REPLACE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT count(*) FROM users
$$;
