#!/bin/sh
# abandon asks first on a terminal (y to confirm; anything else, an empty line, Ctrl-D or Ctrl-C leave it); --yes for scripts; the note editor interrupted.
. "${0%/*}/lib.sh"

wd() { date -d "$1 days" +%A; }
running() { sql 'select count(*) from run where abandoned is null'; }
leftovers() { find "$XDG_RUNTIME_DIR" -mindepth 1 2>/dev/null; }

ok     'sara starts one-week yesterday'	empathy-challenge start --date -1

status 'not on a terminal, without --yes: refused'	64 empathy-challenge abandon
like   'it names --yes'	"$(err)" '^empathy-challenge: .*--yes'
same   'nothing on stdout'	"$(out)" ''
same   'still running'	"$(running)" 1

got=$(ask 'empathy-challenge -u alex abandon' '[y/N]' 'n
')
like   'at a terminal it asks, naming the run, who started it and when'	"$got" \
       "^Abandon one-week, started by sara on $(wd -1) $(day -1), now on day 2 of 7\\? Its notes are kept\\. Abandon it\\? \\[y/N\\] n "
like   '"n" cancels: status 1'	"$got" 'empathy-challenge: cancelled; nothing was changed +exit 1 $'
same   'still running'	"$(running)" 1

got=$(ask 'empathy-challenge -u alex abandon' '[y/N]' '
')
like   'an empty line cancels'	"$got" '\[y/N\] +empathy-challenge: cancelled; nothing was changed +exit 1 $'
same   'still running'	"$(running)" 1

got=$(ask 'empathy-challenge -u alex abandon' '[y/N]' "$(printf '\004')")
like   'Ctrl-D cancels'	"$got" '\[y/N\] +empathy-challenge: cancelled; nothing was changed +exit 1 $'
unlike 'no crash'	"$got" 'free\(\)|Sanitizer|runtime error'
same   'still running'	"$(running)" 1

got=$(ask 'empathy-challenge -u alex abandon' '[y/N]' "$(printf '\003')")
like   'Ctrl-C stops it by SIGINT'	"$got" '\[y/N\] .*exit 130 $'
same   'still running'	"$(running)" 1

got=$(ask 'empathy-challenge -u alex abandon' '[y/N]' 'yesterday
')
like   'a word that is not yes cancels'	"$got" 'cancelled; nothing was changed +exit 1 $'
same   'still running'	"$(running)" 1

got=$(ask 'empathy-challenge abandon' '[y/N]' 'y
')
like   '"y" abandons it; to the one who started it, "you"'	"$got" \
       "^Abandon one-week, started by you on .*\\[y/N\\] y +abandoned one-week +exit 0 $"
same   'nothing runs'	"$(running)" 0

ok     'start it again, set for tomorrow'	empathy-challenge start --date "$(day 1)"
got=$(ask 'empathy-challenge abandon' '[y/N]' 'YES
')
like   'a run set to start later: the question says when it starts'	"$got" \
       "^Abandon one-week, set by you to start on $(wd 1) $(day 1)\\? .*\\[y/N\\] YES +abandoned one-week +exit 0 $"
same   'nothing runs'	"$(running)" 0

ok     'start again'	empathy-challenge start
ok     '--yes on a terminal asks nothing'	pty 'empathy-challenge abandon --yes'
same   'it says what it abandoned'	"$(out)" 'abandoned one-week'
same   'nothing runs'	"$(running)" 0
ok     'start again'	empathy-challenge start
ok     '-y is --yes'	empathy-challenge abandon -y
same   'nothing runs'	"$(running)" 0
status 'abandon --yes with nothing running'	66 empathy-challenge abandon --yes
status 'abandon on a terminal with nothing running asks nothing'	66 pty 'empathy-challenge abandon'
like   'it says nothing runs'	"$(cat "$T/pty")" 'no challenge is running'
unlike 'and asked nothing'	"$(cat "$T/pty")" 'y/N'

# The note editor, interrupted by Ctrl-C: nothing stored, nothing left behind.
ok     'start again'	empathy-challenge start
printf '#!/bin/sh\necho "half a note" >>"$1"\nkill -INT 0\nsleep 1\n' >"$T/ed-int"
chmod +x "$T/ed-int"
pty "VISUAL=$T/ed-int empathy-challenge done --note -" >"$T/int.out"
s=$?
ok     'Ctrl-C in the editor: a failing status, not a crash'	test "$s" -ne 0 -a "$s" -ne 134 -a "$s" -ne 139
unlike 'no crash report'	"$(cat "$T/int.out")" 'free\(\)|Sanitizer|runtime error'
same   'the day is not done'	"$(sql 'select count(*) from run_day')" 0
same   'nothing is left behind'	"$(leftovers)" ''
