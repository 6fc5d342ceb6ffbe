#!/bin/sh
# timer off a terminal: one plain line per phase, no bar and no bell; signals stop it cleanly.
. "${0%/*}/lib.sh"

ms() { date +%s%3N; }

t0=$(ms)
ok     'timer 0.01 --rounds 3 off a terminal'	empathy-challenge timer 0.01 --rounds 3
t1=$(ms)
same   'one line per round, a switch between rounds, then done'	"$(out)" \
'round 1 of 3, 0:00: one of you speaks, the other only listens
switch
round 2 of 3, 0:00: the listener speaks now, the speaker only listens
switch
round 3 of 3, 0:00: one of you speaks, the other only listens
done: talk about what it was like to only listen'
same   'exactly 3 round lines'	"$(out | grep -c '^round [1-3] of 3')" 3
same   'exactly 2 switch lines'	"$(out | grep -c '^switch$')" 2
same   'and one done line, last'	"$(out | tail -1 | cut -c1-5)" 'done:'
same   'no carriage return, bell or escape'	"$(out | tr -d '\r\a\033' | cmp -s - "$T/.out" && echo clean)" clean
same   'nothing on stderr'	"$(err)" ''
ok     'it took about 3 x 0.6 s, well under 5 s'	test $((t1 - t0)) -ge 1700 -a $((t1 - t0)) -lt 5000
ok     'no database is needed'	test ! -e "$EMPATHY_DB"

ok     'two rounds by default, one switch'	empathy-challenge timer 0.005
same   'round lines say 2'	"$(out | grep -c '^round [12] of 2,')" 2
same   'one switch'	"$(out | grep -c '^switch$')" 1
ok     'one round: no switch'	empathy-challenge timer --rounds 1 0.005
same   'a round and done'	"$(out | cut -c1-13)" 'round 1 of 1,
done: talk ab'
ok     'options after the minutes too'	empathy-challenge timer 0.005 --rounds 1

status 'minutes must be a number'	64 empathy-challenge timer five
like   'it says what it wants'	"$(err)" "'five' is not a number of minutes"
status '0 minutes is too few'	64 empathy-challenge timer 0
status 'more than 180 minutes is too many'	64 empathy-challenge timer 181
status '--rounds 0 is refused'	64 empathy-challenge timer --rounds 0 0.005
status '--rounds 101 is refused'	64 empathy-challenge timer --rounds 101 0.005
status 'one minutes argument at most'	64 empathy-challenge timer 1 2
same   'none of these printed a round'	"$(out)" ''

# Signals: the timer stops cleanly and says so. Under valgrind it takes a
# while to start and to finish, so wait longer there.
settle=0.5 limit=1000
case $(command -v empathy-challenge) in */valgrind/*) settle=4 limit=8000;; esac
empathy-challenge timer 1 >"$T/int.out" 2>"$T/int.err" & pid=$!
sleep "$settle"
t0=$(ms)
ok     'SIGINT reaches the timer'	kill -INT "$pid"
wait "$pid"; s=$?
t1=$(ms)
same   'it exits 130'	"$s" 130
same   'it printed its first round and stopped'	"$(cat "$T/int.out")" \
'round 1 of 2, 1:00: one of you speaks, the other only listens
stopped'
same   'nothing on stderr'	"$(cat "$T/int.err")" ''
ok     'within a second'	test $((t1 - t0)) -lt "$limit"
empathy-challenge timer 1 >"$T/term.out" 2>&1 & pid=$!
sleep "$settle"
ok     'SIGTERM reaches the timer'	kill -TERM "$pid"
wait "$pid"; s=$?
same   'it exits 143'	"$s" 143
same   'and says stopped'	"$(tail -1 "$T/term.out")" stopped
