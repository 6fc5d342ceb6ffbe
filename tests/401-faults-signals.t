#!/bin/sh
# Signals and broken output: a reader that goes away ends a program quietly; a full
# output is an error; Ctrl-C at a prompt, in the editor or in the timer stores nothing
# and leaves the terminal as it was.
. "${0%/*}/lib.sh"

# Under valgrind a program takes a while to reach its prompt.
pause=0.5
[ "$EM_SLOW" -gt 1 ] && pause=3

# A journal of 500 entries and 500 check-ins, each long enough that the output
# is far bigger than a pipe holds: the writer must still be writing when head leaves.
awk 'BEGIN {
	for (i = 1; i <= 500; i++)
		printf "{\"type\":\"entry\",\"id\":\"feed%012d\",\"user\":\"sara\",\"date\":\"2025-03-01\",\"kind\":\"seen\",\"text\":\"moment %d: he listened all the way to the end of what I had to say, and only then asked what would help, which was exactly what I needed that evening after the long day at work\",\"tags\":\"\",\"removed\":null,\"created\":\"2025-03-01T10:00:00.000Z\",\"updated\":\"2025-03-01T10:00:00.000Z\"}\n", i, i
}' >"$T/entries.jsonl"
awk 'BEGIN {
	n = 0
	for (y = 2023; y <= 2024; y++) for (m = 1; m <= 12; m++) for (d = 1; d <= 28 && n < 500; d++) {
		n++
		printf "{\"type\":\"checkin\",\"id\":\"c0ffee%010d\",\"user\":\"sara\",\"date\":\"%d-%02d-%02d\",\"feeling\":null,\"underneath\":null,\"high\":\"the high of day %d, a long walk by the river with time to talk\",\"low\":\"the low of day %d, a short temper over nothing much\",\"created\":\"2025-03-01T10:00:00.000Z\",\"updated\":\"2025-03-01T10:00:00.000Z\"}\n", n, y, m, d, n, n
	}
}' >"$T/checkins.jsonl"
ok     'a journal of 500 entries'	sh -c 'empathy-journal import <"$1"' sh "$T/entries.jsonl"
ok     'and 500 check-ins'	sh -c 'empathy-checkin import <"$1"' sh "$T/checkins.jsonl"
ok     'an assessment'	empathy-assess take self --answers 1,2,3,4,5,1,2,3,4,5

# piped 'CMD': run CMD into head -1; its stderr goes to $T/perr, its status to $T/pst.
# Under valgrind a program ended by a signal gets a memory report on stderr
# (==pid== lines): that is valgrind speaking, not the program; leave it out.
piped() {
	sh -c "$1"' 2>"$0/perr.raw"; echo $? >"$0/pst"' "$T" | head -1 >"$T/pout"
	grep -v '^==[0-9]*==' "$T/perr.raw" >"$T/perr"
}
for c in 'empathy-journal list' 'empathy-journal list -f json' 'empathy-checkin export' \
    'empathy-checkin show --since 2023-01-01' 'empathy-assess list' 'empathy-assess history'; do
	piped "$c"
	like   "$c | head -1: ends by SIGPIPE or quietly"	"$(cat "$T/pst")" '^(0|141)$'
	same   "$c | head -1: nothing on stderr"	"$(cat "$T/perr")" ''
	ok     "$c | head -1: the first line came through"	test -s "$T/pout"
done
# The big outputs cannot have fit in the pipe: those must have met the closed pipe.
piped 'empathy-journal list'
same   'list over 500 entries does meet the closed pipe (SIGPIPE)'	"$(cat "$T/pst")" 141
piped 'empathy-checkin export'
same   'export of 500 check-ins does too'	"$(cat "$T/pst")" 141

# With SIGPIPE ignored (as some parents leave it), still not a word.
for c in 'empathy-journal list' 'empathy-checkin export' 'empathy-journal export'; do
	piped "trap '' PIPE; $c"
	same   "$c | head -1, SIGPIPE ignored: nothing on stderr"	"$(cat "$T/perr")" ''
	like   "$c | head -1, SIGPIPE ignored: 0 or an output error, no signal"	"$(cat "$T/pst")" '^(0|74)$'
done

# A full output device is an error worth a line.
for c in 'empathy-assess list' 'empathy-journal list' 'empathy-checkin export' 'empathy-journal export'; do
	status "$c >/dev/full: exits 74"	74 sh -c "exec $c >/dev/full"
	same   "$c >/dev/full: one line on stderr"	"$(err | wc -l)" 1
	like   "$c >/dev/full: saying output could not be written"	"$(err)" '^empathy-[a-z]+: .*(writ|output).*No space left on device'
done
status 'a closed stdout: exits 74'	74 sh -c 'exec empathy-journal list >&-'
like   'a closed stdout: with a message'	"$(err)" '^empathy-journal: .*output'
same   'a closed stdout: the database is not harmed'	"$(sql 'pragma integrity_check')" ok

# --- Ctrl-C on a terminal -----------------------------------------------------
# term 'CMD' KEYS...: run CMD on a pseudo-terminal, then `stty -a` in the same
# session; each of KEYS is typed after a pause. The session's shell catches SIGINT
# (trap :) to live on and run stty; CMD gets the default action back, as usual.
term() {
	_cmd=$1; shift
	for _k in "$@"; do
		sleep "$pause"
		# wait_for FILE: the key goes only once FILE is there (at most 10 s).
		_w=0; while [ -n "${wait_for:-}" ] && [ ! -e "$wait_for" ] && [ "$_w" -lt 100 ]; do sleep 0.1; _w=$((_w + 1)); done
		printf '%s' "$_k"
	done | {
		script -qec "trap : INT; $_cmd; echo \"exit \$?\"; stty -a" /dev/null
		sleep 0.1
	} >"$T/raw" 2>&1
	tr -d '\r' <"$T/raw" >"$T/term"
}
escapes() { grep -c "$(printf '\033')" "$T/term"; }
entries() { sql 'select count(*) from entry'; }
checkins() { sql 'select count(*) from checkin'; }
results() { sql 'select count(*) from result'; }

