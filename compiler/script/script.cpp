// render_script / render_migration_script: dispatch on the script format.

#include "compiler/script/script.h"

#include "compiler/script/formats.h"

namespace migrac {

namespace {

std::string render(const std::vector<const MigrationPlan*>& plans, const SourceSet& sources,
                   const ScriptOptions& options) {
  switch (options.format) {
    case ScriptFormat::Plain: return render_plain_script(plans, sources, options);
    case ScriptFormat::Psql: return render_psql_script(plans, sources, options);
    case ScriptFormat::Mysql: return render_mysql_script(plans, sources, options);
  }
  return render_plain_script(plans, sources, options);
}

// The plans as the pointers the formats take.
std::vector<const MigrationPlan*> pointers(const std::vector<MigrationPlan>& plans) {
  std::vector<const MigrationPlan*> refs;
  refs.reserve(plans.size());
  for (const MigrationPlan& p : plans) refs.push_back(&p);
  return refs;
}

}  // namespace

std::string render_script(const std::vector<MigrationPlan>& plans, const SourceSet& sources,
                          const ScriptOptions& options) {
  return render(pointers(plans), sources, options);
}

bool write_script(std::ostream& out, const std::vector<MigrationPlan>& plans,
                  const SourceSet& sources, const ScriptOptions& options,
                  std::vector<std::string>* rendered) {
  std::vector<const MigrationPlan*> refs = pointers(plans);
  if (options.format != ScriptFormat::Plain)
    return static_cast<bool>(out << render(refs, sources, options));
  for (const std::string& piece : plain_script_pieces(refs, sources, options, rendered))
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  return static_cast<bool>(out);
}

std::string render_migration_script(const MigrationPlan& plan, const SourceSet& sources,
                                    const ScriptOptions& options) {
  return render({&plan}, sources, options);
}

}  // namespace migrac
