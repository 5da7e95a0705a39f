# The assertions every live test uses (sourced by lib.sh, and by the MariaDB
# tests, which start their own server instead of using lib.sh's cluster).
# Each command's output goes to $WORK/out and $WORK/err.

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

# expect_rc WANT CMD...: runs CMD, output into $WORK/out and $WORK/err.
expect_rc() {
  local want=$1; shift
  local rc=0
  "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  if [ "$rc" != "$want" ]; then
    echo "stdout:"; cat "$WORK/out"; echo "stderr:"; cat "$WORK/err"
    fail "expected exit $want, got $rc: $*"
  fi
}
out_has() { grep -qF -- "$1" "$WORK/out" || { cat "$WORK/out"; fail "stdout lacks '$1'"; }; }
err_has() { grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err"; fail "stderr lacks '$1'"; }; }
equals() { [ "$1" == "$2" ] || fail "$3: expected '$2', got '$1'"; }
