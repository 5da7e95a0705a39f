#pragma once
// The schema model as JSON text, and back: the form of the schema cache's
// entries (compiler/project/schema_cache.h), reviewed in diffs. The text is
// stable: object keys sorted, tables and enums by name (the model's maps),
// columns, constraints, indexes and enum values in the model's order (their
// order is part of the schema), fields at their default left out, two-space
// indentation, one final newline. parse_schema(print_schema(s)) == s for
// every schema, expressions with their whole structure (RawSql text kept);
// source ranges are not kept (a schema read back points at no file), and the
// name maps (index_owner, key_owner) are rebuilt from the tables.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "compiler/model/schema.h"

namespace migrac::model {

// `schema` as a JSON value (the form print_schema prints).
nlohmann::json schema_to_json(const Schema& schema);
// A schema from a JSON value; throws std::runtime_error naming what is wrong.
Schema schema_from_json(const nlohmann::json& json);

// `schema` as indented JSON text with a final newline.
std::string print_schema(const Schema& schema);
// The schema of `text`; nullopt with `error` (one line) when it is not one.
std::optional<Schema> parse_schema(std::string_view text, std::string& error);

// Fills index_owner and key_owner from the tables (what apply keeps in step).
void rebuild_name_maps(Schema& schema);

// Whether two objects are the same as this text prints them (source ranges
// aside): what a merge of branches compares of its sides (compiler/check).
bool same_object(const Column& a, const Column& b);
bool same_object(const Constraint& a, const Constraint& b);
bool same_object(const Index& a, const Index& b);
bool same_object(const Table& a, const Table& b);
bool same_object(const Enum& a, const Enum& b);

}  // namespace migrac::model
