# tests/lib.sh: tiny TAP helpers for the end-to-end tests.
# Sourcing it makes $T (a private temp dir), decides the whole environment the
# programs see (HOME, XDG_*, every EMPATHY_* variable, the content path,
# locale, time zone, terminal type) and prints the plan (1..N) itself at the
# end, so nobody counts by hand. Every helper prints the command's output and
# a diff on failure. When a test fails, $T is kept and its path printed (as
# git's t/ does); when all pass, it is removed.

set -u
: "${EM_SRCDIR:=$(cd "${0%/*}/.." && pwd)}"
T=$(mktemp -d "${TMPDIR:-/tmp}/empathy-test.XXXXXX") || exit 1
_n=0
_fail=0
_end() {
	_rc=$?
	if [ "$_fail" -ne 0 ] || [ "$_rc" -ne 0 ]; then
		echo "# kept the test's files in $T" >&2
	else
		rm -rf "$T"
	fi
	echo "1..$_n"
	[ "$_fail" -eq 0 ] || exit 1
}
trap _end EXIT

# Nothing from the caller's environment or an installed copy: no EMPATHY_*
# variable but ours, content only from the source tree (EMPATHY_CONTENTDIR
# empty: the installed directory takes no part), config only under $T.
for _v in $(env | sed -n 's/^\(EMPATHY_[A-Za-z0-9_]*\)=.*/\1/p'); do
	unset "$_v"
done
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export XDG_RUNTIME_DIR="$T/run" XDG_CACHE_HOME="$T/cache" EMPATHY_DB="$T/empathy.db"
export EMPATHY_CONTENT="$EM_SRCDIR/content" EMPATHY_CONTENTDIR='' EMPATHY_USER=sara
export LC_ALL=C TZ=UTC TERM=xterm
# libfaketime, where a test moves the clock, comes before the ASan runtime
# in a SANITIZE=1 build.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
unset NO_COLOR VISUAL EDITOR XDG_CONFIG_DIRS XDG_DATA_DIRS LANG LANGUAGE
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

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

# tab 'a|b|c': a tsv line, written with | for each tab.
tab() { printf '%s' "$1" | tr '|' '\t'; }

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

# _ctrl_c_grace TYPED: after typing Ctrl-C last, keep the terminal's input
# open a while (longer under valgrind): closing it sends an EOF too, which a
# program slow to take its signal (valgrind delivers it late) reads first.
_ctrl_c_grace() {
	case $1 in
	*"$(printf '\003')"*) if [ "$EM_SLOW" -gt 1 ]; then sleep 3; else sleep 0.3; fi ;;
	esac
}

