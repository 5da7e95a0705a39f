#!/usr/bin/env python3
"""Self-test of check_layers.py: small synthetic trees in a temporary folder,
checked against the real layers.txt. A tree that keeps the rules passes; each
kind of violation fails with its file, line and rule."""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_layers  # noqa: E402

LAYERS = os.path.join(HERE, "layers.txt")

# A tree that keeps every rule: each file names what it includes.
GOOD = {
    "compiler/source/source.h": ["<string>"],
    "compiler/diag/diag.h": ['"compiler/source/source.h"'],
    "compiler/diag/codes.def": ['"compiler/diag/codes_check.def"'],
    "compiler/diag/codes_check.def": [],
    "compiler/model/schema.h": ['"compiler/diag/diag.h"'],
    "compiler/pgsql/tree.h": ['"compiler/model/schema.h"'],
    "compiler/pgsql/tree.cpp": ["<pg_query.h>", '"compiler/pgsql/tree.h"'],
    "compiler/syntax/parse_tree.h": ["<antlr4-runtime.h>", '"MigracLexer.h"', '"MigracParser.h"'],
    "compiler/dialect/dialect.h": ['"compiler/model/schema.h"'],
    "compiler/dialect/postgres/types.h": ['"compiler/dialect/dialect.h"'],
    "compiler/dialect/postgres/types.cpp": ['"types.h"', '"compiler/dialect/postgres/types.h"'],
    "compiler/dialect/sqlite/types.cpp": ['"compiler/dialect/dialect.h"'],
    "compiler/dialect/registry.cpp": ['"compiler/dialect/postgres/types.h"'],
    "compiler/plan/plan.h": ['"compiler/dialect/dialect.h"', '"../model/schema.h"'],
    "compiler/script/script.h": ['"compiler/plan/plan.h"'],
    "compiler/project/project.h": ['"compiler/script/script.h"'],
    "compiler/lint/lint.h": ['"compiler/project/project.h"'],
    "runtime/config/config.h": ['"compiler/lint/lint.h"'],
    "runtime/db/driver.h": ['"runtime/config/config.h"'],
    "runtime/cli/verbs.h": ['"runtime/db/driver.h"', '"compiler/pgsql/tree.h"'],
    "runtime/main.cpp": ['"runtime/cli/verbs.h"', "<iostream>"],
}


def write_tree(root, files):
    for path, includes in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write("// a file of the synthetic tree\n")
            for inc in includes:  # a line that starts with // is written as it is
                f.write(f"{inc}\n" if inc.startswith("//") else f"#include {inc}\n")


