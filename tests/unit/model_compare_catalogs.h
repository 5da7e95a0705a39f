#pragma once
// PostgreSQL 15 catalogs of projects applied at head (`migrac sql head | psql`),
// read with format_type, pg_get_expr, pg_get_indexdef(oid, n, true) and
// pg_constraint: the live side of model_compare_test.cpp, as the server wrote it.

namespace migrac::test {

// (project directory under the source tree, its catalog as JSON)
struct DumpedCatalog {
  const char* dir;
  const char* json;
};

inline const DumpedCatalog kDumpedCatalogs[] = {
    {"migrations", R"json({"columns": [
{"table": "article_tags", "column": "article_id", "type": "bigint", "not_null": true, "identity": ""},
{"table": "article_tags", "column": "tag_id", "type": "bigint", "not_null": true, "identity": ""},
{"table": "articles", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "articles", "column": "author_id", "type": "bigint", "not_null": false, "identity": ""},
{"table": "articles", "column": "title", "type": "character varying(200)", "not_null": true, "identity": ""},
{"table": "articles", "column": "body", "type": "text", "not_null": true, "identity": ""},
{"table": "articles", "column": "created_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""},
{"table": "articles", "column": "slug", "type": "character varying(200)", "not_null": true, "identity": ""},
{"table": "order_status_history", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "order_status_history", "column": "order_id", "type": "bigint", "not_null": true, "identity": ""},
{"table": "order_status_history", "column": "changed_by_user_id", "type": "bigint", "not_null": false, "identity": ""},
{"table": "order_status_history", "column": "old_status", "type": "order_status", "not_null": false, "identity": ""},
{"table": "order_status_history", "column": "new_status", "type": "order_status", "not_null": true, "identity": ""},
{"table": "order_status_history", "column": "changed_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""},
{"table": "orders", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "orders", "column": "user_id", "type": "bigint", "not_null": true, "identity": ""},
{"table": "orders", "column": "amount", "type": "numeric(10,2)", "not_null": true, "identity": ""},
{"table": "orders", "column": "status", "type": "order_status", "not_null": true, "default": "'pending'::order_status", "identity": ""},
{"table": "orders", "column": "created_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""},
{"table": "tags", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "tags", "column": "name", "type": "character varying(50)", "not_null": true, "identity": ""},
{"table": "users", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "users", "column": "email", "type": "character varying(255)", "not_null": true, "identity": ""},
{"table": "users", "column": "username", "type": "character varying(100)", "not_null": true, "identity": ""},
{"table": "users", "column": "password_hash", "type": "character varying(255)", "not_null": true, "identity": ""},
{"table": "users", "column": "is_active", "type": "boolean", "not_null": true, "default": "true", "identity": ""},
{"table": "users", "column": "bio", "type": "text", "not_null": false, "identity": ""},
{"table": "users", "column": "created_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""},
{"table": "users", "column": "updated_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""},
{"table": "users", "column": "phone_number", "type": "character varying(20)", "not_null": false, "identity": ""},
{"table": "users", "column": "display_name", "type": "character varying(200)", "not_null": true, "identity": ""}
], "constraints": [
{"table": "article_tags", "name": "fk_article_tags_article_id_articles", "type": "f", "columns": ["article_id"], "ref_table": "articles", "ref_columns": ["id"], "on_delete": "c", "on_update": "a"},
{"table": "article_tags", "name": "fk_article_tags_tag_id_tags", "type": "f", "columns": ["tag_id"], "ref_table": "tags", "ref_columns": ["id"], "on_delete": "c", "on_update": "a"},
{"table": "article_tags", "name": "pk_article_tags", "type": "p", "columns": ["article_id", "tag_id"]},
{"table": "articles", "name": "fk_articles_author_id_users", "type": "f", "columns": ["author_id"], "ref_table": "users", "ref_columns": ["id"], "on_delete": "n", "on_update": "a"},
{"table": "articles", "name": "pk_articles", "type": "p", "columns": ["id"]},
{"table": "articles", "name": "uq_articles_slug", "type": "u", "columns": ["slug"]},
{"table": "order_status_history", "name": "fk_order_status_history_changed_by_user_id_users", "type": "f", "columns": ["changed_by_user_id"], "ref_table": "users", "ref_columns": ["id"], "on_delete": "n", "on_update": "a"},
{"table": "order_status_history", "name": "fk_order_status_history_order_id_orders", "type": "f", "columns": ["order_id"], "ref_table": "orders", "ref_columns": ["id"], "on_delete": "c", "on_update": "a"},
{"table": "order_status_history", "name": "pk_order_status_history", "type": "p", "columns": ["id"]},
{"table": "orders", "name": "ck_orders_amount", "type": "c", "expr": "(amount >= (0)::numeric)", "columns": ["amount"]},
{"table": "orders", "name": "fk_orders_user_id_users", "type": "f", "columns": ["user_id"], "ref_table": "users", "ref_columns": ["id"], "on_delete": "c", "on_update": "a"},
{"table": "orders", "name": "pk_orders", "type": "p", "columns": ["id"]},
{"table": "tags", "name": "pk_tags", "type": "p", "columns": ["id"]},
{"table": "tags", "name": "uq_tags_name", "type": "u", "columns": ["name"]},
{"table": "users", "name": "pk_users", "type": "p", "columns": ["id"]},
{"table": "users", "name": "uq_users_email", "type": "u", "columns": ["email"]},
{"table": "users", "name": "uq_users_username", "type": "u", "columns": ["username"]}
], "indexes": [
{"table": "article_tags", "name": "ix_article_tags_tag_id", "unique": false, "elements": ["tag_id"]},
{"table": "article_tags", "name": "pk_article_tags", "unique": true, "elements": ["article_id", "tag_id"]},
{"table": "articles", "name": "ix_articles_title", "unique": false, "elements": ["title"]},
{"table": "articles", "name": "pk_articles", "unique": true, "elements": ["id"]},
{"table": "articles", "name": "uq_articles_slug", "unique": true, "elements": ["slug"]},
{"table": "order_status_history", "name": "ix_order_status_history_order_id", "unique": false, "elements": ["order_id"]},
{"table": "order_status_history", "name": "pk_order_status_history", "unique": true, "elements": ["id"]},
{"table": "orders", "name": "ix_orders_user_id", "unique": false, "elements": ["user_id"]},
{"table": "orders", "name": "pk_orders", "unique": true, "elements": ["id"]},
{"table": "tags", "name": "pk_tags", "unique": true, "elements": ["id"]},
{"table": "tags", "name": "uq_tags_name", "unique": true, "elements": ["name"]},
{"table": "users", "name": "ix_users_display_name", "unique": false, "elements": ["display_name"]},
{"table": "users", "name": "ix_users_phone_number", "pred": "(phone_number IS NOT NULL)", "unique": false, "elements": ["phone_number"]},
{"table": "users", "name": "pk_users", "unique": true, "elements": ["id"]},
{"table": "users", "name": "uq_users_email", "unique": true, "elements": ["email"]},
{"table": "users", "name": "uq_users_username", "unique": true, "elements": ["username"]}
], "enums": [
{"name": "order_status", "values": ["pending", "paid", "shipped", "refunded", "cancelled"]}
]})json"},
    {"tests/golden/cases/create_table_all_types", R"json({"columns": [
{"table": "all_types", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "all_types", "column": "a_small", "type": "smallint", "not_null": true, "default": "0", "identity": ""},
{"table": "all_types", "column": "a_int", "type": "integer", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_big", "type": "bigint", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_real", "type": "real", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_double", "type": "double precision", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_dec", "type": "numeric(10,2)", "not_null": true, "default": "0.00", "identity": ""},
{"table": "all_types", "column": "a_num", "type": "numeric(12,0)", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_bool", "type": "boolean", "not_null": true, "default": "false", "identity": ""},
{"table": "all_types", "column": "a_text", "type": "text", "not_null": false, "default": "'it''s'::text", "identity": ""},
{"table": "all_types", "column": "a_var", "type": "character varying(40)", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_char", "type": "character(2)", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_bytes", "type": "bytea", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_date", "type": "date", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_time", "type": "time without time zone", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_ts", "type": "timestamp without time zone", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_tstz", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""},
{"table": "all_types", "column": "a_ival", "type": "interval", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_uuid", "type": "uuid", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_json", "type": "json", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_jsonb", "type": "jsonb", "not_null": false, "identity": ""},
{"table": "all_types", "column": "a_mood", "type": "mood", "not_null": false, "default": "'happy'::mood", "identity": ""},
{"table": "all_types", "column": "a_native", "type": "inet", "not_null": false, "identity": ""}
], "constraints": [
{"table": "all_types", "name": "ck_all_types_a_int", "type": "c", "expr": "(a_int >= 0)", "columns": ["a_int"]},
{"table": "all_types", "name": "ck_all_types_range", "type": "c", "expr": "(((a_small >= '-10'::integer) AND (a_small <= 10)) OR (a_small IS NULL))", "columns": ["a_small"]},
{"table": "all_types", "name": "pk_all_types", "type": "p", "columns": ["id"]},
{"table": "all_types", "name": "uq_all_types_a_var", "type": "u", "columns": ["a_var"]}
], "indexes": [
{"table": "all_types", "name": "pk_all_types", "unique": true, "elements": ["id"]},
{"table": "all_types", "name": "uq_all_types_a_var", "unique": true, "elements": ["a_var"]}
], "enums": [
{"name": "mood", "values": ["happy", "sad"]}
]})json"},
    {"tests/golden/cases/create_table_foreign_keys", R"json({"columns": [
{"table": "orders", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "orders", "column": "user_id", "type": "bigint", "not_null": true, "identity": ""},
{"table": "orders", "column": "buyer_id", "type": "bigint", "not_null": false, "identity": ""},
{"table": "orders", "column": "amount", "type": "numeric(10,2)", "not_null": true, "identity": ""},
{"table": "users", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "users", "column": "email", "type": "character varying(255)", "not_null": true, "identity": ""},
{"table": "users", "column": "name", "type": "character varying(100)", "not_null": false, "identity": ""},
{"table": "users", "column": "created_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""}
], "constraints": [
{"table": "orders", "name": "ck_orders_amount", "type": "c", "expr": "(amount >= (0)::numeric)", "columns": ["amount"]},
{"table": "orders", "name": "fk_orders_buyer_id_users", "type": "f", "columns": ["buyer_id"], "ref_table": "users", "ref_columns": ["id"], "on_delete": "n", "on_update": "c"},
{"table": "orders", "name": "fk_orders_user_id_users", "type": "f", "columns": ["user_id"], "ref_table": "users", "ref_columns": ["id"], "on_delete": "c", "on_update": "a"},
{"table": "orders", "name": "pk_orders", "type": "p", "columns": ["id"]},
{"table": "users", "name": "pk_users", "type": "p", "columns": ["id"]},
{"table": "users", "name": "uq_users_email", "type": "u", "columns": ["email"]}
], "indexes": [
{"table": "orders", "name": "ix_orders_user_id", "unique": false, "elements": ["user_id"]},
{"table": "orders", "name": "pk_orders", "unique": true, "elements": ["id"]},
{"table": "users", "name": "pk_users", "unique": true, "elements": ["id"]},
{"table": "users", "name": "uq_users_email", "unique": true, "elements": ["email"]}
], "enums": [

]})json"},
    {"tests/golden/cases/unique_partial_expression_index", R"json({"columns": [
{"table": "users", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "users", "column": "email", "type": "character varying(255)", "not_null": true, "identity": ""},
{"table": "users", "column": "name", "type": "character varying(100)", "not_null": false, "identity": ""},
{"table": "users", "column": "created_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""},
{"table": "users", "column": "deleted_at", "type": "timestamp with time zone", "not_null": false, "identity": ""}
], "constraints": [
{"table": "users", "name": "pk_users", "type": "p", "columns": ["id"]},
{"table": "users", "name": "uq_users_email", "type": "u", "columns": ["email"]}
], "indexes": [
{"table": "users", "name": "ix_users_lower_email", "pred": "(deleted_at IS NULL)", "unique": true, "elements": ["lower(email::text)"]},
{"table": "users", "name": "ix_users_name_email", "unique": false, "elements": ["name", "(email::text || '#'::text)"]},
{"table": "users", "name": "pk_users", "unique": true, "elements": ["id"]},
{"table": "users", "name": "uq_users_email", "unique": true, "elements": ["email"]}
], "enums": [

]})json"},
    {"tests/golden/cases/check_constraint_online", R"json({"columns": [
{"table": "users", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "users", "column": "email", "type": "character varying(255)", "not_null": true, "identity": ""},
{"table": "users", "column": "name", "type": "character varying(100)", "not_null": false, "identity": ""},
{"table": "users", "column": "created_at", "type": "timestamp with time zone", "not_null": true, "default": "now()", "identity": ""}
], "constraints": [
{"table": "users", "name": "ck_users_email_length", "type": "c", "expr": "((length((email)::text) > 3) AND ((email)::text ~~ '%@%'::text))", "columns": ["email"]},
{"table": "users", "name": "pk_users", "type": "p", "columns": ["id"]},
{"table": "users", "name": "uq_users_email", "type": "u", "columns": ["email"]}
], "indexes": [
{"table": "users", "name": "pk_users", "unique": true, "elements": ["id"]},
{"table": "users", "name": "uq_users_email", "unique": true, "elements": ["email"]}
], "enums": [

]})json"},
    {"tests/golden/cases/enum_add_value", R"json({"columns": [
{"table": "orders", "column": "id", "type": "bigint", "not_null": true, "identity": "d"},
{"table": "orders", "column": "status", "type": "order_status", "not_null": true, "default": "'draft'::order_status", "identity": ""}
], "constraints": [
{"table": "orders", "name": "pk_orders", "type": "p", "columns": ["id"]}
], "indexes": [
{"table": "orders", "name": "pk_orders", "unique": true, "elements": ["id"]}
], "enums": [
{"name": "order_status", "values": ["draft", "pending", "paid", "shipped", "refunded"]}
]})json"},
};

