#!/usr/bin/env bash
# The .deb: cpack -G DEB builds it from the build tree; dpkg -x unpacks it into
# a scratch root (no installation, no container), and the binary from there
# prints its version and checks the example project. Its Depends name the
# package of every shared library the binary loads (at start, or when it
# connects: libpq, libmariadb), its man page and
# completions are in place and name the verbs.
#   deb_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
work=$(mktemp -d /tmp/migrac-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/out/migrac_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { ls -R "$work/out"; fail "cpack wrote no migrac_*.deb"; }
echo "--- built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

depends=$(dpkg-deb -f "$deb" Depends)
echo "--- Depends: $depends"
[ -n "$depends" ] || fail "the .deb declares no Depends"

root="$work/root"
dpkg -x "$deb" "$root"
bin="$root/usr/bin/migrac"
[ -x "$bin" ] || fail "no usr/bin/migrac in the .deb"
for f in usr/share/man/man1/migrac.1.gz usr/share/bash-completion/completions/migrac \
         usr/share/zsh/vendor-completions/_migrac; do
  [ -s "$root/$f" ] || fail "no $f in the .deb"
done

# Every shared library the binary needs (its NEEDED entries; theirs are their
# packages' own dependencies), and the client libraries it loads when it
# connects (runtime/db/client_library.cpp), come from packages the .deb depends on.
names=$(sed 's/([^)]*)//g; s/|/,/g' <<<"$depends" | tr ',' '\n' | sed 's/^ *//; s/ *$//')
# depends_on_package_of LIB WHEN: fails unless Depends names the package of LIB
# (a path, or a symbolic link to one), which the binary loads WHEN.
depends_on_package_of() {
  local lib=$1 when=$2 pkg
  pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null) ||
    fail "library $lib belongs to no Debian package"
  pkg=${pkg%%:*}
  grep -qxF -- "$pkg" <<<"$names" ||
    fail "the binary loads $lib $when (package $pkg) but Depends does not name $pkg"
}
resolved=$(ldd "$bin")
readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | while read -r soname; do
  lib=$(awk -v n="$soname" '$1 == n && $2 == "=>" { print $3 }' <<<"$resolved")
  [ -n "$lib" ] || fail "library $soname of the binary is not found"
  depends_on_package_of "$lib" "at start"
done
ldd "$bin" | grep -q "not found" && fail "a library of the binary is not found"
for soname in libpq.so.5 libmariadb.so.3; do
  # (awk reads to the end: leaving early would end ldconfig with SIGPIPE, a pipefail)
  lib=$(ldconfig -p | awk -v n="$soname" '$1 == n && !found { print $NF; found = 1 }')
  [ -n "$lib" ] || fail "client library $soname is not installed"
  depends_on_package_of "$lib" "when it connects"
done

version=$(env -u MIGRAC_URL -u DATABASE_URL "$bin" --version)
echo "--- $version"
[[ $version == "migrac "* ]] || fail "unexpected --version output '$version'"

cp -r "$src/migrations" "$work/project"
out=$(cd "$work" && env -u MIGRAC_URL -u DATABASE_URL "$bin" check --dir project 2>&1) ||
  { echo "$out"; fail "migrac check on the example project failed from the unpacked .deb"; }
echo "--- $out"

man=$(zcat "$root/usr/share/man/man1/migrac.1.gz")
for verb in check upgrade downgrade; do
  grep -q "^\.SS $verb$" <<<"$man" || fail "the man page has no section for '$verb'"
done
grep -q -- '\\-\\-backup' <<<"$man" || fail "the man page does not describe --backup"
bash -c "source '$root/usr/share/bash-completion/completions/migrac'
         COMP_WORDS=(migrac upg); COMP_CWORD=1; _migrac; [ \"\${COMPREPLY[*]}\" = upgrade ]" ||
  fail "bash completion does not complete 'upg' to 'upgrade'"
bash -c "source '$root/usr/share/bash-completion/completions/migrac'
         COMP_WORDS=(migrac upgrade --backu); COMP_CWORD=2; _migrac; [ \"\${COMPREPLY[*]}\" = --backup ]" ||
  fail "bash completion does not complete 'upgrade --backu' to '--backup'"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_migrac" ||
  fail "the zsh completion does not parse"; fi
echo "ok: the .deb unpacks and runs"