class CheckLayersTest(unittest.TestCase):
    def found(self, extra, layers=LAYERS):
        """The violations of GOOD plus `extra`, as (file, line, rule)."""
        with tempfile.TemporaryDirectory() as root:
            write_tree(root, {**GOOD, **extra})
            found = check_layers.check(root, check_layers.Layers(layers))
        return [(path, line, rule) for path, line, rule, _ in found]

    def test_good_tree_passes(self):
        self.assertEqual(self.found({}), [])

    def test_good_tree_exits_zero_and_a_bad_one_exits_one_naming_file_line_rule(self):
        script = os.path.join(HERE, "check_layers.py")
        with tempfile.TemporaryDirectory() as root:
            write_tree(root, GOOD)
            good = subprocess.run([sys.executable, script, root], capture_output=True, text=True)
            write_tree(root, {"compiler/model/schema.h": ['"compiler/diag/diag.h"', '"compiler/plan/plan.h"']})
            bad = subprocess.run([sys.executable, script, root], capture_output=True, text=True)
        self.assertEqual(good.returncode, 0, good.stdout)
        self.assertEqual(good.stdout, f"layering: {len(GOOD)} files, 0 violations\n")
        self.assertEqual(bad.returncode, 1)
        self.assertEqual(bad.stdout.splitlines(), [
            'compiler/model/schema.h:3: [layer] includes "compiler/plan/plan.h": compiler/model is below '
            'compiler/plan, so it may not include it',
            f"layering: {len(GOOD)} files, 1 violations (1 layer)",
        ])

    def test_lower_phase_including_a_higher_one_fails(self):
        self.assertEqual(self.found({
            "compiler/plan/plan.h": ['"compiler/dialect/dialect.h"', '"compiler/script/script.h"'],
            "compiler/dialect/dialect.h": ['"compiler/plan/plan.h"'],
        }), [("compiler/dialect/dialect.h", 2, "layer"), ("compiler/plan/plan.h", 3, "layer")])

    def test_relative_include_upward_fails(self):
        self.assertEqual(self.found({"compiler/model/schema.h": ['"../lint/lint.h"']}),
                         [("compiler/model/schema.h", 2, "layer")])

    def test_compiler_including_runtime_and_runtime_running_up_fail(self):
        self.assertEqual(self.found({
            "compiler/lint/lint.h": ['"runtime/config/config.h"'],
            "runtime/db/driver.h": ['"runtime/cli/verbs.h"'],
            "runtime/cli/verbs.h": ['"runtime/main.cpp"'],
        }), [("compiler/lint/lint.h", 2, "layer"), ("runtime/cli/verbs.h", 2, "layer"),
             ("runtime/db/driver.h", 2, "layer")])

    def test_one_dialect_including_another_fails(self):
        self.assertEqual(self.found({
            "compiler/dialect/sqlite/types.cpp": ['"compiler/dialect/dialect.h"',
                                                  '"compiler/dialect/postgres/types.h"'],
            "compiler/dialect/mysql/online/alter.cpp": ['"../../sqlite/types.cpp"'],
        }), [("compiler/dialect/mysql/online/alter.cpp", 2, "apart"),
             ("compiler/dialect/sqlite/types.cpp", 3, "apart")])

    def test_pg_query_outside_pgsql_fails(self):
        self.assertEqual(self.found({
            "compiler/check/raw_ddl.cpp": ['"compiler/pgsql/tree.h"', "<pg_query.h>"],
            "compiler/lint/raw_sql.cpp": ['"pg_query.h"'],
            "runtime/db/pg.cpp": ["<pg_query.h>"],
        }), [("compiler/check/raw_ddl.cpp", 3, "confined"), ("compiler/lint/raw_sql.cpp", 2, "confined"),
             ("runtime/db/pg.cpp", 2, "confined")])

    def test_antlr_headers_outside_syntax_fail(self):
        self.assertEqual(self.found({
            "compiler/lint/rules.cpp": ["<antlr4-runtime.h>"],
            "compiler/check/walk.cpp": ['"MigracParser.h"'],
            "runtime/cli/dump.cpp": ["<antlr4-runtime/tree/ParseTree.h>"],
        }), [("compiler/check/walk.cpp", 2, "confined"), ("compiler/lint/rules.cpp", 2, "confined"),
             ("runtime/cli/dump.cpp", 2, "confined")])

    def test_file_outside_every_layer_fails_once_per_folder(self):
        self.assertEqual(self.found({
            "compiler/emit/emitter.h": ['"compiler/plan/plan.h"'],
            "compiler/emit/postgres.cpp": ['"compiler/emit/emitter.h"'],
            "compiler/project.h": [],
        }), [("compiler/emit/", 0, "no-layer"), ("compiler/project.h", 0, "no-layer")])

    def test_commented_out_include_is_not_read(self):
        self.assertEqual(self.found({"compiler/model/schema.h": ['// #include "compiler/lint/lint.h"']}), [])

    def test_a_new_phase_is_one_line_of_the_data_file(self):
        extra = {"compiler/emit/emitter.h": ['"compiler/plan/plan.h"']}
        with open(LAYERS) as f:
            text = f.read()
        with tempfile.TemporaryDirectory() as tmp:
            layers = os.path.join(tmp, "layers.txt")
            with open(layers, "w") as f:
                f.write(text.replace("compiler/lint\n", "compiler/lint\ncompiler/emit\n"))
            self.assertEqual(self.found(extra, layers), [])
            with open(layers, "w") as f:
                f.write(text.replace("compiler/source\n", "compiler/source\ncompiler/emit\n"))
            self.assertEqual(self.found(extra, layers), [("compiler/emit/emitter.h", 2, "layer")])

    def test_malformed_data_file_is_an_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            layers = os.path.join(tmp, "layers.txt")
            for text in ["compiler/source sideways\n", "compiler/a\ncompiler/a\n", "only compiler/pgsql\n"]:
                with open(layers, "w") as f:
                    f.write(text)
                with self.assertRaises(SystemExit):
                    check_layers.Layers(layers)


if __name__ == "__main__":
    unittest.main()
