#!/bin/sh
# start and abandon: one running challenge per couple; abandon to switch; a finished one frees the way.
. "${0%/*}/lib.sh"

runs() { sql "select challenge, start, days, user, abandoned is not null from run order by created"; }

status 'abandon with nothing running is missing input'	66 empathy-challenge abandon --yes
like   'it says nothing runs'	"$(err)" '^empathy-challenge: .*no challenge is running'
status 'start nosuch is missing input'	66 empathy-challenge start nosuch
like   'it names the id'	"$(err)" "'nosuch'"
status 'start with a bad date is a usage error'	64 empathy-challenge start --date 2026-02-30
like   'it names --date and the value'	"$(err)" "--date: '2026-02-30' is not a date"
status 'start takes one id at most'	64 empathy-challenge start one-week one-week
same   'none of these started anything'	"$(test -e "$EMPATHY_DB" && sql 'select count(*) from run' || echo 0)" 0

ok     'start without an id starts the one-week challenge today'	empathy-challenge start
same   'it says what, when, how long and what next'	"$(out)" \
       "started one-week on $(day 0): 7 days; see today's task with: empathy-challenge today"
same   'one run, by sara'	"$(runs)" "one-week|$(day 0)|7|sara|0"
ok     'today has day 1'	empathy-challenge today
like   'day 1 of 7'	"$(out | head -1)" '^Day 1 of 7: Share a fear$'

ok     'starting the same one while it runs changes nothing'	empathy-challenge start one-week
like   'it says she started it and is in it'	"$(out | tr '\n' ' ')" \
       "you started one-week on $(date +%A) $(day 0), and the two of you are in it already: today is day 1 of 7"
ok     'the partner running start is told he is in it, not to abandon'	empathy-challenge -u alex start
like   'who started it, when, and that today shows his task'	"$(out | tr '\n' ' ')" \
       "^sara started one-week on $(date +%A) $(day 0), and you are in it already: today is day 1 of 7, and empathy-challenge today shows your task; nothing was changed $"
unlike 'not told to abandon'	"$(out)$(err)" 'abandon'
status 'a start in the past is another run: refused'	65 empathy-challenge start --date -3
like   'it says what runs and how to switch'	"$(err | tr '\n' ' ')" \
       "you started one-week on $(date +%A) $(day 0).*to start one-week on another day instead, run 'empathy-challenge abandon' first"
same   'still one run'	"$(sql 'select count(*) from run')" 1

ok     'sara does day 1 with a note'	empathy-challenge done --note 'We talked about money'
ok     'alex abandons it for the couple'	empathy-challenge -u alex abandon --yes
same   'it says what was abandoned'	"$(out)" 'abandoned one-week'
same   'the run is marked, not deleted'	"$(runs)" "one-week|$(day 0)|7|sara|1"
same   'the note is kept'	"$(sql 'select note from run_day')" 'We talked about money'
status 'today: nothing runs now'	1 empathy-challenge today
like   'it says so on stderr'	"$(err)" 'no challenge is running'
same   'and nothing on stdout'	"$(out)" ''
status 'today -q: nothing runs'	1 empathy-challenge today -q
same   'and prints nothing at all'	"$(out)$(err)" ''
status 'status: nothing runs'	1 empathy-challenge status
status 'review: nothing runs'	1 empathy-challenge review
status 'abandon again: nothing to abandon'	66 empathy-challenge abandon --yes

ok     'restart, six days ago'	empathy-challenge start --date -6
same   'it says the start date'	"$(out)" \
       "started one-week on $(day -6): 7 days; see today's task with: empathy-challenge today"
same   'a second run'	"$(runs)" "one-week|$(day 0)|7|sara|1
one-week|$(day -6)|7|sara|0"
ok     'today is its last day'	empathy-challenge today
like   'day 7 of 7'	"$(out | head -1)" '^Day 7 of 7: Look back on the week$'
ok     'status -f tsv'	empathy-challenge status -f tsv
same   "the abandoned run's day 1 does not count in the new one"	"$(out | sed -n 2p | cut -f1-5)" \
       "$(printf '1\tShare a fear\tsara\tmissed\t')"
same   'every row names the new run, as the text heads it'	"$(out | sed 1d | cut -f6,7 | sort -u)" "$(printf 'one-week\t%s' "$(sql "select start from run where abandoned is null")")"

# After the last day, the way is free without abandon.
ok     'abandon it'	empathy-challenge abandon --yes
ok     'start one that ended yesterday'	empathy-challenge start --date -7
status 'today: it has ended'	1 empathy-challenge today
like   'it says when it ended'	"$(err)" "one-week ended on $(day -1)"
same   'nothing on stdout'	"$(out)" ''
status 'today -q: no'	1 empathy-challenge today -q
same   'and quiet on stdout'	"$(out)" ''
same   'and on stderr'	"$(err)" ''
ok     'status still shows the finished run'	empathy-challenge status
same   'it is over'	"$(out | head -1)" "Seven days of empathy, started $(day -7): over"
ok     'a day of the ended run can still be caught up'	empathy-challenge done --day 3 </dev/null
same   'late'	"$(out)" 'day 3 of one-week done (late, and that is fine)'
status 'but there is no day 8'	64 empathy-challenge done </dev/null
status 'abandon: an ended challenge is not running'	66 empathy-challenge abandon --yes
ok     'start works again without abandon'	empathy-challenge start
same   'from today'	"$(out)" \
       "started one-week on $(day 0): 7 days; see today's task with: empathy-challenge today"
same   'the ended run is not marked abandoned'	"$(sql "select abandoned is null from run where start = '$(day -7)'")" 1
ok     'today: day 1 of the new one'	empathy-challenge today -q
ok     'start -f json after abandon'	sh -c 'empathy-challenge abandon --yes && empathy-challenge -f json start --date today'
same   'abandon says what it abandoned'	"$(out | head -1)" 'abandoned one-week'
like   'start -f json: one object with the run id and numbers as numbers'	"$(out | sed 1d)" \
       "^\\{\"id\":\"[0-9a-f]{16}\",\"challenge\":\"one-week\",\"start\":\"$(day 0)\",\"days\":7\\}$"
same   'two lines in all'	"$(out | wc -l)" 2
same   'five runs; only the ended one and the new one are not abandoned'	"$(sql 'select start, abandoned is null from run order by created')" \
       "$(day 0)|0
$(day -6)|0
$(day -7)|1
$(day 0)|0
$(day 0)|1"