term 'empathy-checkin add --date -1' "$(printf '\003')"
like   'Ctrl-C at the first prompt of check-in'	"$(cat "$T/term")" 'The high of your day: '
like   'ends it by SIGINT (130)'	"$(cat "$T/term")" '(^|\^C)exit 130$'
same   'nothing is stored'	"$(checkins)" 500
same   'no stray escape sequences'	"$(escapes)" 0
like   'the terminal echoes again'	"$(cat "$T/term")" '[; ]echo[; ]'
unlike 'and is not left without echo'	"$(cat "$T/term")" '-echo[; ]'
like   'and is back in line mode'	"$(cat "$T/term")" '[; ]icanon[; ]'

term 'empathy-checkin add --date -1' 'a good talk
' "$(printf '\003')"
like   'Ctrl-C at the second prompt of check-in'	"$(tr "\n" " " <"$T/term")" 'The low of your day: .*exit 130'
same   'nothing is stored'	"$(checkins)" 500
like   'the terminal echoes again'	"$(cat "$T/term")" '[; ]echo[; ]'

term 'empathy-assess take bandwidth' '3
' "$(printf '\003')"
like   'Ctrl-C at the second question of an assessment'	"$(tr "\n" " " <"$T/term")" '2/4 .*exit 130'
same   'nothing is stored'	"$(results)" 1
like   'the terminal echoes again'	"$(cat "$T/term")" '[; ]echo[; ]'
unlike 'and is not left without echo'	"$(cat "$T/term")" '-echo[; ]'

# Ctrl-C while the editor runs: the editor writes text, then waits.
cat >"$T/ed-sleep" <<'ED'
#!/bin/sh
echo "half a thought" >"$1"
echo "$1" >"${0%/*}/edited"
sleep 10
ED
chmod +x "$T/ed-sleep"
t0=$(date +%s)
wait_for=$T/edited
term "VISUAL=$T/ed-sleep empathy-journal add --seen" "$(printf '\003')"
wait_for=
t1=$(date +%s)
ok     'the editor was started'	test -s "$T/edited"
like   'Ctrl-C in the editor: it says nothing was stored'	"$(cat "$T/term")" 'interrupted; nothing stored'
like   'and does not claim success'	"$(cat "$T/term")" '^exit [1-9][0-9]*$'
same   'nothing is stored'	"$(entries)" 500
same   "no empathy.* directory left in \$XDG_RUNTIME_DIR"	"$(find "$XDG_RUNTIME_DIR" -name 'empathy.*')" ''
ok     'nor the file the editor had'	test ! -e "$(cat "$T/edited")"
ok     'it did not wait for the editor to finish'	test $((t1 - t0)) -lt 8
like   'the terminal echoes again'	"$(cat "$T/term")" '[; ]echo[; ]'
unlike 'and is not left without echo'	"$(cat "$T/term")" '-echo[; ]'

# The same with $EDITOR, and the signal sent to the editor's process group from outside.
cat >"$T/ed-group" <<'ED'
#!/bin/sh
echo "another half" >"$1"
cut -d " " -f 5 /proc/$$/stat >"${0%/*}/pgid.tmp" && mv "${0%/*}/pgid.tmp" "${0%/*}/pgid"
sleep 10
ED
chmod +x "$T/ed-group"
# A job started with & has SIGINT ignored (POSIX), and the editor would inherit
# that and outlive the signal: give it back its default first.
t0=$(date +%s)
{ perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' script -qec "EDITOR=$T/ed-group empathy-journal add --misunderstood; echo \"exit \$?\"" /dev/null </dev/null >"$T/raw" 2>&1; } &
w=0
while [ ! -s "$T/pgid" ] && [ "$w" -lt 100 ]; do sleep 0.1; w=$((w + 1)); done
ok     'the editor is running'	test -s "$T/pgid"
ok     'SIGINT to its process group'	kill -INT -"$(cat "$T/pgid")"
wait
like   'it says nothing was stored'	"$(tr -d '\r' <"$T/raw")" 'interrupted; nothing stored'
ok     'it did not wait for the editor to finish'	test $(($(date +%s) - t0)) -lt 8
same   'nothing is stored'	"$(entries)" 500
same   "no empathy.* directory left in \$XDG_RUNTIME_DIR"	"$(find "$XDG_RUNTIME_DIR" -name 'empathy.*')" ''

# Ctrl-C in the timer.
term 'empathy-challenge timer 1' "$(printf '\003')"
like   'Ctrl-C in the timer: "stopped"'	"$(cat "$T/term")" 'stopped'
like   'exit 130'	"$(cat "$T/term")" '(^|\^C)exit 130$'
ok     'the cursor was hidden'	grep -qF "$(printf '\033[?25l')" "$T/raw"
ok     'and is shown again'	grep -qF "$(printf '\033[?25h')" "$T/raw"
same   'shown after it was last hidden'	"$(tr -d '\r' <"$T/raw" | grep -ao "$(printf '\033')\[?25[lh]" | tail -1 | cut -c2-)" '[?25h'
like   'the terminal echoes again'	"$(cat "$T/term")" '[; ]echo[; ]'
