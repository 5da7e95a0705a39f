CREATE OR REPLACE FUNCTION order_total(p_user bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(total), 0) FROM orders WHERE user_id = p_user
$$;
