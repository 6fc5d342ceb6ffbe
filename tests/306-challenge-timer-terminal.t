#!/bin/sh
# timer on a terminal: a bar redrawn in place, a bell at each switch, the cursor hidden and shown; Ctrl-C stops it.
. "${0%/*}/lib.sh"

ms() { date +%s%3N; }
has() { grep -qF "$(printf "$1")" "$T/raw"; }	# the raw output holds these bytes
count() { tr -cd "$(printf "$1")" <"$T/raw" | wc -c; }
text() { tr -d '\r' <"$T/raw"; }
# shown: wait (up to 30 s, longer under valgrind) until the timer has hidden
# the cursor, i.e. is running with its signal handlers in place.
shown() {
	_i=0
	until [ -e "$T/raw" ] && has '\033[?25l'; do
		_i=$((_i + 1))
		[ "$_i" -gt $((300 * EM_SLOW)) ] && return 1
		sleep 0.1
	done
}

t0=$(ms)
ok     'the timer on a terminal ends with 0'	sh -c 'script -qec "empathy-challenge timer 0.01 --rounds 2" /dev/null </dev/null >"$1"' sh "$T/raw"
t1=$(ms)
ok     'in well under 5 s'	test $((t1 - t0)) -lt 5000
ok     'it hides the cursor'	has '\033[?25l'
ok     'and shows it again'	has '\033[?25h'
ok     'the bar is drawn with # and . and the time left'	grep -q '\[#*\.*\] *0:0[01]' "$T/raw"
ok     'and redrawn in place with \r many times'	test "$(count '\r')" -gt 6
ok     'the bell rings right before "switch"'	has '\aswitch'
same   'once for the switch and once at the end'	"$(count '\a')" 2
same   'both rounds and the end are there'	"$(text | grep -a -o 'round [12] of 2\|switch\|done: talk')" \
'round 1 of 2
switch
round 2 of 2
done: talk'
ok     'the bar is cleared before each line'	has '\r\033[K\aswitch'

# Ctrl-C on the terminal, once the timer runs (timed from the key).
rm -f "$T/raw"
{ shown; t0=$(ms); printf '\003'; sleep 0.5; echo "$t0" >"$T/t0"; } | { script -qec 'empathy-challenge timer 1' /dev/null; echo " exit $?"; } >"$T/raw"
t1=$(ms); t0=$(cat "$T/t0")
same   'Ctrl-C: the cursor shown, "stopped" and exit 130, last'	"$(text | tail -2 | sed 's/.*\[?25h/(cursor shown)/')" '(cursor shown)stopped
 exit 130'
ok     'the cursor was hidden'	has '\033[?25l'
ok     'and is shown again'	has '\033[?25h'
unlike 'no switch and no done'	"$(text)" 'switch|done:'
ok     'it stopped at once, not after the minute'	test $((t1 - t0)) -lt 4000

# A TERM from elsewhere also restores the cursor.
rm -f "$T/raw"
{ script -qec "echo \$\$ >'$T/pid'; exec empathy-challenge timer 1" /dev/null </dev/null >"$T/raw"; echo $? >"$T/st"; } &
shown
ok     'the timer is running'	test -s "$T/pid"
ok     'SIGTERM'	kill -TERM "$(cat "$T/pid")"
wait
same   'exit 143'	"$(cat "$T/st")" 143
ok     'the cursor is shown again'	has '\033[?25h'
like   'and it says stopped'	"$(text)" 'stopped$'
