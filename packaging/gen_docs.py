#!/usr/bin/env python3
"""The man page and the shell completions of migrac, from its own help texts.

  gen_docs.py MIGRAC OUTDIR

Runs `MIGRAC --help` (the verbs and their summaries) and `MIGRAC VERB --help`
(each verb's usage line and options) and writes OUTDIR/migrac.1.gz (roff),
OUTDIR/migrac.bash (bash-completion) and OUTDIR/_migrac (zsh). Nothing here
lists a verb or an option: a new one in the help texts appears in all three.
"""
import gzip
import os
import re
import subprocess
import sys

OPTION = re.compile(r"^  (?:-(\w) \[ )?--([\w-]+)(?: \])?( arg)?(?: \(=([^)]*)\))?(?:\s{2,}(.*))?$")


def run(migrac, *args):
    p = subprocess.run([migrac, *args], capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if not k.startswith("MIGRAC_")})
    if p.returncode != 0:
        raise SystemExit(f"gen_docs: '{migrac} {' '.join(args)}' exited {p.returncode}:\n{p.stderr}")
    return p.stdout


def verbs(text):
    out, inside = [], False
    for line in text.split("\n"):
        if line.strip() == "verbs:":
            inside = True
            continue
        if inside:
            m = re.match(r"^  (\S+)\s+(.*)$", line)
            if not m:
                if out:
                    break
                continue
            out.append((m.group(1), m.group(2).strip()))
    if not out:
        raise SystemExit("gen_docs: no verbs in 'migrac --help'")
    return out


def verb_help(text):
    """(usage, [(group, [(short, name, arg, default, description)])])."""
    usage, groups, current, option = "", [], None, None
    for line in text.split("\n"):
        if line.startswith("usage: "):
            usage = line[len("usage: "):].strip()
            continue
        if line and not line.startswith(" ") and line.endswith(":"):
            current = (line[:-1], [])
            groups.append(current)
            option = None
            continue
        m = OPTION.match(line)
        if m and current is not None:
            option = [m.group(1), m.group(2), bool(m.group(3)), m.group(4), (m.group(5) or "").strip()]
            current[1].append(option)
        elif option is not None and line.startswith("   ") and line.strip():
            option[4] = (option[4] + " " + line.strip()).strip()
    return usage, groups


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def man_page(version, verb_list, helps):
    out = [f'.TH MIGRAC 1 "" "{roff(version)}" "User Commands"',
           ".SH NAME", "migrac \\- a SQL\\-file\\-first schema migration compiler",
           ".SH SYNOPSIS", ".B migrac", ".I VERB", "[\\fIoptions\\fR]",
           ".SH DESCRIPTION",
           "migrac checks a directory of migrations (.mig files in its own language, or plain "
           "SQL) against a schema model rebuilt from the whole history, compiles them into "
           "SQL for PostgreSQL, SQLite or MySQL, and applies or reverts them.",
           ".SH VERBS"]
    common = None
    for name, summary in verb_list:
        usage, groups = helps[name]
        out += [".SS " + roff(name), roff(summary) + ".", ".PP", ".B migrac " + roff(usage.split(" ", 1)[1] if usage.startswith("migrac ") else usage)]
        for group, options in groups:
            if group.startswith("Common options"):
                common = options
                continue
            for short, opt, arg, default, desc in options:
                if opt == "help":
                    continue
                head = (f"\\fB\\-{short}\\fR, " if short else "") + f"\\fB\\-\\-{roff(opt)}\\fR"
                if arg:
                    head += " \\fIarg\\fR"
                out += [".TP", head, roff(desc) + (f" (default: {roff(default)})" if default else "")]
    if common:
        out += [".SH COMMON OPTIONS", "Every verb takes these."]
        for short, opt, arg, default, desc in common:
            out += [".TP", f"\\fB\\-\\-{roff(opt)}\\fR" + (" \\fIarg\\fR" if arg else ""), roff(desc)]
    out += [".SH ENVIRONMENT",
            ".TP", "\\fBMIGRAC_URL\\fR, then \\fBDATABASE_URL\\fR",
            "the database URL when \\-\\-url is not given (before url in migrac.ini)",
            ".TP", "\\fBMIGRAC_DEV_URL\\fR", "the development database of the schema cache",
            ".TP", "\\fBMIGRAC_BACKUP\\fR", "the folder of the backups upgrade and downgrade take",
            ".TP", "\\fBNO_COLOR\\fR", "no colours in the output",
            ".SH FILES", ".TP", ".I migrac.ini",
            "the settings of a project (dir, dialect, url, dev_url, history_table, lock_timeout, "
            "statement_timeout, online, backup), read from the current folder or \\-\\-config",
            ".SH EXIT STATUS",
            ".TP", "0", "ok", ".TP", "1", "the migrations have errors", ".TP", "2", "usage",
            ".TP", "3", "database or I/O failure", ".TP", "4",
            "the database disagrees with the files (an edited applied migration, an unknown "
            "applied migration, drift)"]
    return "\n".join(out) + "\n"


