-- migrate:up
CREATE FUNCTION touch_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := now();
  RETURN NEW;
END
$$;

-- migrate:down
DROP FUNCTION touch_created();
