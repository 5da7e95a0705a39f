CREATE OR REPLACE VIEW user_orders AS
  SELECT u.id AS user_id, u.email, coalesce(sum(o.total), 0) AS total
  FROM users u LEFT JOIN orders o ON o.user_id = u.id
  GROUP BY u.id, u.email;