// SQLite 3.40 columns (pragma table_info: declared type, notnull, dflt_value)
// of projects applied at head (`migrac sql head --dialect sqlite | sqlite3`):
// their constraints and indexes are not listed.
inline const DumpedCatalog kDumpedSqliteColumns[] = {
    {"migrations", R"json({"columns": [
{"table": "article_tags", "column": "article_id", "type": "INTEGER", "not_null": true},
{"table": "article_tags", "column": "tag_id", "type": "INTEGER", "not_null": true},
{"table": "articles", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "articles", "column": "author_id", "type": "INTEGER", "not_null": false},
{"table": "articles", "column": "title", "type": "TEXT", "not_null": true},
{"table": "articles", "column": "body", "type": "TEXT", "not_null": true},
{"table": "articles", "column": "created_at", "type": "TEXT", "not_null": true, "default": "CURRENT_TIMESTAMP"},
{"table": "articles", "column": "slug", "type": "TEXT", "not_null": true},
{"table": "order_status_history", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "order_status_history", "column": "order_id", "type": "INTEGER", "not_null": true},
{"table": "order_status_history", "column": "changed_by_user_id", "type": "INTEGER", "not_null": false},
{"table": "order_status_history", "column": "old_status", "type": "TEXT", "not_null": false},
{"table": "order_status_history", "column": "new_status", "type": "TEXT", "not_null": true},
{"table": "order_status_history", "column": "changed_at", "type": "TEXT", "not_null": true, "default": "CURRENT_TIMESTAMP"},
{"table": "orders", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "orders", "column": "user_id", "type": "INTEGER", "not_null": true},
{"table": "orders", "column": "amount", "type": "NUMERIC", "not_null": true},
{"table": "orders", "column": "status", "type": "TEXT", "not_null": true, "default": "'pending'"},
{"table": "orders", "column": "created_at", "type": "TEXT", "not_null": true, "default": "CURRENT_TIMESTAMP"},
{"table": "tags", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "tags", "column": "name", "type": "TEXT", "not_null": true},
{"table": "users", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "users", "column": "email", "type": "TEXT", "not_null": true},
{"table": "users", "column": "username", "type": "TEXT", "not_null": true},
{"table": "users", "column": "password_hash", "type": "TEXT", "not_null": true},
{"table": "users", "column": "is_active", "type": "INTEGER", "not_null": true, "default": "TRUE"},
{"table": "users", "column": "bio", "type": "TEXT", "not_null": false},
{"table": "users", "column": "created_at", "type": "TEXT", "not_null": true, "default": "CURRENT_TIMESTAMP"},
{"table": "users", "column": "updated_at", "type": "TEXT", "not_null": true, "default": "CURRENT_TIMESTAMP"},
{"table": "users", "column": "phone_number", "type": "TEXT", "not_null": false},
{"table": "users", "column": "display_name", "type": "TEXT", "not_null": true}]})json"},
    {"tests/golden/cases/create_table_all_types", R"json({"columns": [
{"table": "all_types", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "all_types", "column": "a_small", "type": "INTEGER", "not_null": true, "default": "0"},
{"table": "all_types", "column": "a_int", "type": "INTEGER", "not_null": false},
{"table": "all_types", "column": "a_big", "type": "INTEGER", "not_null": false},
{"table": "all_types", "column": "a_real", "type": "REAL", "not_null": false},
{"table": "all_types", "column": "a_double", "type": "REAL", "not_null": false},
{"table": "all_types", "column": "a_dec", "type": "NUMERIC", "not_null": true, "default": "0.00"},
{"table": "all_types", "column": "a_num", "type": "NUMERIC", "not_null": false},
{"table": "all_types", "column": "a_bool", "type": "INTEGER", "not_null": true, "default": "FALSE"},
{"table": "all_types", "column": "a_text", "type": "TEXT", "not_null": false, "default": "'it''s'"},
{"table": "all_types", "column": "a_var", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_char", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_bytes", "type": "BLOB", "not_null": false},
{"table": "all_types", "column": "a_date", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_time", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_ts", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_tstz", "type": "TEXT", "not_null": true, "default": "CURRENT_TIMESTAMP"},
{"table": "all_types", "column": "a_ival", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_uuid", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_json", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_jsonb", "type": "TEXT", "not_null": false},
{"table": "all_types", "column": "a_mood", "type": "TEXT", "not_null": false, "default": "'happy'"},
{"table": "all_types", "column": "a_native", "type": "inet", "not_null": false}]})json"},
    {"tests/golden/cases/column_default", R"json({"columns": [
{"table": "orders", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "orders", "column": "status", "type": "TEXT", "not_null": true},
{"table": "orders", "column": "note", "type": "TEXT", "not_null": false, "default": "'n/a'"}]})json"},
    {"tests/golden/cases/quoted_identifiers", R"json({"columns": [
{"table": "LineItems", "column": "Id", "type": "INTEGER", "not_null": true},
{"table": "LineItems", "column": "order", "type": "INTEGER", "not_null": true},
{"table": "LineItems", "column": "Label", "type": "TEXT", "not_null": true},
{"table": "LineItems", "column": "Buyer Name", "type": "TEXT", "not_null": false},
{"table": "LineItems", "column": "Unit Price", "type": "NUMERIC", "not_null": false, "default": "0"}]})json"},
    {"tests/golden/cases/alter_column_type", R"json({"columns": [
{"table": "items", "column": "id", "type": "INTEGER", "not_null": true},
{"table": "items", "column": "code", "type": "TEXT", "not_null": false},
{"table": "items", "column": "label", "type": "TEXT", "not_null": false},
{"table": "items", "column": "price", "type": "NUMERIC", "not_null": false},
{"table": "items", "column": "qty", "type": "INTEGER", "not_null": false},
{"table": "items", "column": "note", "type": "TEXT", "not_null": false},
{"table": "items", "column": "ref", "type": "INTEGER", "not_null": false}]})json"},
};

}  // namespace migrac::test
