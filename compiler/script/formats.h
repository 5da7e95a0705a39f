#pragma once
// The script formats behind render_script (script.cpp dispatches on
// ScriptOptions::format): the plain review script (plain.cpp) and the
// psql script that carries its own bookkeeping (psql.cpp), and the mysql
// client's (mysql.cpp).

#include <string>
#include <vector>

#include "compiler/script/mysql.h"
#include "compiler/script/psql.h"
#include "compiler/script/script.h"

namespace migrac {

std::string render_plain_script(const std::vector<const MigrationPlan*>& plans,
                                const SourceSet& sources, const ScriptOptions& options);
// The plain script in pieces whose concatenation is render_plain_script's
// text: the header, then one piece per migration (moved from a non-empty
// (*rendered)[i] when given, see write_script).
std::vector<std::string> plain_script_pieces(const std::vector<const MigrationPlan*>& plans,
                                             const SourceSet& sources, const ScriptOptions& options,
                                             std::vector<std::string>* rendered = nullptr);

}  // namespace migrac
