#pragma once
// The words a column type is written with: the portable names and the
// PostgreSQL spellings of the same types (`integer`, `double precision`,
// `character varying`, `serial`), and the PostgreSQL-only types. Read by the
// parser (compiler/syntax) and by the printer (compiler/print), which writes
// the first word of each kind.

#include <array>
#include <string_view>

#include "compiler/ast/ast.h"

namespace migrac::ast {

// One spelling of a type.
struct TypeWord {
  std::string_view word;  // lower case; two words joined by one blank
  TypeKind kind;
  int max_args;               // 0: none; 1: (n); 2: (p[, s])
  bool serial;                // serial, bigserial, smallserial: the type with `identity`
  std::string_view postgres;  // kind Postgres: the type's PostgreSQL name
};

inline constexpr std::array<TypeWord, 47> kTypeWords{{
    // The portable names, first of their kind: the printer writes these.
    {"smallint", TypeKind::SmallInt, 0, false, {}},
    {"int", TypeKind::Int, 0, false, {}},
    {"bigint", TypeKind::BigInt, 0, false, {}},
    {"real", TypeKind::Real, 0, false, {}},
    {"double", TypeKind::Double, 0, false, {}},
    {"decimal", TypeKind::Decimal, 2, false, {}},
    {"numeric", TypeKind::Numeric, 2, false, {}},
    {"bool", TypeKind::Bool, 0, false, {}},
    {"text", TypeKind::Text, 0, false, {}},
    {"varchar", TypeKind::Varchar, 1, false, {}},
    {"char", TypeKind::Char, 1, false, {}},
    {"bytes", TypeKind::Bytes, 0, false, {}},
    {"date", TypeKind::Date, 0, false, {}},
    {"time", TypeKind::Time, 0, false, {}},
    {"timestamp", TypeKind::Timestamp, 0, false, {}},
    {"timestamptz", TypeKind::Timestamptz, 0, false, {}},
    {"interval", TypeKind::Interval, 0, false, {}},
    {"uuid", TypeKind::Uuid, 0, false, {}},
    {"json", TypeKind::Json, 0, false, {}},
    {"jsonb", TypeKind::Jsonb, 0, false, {}},
    // PostgreSQL's names of the portable types.
    {"int2", TypeKind::SmallInt, 0, false, {}},
    {"integer", TypeKind::Int, 0, false, {}},
    {"int4", TypeKind::Int, 0, false, {}},
    {"int8", TypeKind::BigInt, 0, false, {}},
    {"float4", TypeKind::Real, 0, false, {}},
    {"float8", TypeKind::Double, 0, false, {}},
    {"double precision", TypeKind::Double, 0, false, {}},
    {"boolean", TypeKind::Bool, 0, false, {}},
    {"character varying", TypeKind::Varchar, 1, false, {}},
    {"character", TypeKind::Char, 1, false, {}},
    {"bytea", TypeKind::Bytes, 0, false, {}},
    {"smallserial", TypeKind::SmallInt, 0, true, {}},
    {"serial2", TypeKind::SmallInt, 0, true, {}},
    {"serial", TypeKind::Int, 0, true, {}},
    {"serial4", TypeKind::Int, 0, true, {}},
    {"bigserial", TypeKind::BigInt, 0, true, {}},
    {"serial8", TypeKind::BigInt, 0, true, {}},
    // PostgreSQL-only types.
    {"inet", TypeKind::Postgres, 0, false, "inet"},
    {"cidr", TypeKind::Postgres, 0, false, "cidr"},
    {"macaddr", TypeKind::Postgres, 0, false, "macaddr"},
    {"citext", TypeKind::Postgres, 0, false, "citext"},
    {"money", TypeKind::Postgres, 0, false, "money"},
    {"tsvector", TypeKind::Postgres, 0, false, "tsvector"},
    {"tsquery", TypeKind::Postgres, 0, false, "tsquery"},
    {"xml", TypeKind::Postgres, 0, false, "xml"},
    {"point", TypeKind::Postgres, 0, false, "point"},
    {"timetz", TypeKind::Postgres, 0, false, "timetz"},
}};

// The spelling `word` (lower case), or null.
inline const TypeWord* find_type_word(std::string_view word) {
  for (const TypeWord& t : kTypeWords) {
    if (t.word == word) return &t;
  }
  return nullptr;
}

// The word the printer writes for a type of kind `kind` (Postgres: by its
// name; Enum and Native: none).
inline std::string_view canonical_type_word(TypeKind kind, std::string_view postgres_name) {
  for (const TypeWord& t : kTypeWords) {
    if (t.kind != kind || t.serial) continue;
    if (kind == TypeKind::Postgres && t.postgres != postgres_name) continue;
    return t.word;
  }
  return {};
}

}  // namespace migrac::ast
