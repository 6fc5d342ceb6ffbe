# tests/lib.sh: tiny TAP helpers for the end-to-end tests.
# Sourcing it makes $T (a private temp dir, removed on exit), points HOME,
# XDG_*, EMPATHY_DB and EMPATHY_CONTENT into it or the source tree, and
# prints the plan (1..N) itself at the end, so nobody counts by hand.
# Every helper prints the command's output and a diff on failure.

set -u
: "${EM_SRCDIR:=$(cd "${0%/*}/.." && pwd)}"
T=$(mktemp -d "${TMPDIR:-/tmp}/empathy-test.XXXXXX") || exit 1
trap 'rm -rf "$T"; echo "1..$_n"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export XDG_RUNTIME_DIR="$T/run" EMPATHY_DB="$T/empathy.db"
export EMPATHY_CONTENT="$EM_SRCDIR/content" EMPATHY_USER=sara
export LC_ALL=C TZ=UTC
unset NO_COLOR VISUAL EDITOR
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
_n=0
_fail=0

# Under valgrind (make check VALGRIND=1) every run is many times slower and
# bigger: time limits scale by EM_SLOW, and memory is not measured.
EM_SLOW=1
case ":$PATH:" in *"/valgrind:"*) EM_SLOW=20;; esac

_result() {	# status description
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_fail=$((_fail + 1))
	fi
}

_show() {	# indent a file as TAP diagnostics
	sed 's/^/# /' "$1" >&2
}

# ok DESC CMD...: CMD exits 0.
ok() {
	_d=$1; shift
	"$@" >"$T/.out" 2>"$T/.err"
	_s=$?
	_result "$_s" "$_d"
	if [ "$_s" -ne 0 ]; then
		echo "# exit $_s from: $*" >&2
		_show "$T/.out"; _show "$T/.err"
	fi
	return 0
}

# status DESC N CMD...: CMD exits with status N.
status() {
	_d=$1; _want=$2; shift 2
	"$@" >"$T/.out" 2>"$T/.err"
	_s=$?
	[ "$_s" -eq "$_want" ]
	_result $? "$_d"
	if [ "$_s" -ne "$_want" ]; then
		echo "# exit $_s, wanted $_want, from: $*" >&2
		_show "$T/.out"; _show "$T/.err"
	fi
	return 0
}

# same DESC GOT WANT: two strings are equal.
same() {
	if [ "$2" = "$3" ]; then
		_result 0 "$1"
	else
		_result 1 "$1"
		printf '%s\n' "$3" >"$T/.want"
		printf '%s\n' "$2" >"$T/.got"
		diff -u "$T/.want" "$T/.got" | sed 's/^/# /' >&2
	fi
}

# like DESC GOT PATTERN: a string matches a grep -E pattern.
like() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		_result 0 "$1"
	else
		_result 1 "$1"
		echo "# wanted a match for: $3" >&2
		printf '%s\n' "$2" | sed 's/^/# /' >&2
	fi
}

# unlike DESC GOT PATTERN: a string does not match.
unlike() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		_result 1 "$1"
		echo "# wanted no match for: $3" >&2
		printf '%s\n' "$2" | sed 's/^/# /' >&2
	else
		_result 0 "$1"
	fi
}

# out/err: what the last ok/status command printed.
out() { cat "$T/.out"; }
err() { cat "$T/.err"; }

# sql QUERY: ask the test database directly.
sql() { sqlite3 "$EMPATHY_DB" "$@"; }

# day N: the date N days from today (negative for the past), as YYYY-MM-DD.
day() { date -d "$1 days" +%F; }

# pty 'CMD': run CMD with a terminal as its stdin, stdout and stderr; what it
# printed, without \r; CMD's status.
pty() {
	script -qec "$1" /dev/null </dev/null >"$T/pty"
	_s=$?
	tr -d '\r' <"$T/pty"
	return $_s
}

# tty 'CMD' LINE...: run CMD on a pseudo-terminal, typing each LINE after
# $pause seconds (3 under valgrind, where a program is slow to reach its
# prompt); what it showed, on one line without \r or colours, then " exit N".
tty() {
	_cmd=$1; shift
	_p=${pause:-0.3}
	case $(command -v empathy-checkin) in */valgrind/*) _p=3;; esac
	for _l in "$@"; do sleep "$_p"; printf '%s' "$_l"; done | {
		script -qec "$_cmd" /dev/null; echo " exit $?"
	} | tr -d '\r' | sed 's/\x1b\[[0-9;]*m//g' | tr '\n' ' '
	sleep 0.1
}