def bash_completion(verb_list, helps):
    cases = []
    for name, _ in verb_list:
        opts = []
        for _, options in helps[name][1]:
            for short, opt, arg, _, _ in options:
                opts.append("--" + opt)
        cases.append(f"    {name}) opts=\"{' '.join(opts)}\" ;;")
    return f"""# bash completion of migrac (generated from its help texts)
_migrac() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "{' '.join(n for n, _ in verb_list)} --help --version" -- "$cur"))
    return
  fi
  case ${{COMP_WORDS[1]}} in
{chr(10).join(cases)}
    *) opts="" ;;
  esac
  case ${{COMP_WORDS[COMP_CWORD-1]}} in
    --dir|--backup|--out) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --dialect) COMPREPLY=($(compgen -W "postgres sqlite mysql" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -F _migrac migrac
"""


def zsh_quote(text):
    return text.replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def zsh_completion(verb_list, helps):
    verbs_spec = "\n".join(f"    '{n}:{zsh_quote(s)}'" for n, s in verb_list)
    cases = []
    for name, _ in verb_list:
        specs = []
        for _, options in helps[name][1]:
            for short, opt, arg, _, desc in options:
                value = ""
                if arg:
                    value = {"dir": ":folder:_files -/", "backup": ":folder:_files -/",
                             "config": ":file:_files",
                             "dialect": ":dialect:(postgres sqlite mysql)"}.get(opt, ":value: ")
                specs.append(f"'--{opt}[{zsh_quote(desc)}]{value}'")
        cases.append(f"    ({name}) _arguments -s {' '.join(specs)} '*:file:_files' ;;")
    return f"""#compdef migrac
# zsh completion of migrac (generated from its help texts)
local -a verbs
verbs=(
{verbs_spec}
)
if (( CURRENT == 2 )); then
  _describe 'verb' verbs
  return
fi
local verb=$words[2]
shift words
(( CURRENT-- ))
case $verb in
{chr(10).join(cases)}
esac
"""


def main():
    migrac, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    version = run(migrac, "--version").strip()
    verb_list = verbs(run(migrac, "--help"))
    helps = {name: verb_help(run(migrac, name, "--help")) for name, _ in verb_list}
    page = man_page(version, verb_list, helps).encode()
    with open(os.path.join(outdir, "migrac.1.gz"), "wb") as f:
        with gzip.GzipFile(filename="migrac.1", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
            g.write(page)
    with open(os.path.join(outdir, "migrac.bash"), "w") as f:
        f.write(bash_completion(verb_list, helps))
    with open(os.path.join(outdir, "_migrac"), "w") as f:
        f.write(zsh_completion(verb_list, helps))
    print(f"gen_docs: {len(verb_list)} verbs into {outdir}")


if __name__ == "__main__":
    main()
