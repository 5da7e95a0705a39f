#include "compiler/model/change.h"

namespace migrac::model {

Change derive_change(const Change& origin, ChangeKind kind, bool keep_table) {
  Change c;
  c.kind = std::move(kind);
  c.source = origin.source;
  c.no_transaction_block = origin.no_transaction_block;
  c.table_is_new = origin.table_is_new;
  if (keep_table) c.table_after = origin.table_after;
  c.enums = origin.enums;
  return c;
}

}  // namespace migrac::model