# tty 'CMD' LINE...: run CMD on a pseudo-terminal, typing each LINE after
# $pause seconds (3 under valgrind, where a program is slow to reach its
# prompt); what it showed, on one line without \r or colours, then " exit N".
tty() {
	_cmd=$1; shift
	_p=${pause:-0.3}
	case $(command -v empathy-checkin) in */valgrind/*) _p=3;; esac
	{ for _l in "$@"; do sleep "$_p"; printf '%s' "$_l"; done
	  _ctrl_c_grace "$_l"; } | {
		script -qec "$_cmd" /dev/null; echo " exit $?"
	} | tr -d '\r' | sed 's/\x1b\[[0-9;]*m//g' | tr '\n' ' '
	sleep 0.1
}

# A conversation on a pseudo-terminal, driven by what it shows rather than
# by fixed pauses:
#   pty_start 'CMD'   run CMD on a new terminal, in the background
#   pty_wait ERE      wait until the last line shown since the last pty_type
#                     matches ERE (a prompt); status 1 if CMD ended first or
#                     nothing came within $EM_PTY_WAIT seconds (times EM_SLOW)
#   pty_type TEXT     type TEXT (printf %b: \n Enter, \004 Ctrl-D, \003 Ctrl-C)
#   pty_end           stop typing, wait for CMD; status: CMD's (130 for SIGINT)
#   pty_out           all it showed, without \r and colours
pty_start() {
	rm -f "$T/pty.in" "$T/pty.out"
	mkfifo "$T/pty.in" || return 1
	: >"$T/pty.out"
	_pty_off=0
	# A command started with & ignores SIGINT; Ctrl-C must reach CMD.
	perl -e '$SIG{INT} = $SIG{QUIT} = "DEFAULT"; exec @ARGV or exit 127' \
	    script -qfec "$1" /dev/null <"$T/pty.in" >"$T/pty.out" 2>&1 &
	_pty_pid=$!
	exec 7>"$T/pty.in"
}
pty_running() { kill -0 "$_pty_pid" 2>/dev/null; }
pty_out() { tr -d '\r' <"$T/pty.out" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g'; }
_pty_last() {	# the last line shown since the last pty_type
	tail -c +"$((_pty_off + 1))" "$T/pty.out" | tr -d '\r' |
	    sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' | tail -n 1
}
pty_wait() {
	_pw_end=$(($(date +%s) + ${EM_PTY_WAIT:-30} * EM_SLOW))
	while :; do
		if _pty_last | grep -Eq -- "$1"; then
			return 0
		fi
		pty_running || { _pty_last | grep -Eq -- "$1"; return; }
		[ "$(date +%s)" -lt "$_pw_end" ] || return 1
		sleep 0.05
	done
}
pty_type() {
	_pty_off=$(wc -c <"$T/pty.out")
	# shellcheck disable=SC2059
	printf "$1" >&7
}
pty_end() {
	_pe_end=$(($(date +%s) + ${EM_PTY_WAIT:-30} * EM_SLOW))
	while pty_running && [ "$(date +%s)" -lt "$_pe_end" ]; do
		sleep 0.05
	done
	pty_running && kill -KILL "$_pty_pid" 2>/dev/null
	exec 7>&-
	wait "$_pty_pid"
}

# widest: how many terminal columns the widest line of stdin takes (wc -L
# counts display columns in a UTF-8 locale; bytes would overcount "…").
widest() { LC_ALL=C.UTF-8 wc -L; }

# oneline: a message as one line (on a terminal, diagnostics wrap at 80
# columns, continued under their first word).
oneline() { tr -d '\r' | tr '\n' ' ' | sed 's/  */ /g'; }

# drive 'CMD' [WAIT TYPE]...: run CMD on a pseudo-terminal; each time WAIT
# shows in what it printed since the last answer, type TYPE. Sets $S (its
# status) and $O (all it showed, one line, without \r or colours). A pipe,
# not a background job, feeds it: a job would start with SIGINT ignored.
_feed() {
	_off=0
	while [ $# -ge 2 ]; do
		_i=0
		until tail -c +$((_off + 1)) "$T/drv" | tr -d '\r' | grep -Fq -- "$1"; do
			_i=$((_i + 1))
			[ "$_i" -gt $((600 * EM_SLOW)) ] || [ -e "$T/drv.done" ] && break
			sleep 0.05
		done
		_off=$(wc -c <"$T/drv")
		(trap '' PIPE; printf '%s' "$2") 2>/dev/null
		_last=$2
		shift 2
	done
	case ${_last:-} in
	*"$(printf '\003')"*)	# see _ctrl_c_grace; here, until it has ended
		_i=0
		while [ ! -e "$T/drv.done" ] && [ "$_i" -lt $((100 * EM_SLOW)) ]; do
			sleep 0.05
			_i=$((_i + 1))
		done ;;
	esac
}
drive() {
	_c=$1; shift
	rm -f "$T/drv.done"
	: >"$T/drv"
	_feed "$@" | {
		timeout -s KILL $((60 * EM_SLOW)) script -qec "$_c" /dev/null >"$T/drv" 2>&1
		echo $? >"$T/drv.done"
	}
	S=$(cat "$T/drv.done")
	O=$(tr -d '\r' <"$T/drv" | sed 's/\x1b\[[0-9;]*m//g' | tr '\n' ' ')
}

# ask 'CMD' PROMPT LINE...: run CMD on a pseudo-terminal and type each LINE
# once PROMPT (a fixed string) has shown up as many times as lines typed so
# far plus one, waiting up to 30 s each (slow builds reach a prompt late);
# what it showed, on one line without \r or colours, then " exit N".
ask() {
	_cmd=$1 _pr=$2; shift 2
	: >"$T/ask.out"
	{
		_k=0
		for _l in "$@"; do
			_k=$((_k + 1)) _i=0
			while [ "$(grep -oF -- "$_pr" "$T/ask.out" | wc -l)" -lt "$_k" ] &&
			    [ "$_i" -lt 300 ]; do
				sleep 0.1
				_i=$((_i + 1))
			done
			printf '%s' "$_l"
		done
		sleep 0.2
		_ctrl_c_grace "$_l"
	} | { script -qec "$_cmd" /dev/null >"$T/ask.out"; echo $? >"$T/ask.rc"; }
	tr -d '\r' <"$T/ask.out" | sed 's/\x1b\[[0-9;]*m//g' | tr '\n' ' '
	echo " exit $(cat "$T/ask.rc") "
}
