--- stderr
fail_types_postgres_only_elsewhere/0001_hosts.mig:4:13: error[E0520]: column 'hosts.address' has type 'inet', which exists on PostgreSQL only, not on mysql
    4 |   address   inet not null,
      |             ^^^^
  help: use a portable type (text holds 'inet' values as text), or 'native "..."' naming a mysql type
fail_types_postgres_only_elsewhere/0001_hosts.mig:5:13: error[E0520]: column 'hosts.name' has type 'citext', which exists on PostgreSQL only, not on mysql
    5 |   name      citext,
      |             ^^^^^^
  help: use a portable type (text holds 'citext' values as text), or 'native "..."' naming a mysql type
fail_types_postgres_only_elsewhere/0001_hosts.mig:6:13: error[E0520]: column 'hosts.tags' is an array, which mysql cannot hold: arrays exist on PostgreSQL only
    6 |   tags      text[]
      |             ^^^^^^
  help: keep a list in a json column, or in a table of its own, to run on every dialect
3 errors, 0 warnings generated
--- exit 1
