#!/bin/sh
# Two partners, one challenge: the second start joins, a run set to start later says when, done after the last day.
. "${0%/*}/lib.sh"

wd() { date -d "$1 days" +%A; }		# the weekday N days from today
runs() { sql 'select count(*) from run'; }
U=$XDG_CONFIG_HOME/empathy/content
mkdir -p "$U"
printf 'kind: challenge\nid: mine\ntitle: Three of ours\ndays:\n  - {title: A, task: Do a.}\n  - {title: B, task: Do b.}\n  - {title: C, task: Do c.}\n' >"$U/mine.yaml"

# The second partner runs start: told who started it, when, and that they are in it.
ok     'sara starts one-week two days ago'	empathy-challenge start --date -2
ok     'alex runs start too: not an error'	empathy-challenge -u alex start
same   'he is told who started it, when, that he is in it and how to see his task' "$(out | tr '\n' ' ')" \
       "sara started one-week on $(wd -2) $(day -2), and you are in it already: today is day 3 of 7, and empathy-challenge today shows your task; nothing was changed "
same   'nothing on stderr'	"$(err)" ''
same   'still one run'	"$(runs)" 1
ok     'start one-week by name: the same'	empathy-challenge -u alex start one-week
like   'the same words'	"$(out | tr '\n' ' ')" '^sara started one-week'
ok     'with -f json: the run he is in'	empathy-challenge -u alex -f json start
like   'its id, challenge and start'	"$(out)" "^\\{\"id\":\"[0-9a-f]{16}\",\"challenge\":\"one-week\",\"start\":\"$(day -2)\",\"days\":7\\}$"
ok     'today shows his task, as promised'	empathy-challenge -u alex today
like   'day 3'	"$(out | head -1)" '^Day 3 of 7: '
status 'asking for another challenge is refused'	65 empathy-challenge -u alex start mine
same   'it says what runs, who started it and how to switch' "$(err | tr '\n' ' ')" \
       "empathy-challenge: sara started one-week on $(wd -2) $(day -2), and you are in it already: today is day 3 of 7, and empathy-challenge today shows your task; to start mine instead, run 'empathy-challenge abandon' first "
same   'nothing on stdout'	"$(out)" ''
status 'so is the same one from another day'	65 empathy-challenge -u alex start --date -1
like   'it says so'	"$(err | tr '\n' ' ')" 'to start one-week on another day instead'
ok     'the same one from its own start day changes nothing'	empathy-challenge -u alex start --date -2
same   'still one run'	"$(runs)" 1
ok     'a name in another case is the same partner'	empathy-challenge -u Sara start
like   'she is "you"'	"$(out | tr '\n' ' ')" '^you started one-week'

# done after the last day: say when it ended and how to catch up.
ok     'abandon it'	empathy-challenge abandon --yes
ok     'a run that ended yesterday'	empathy-challenge start --date -7
status 'done without --day after the last day'	64 empathy-challenge done </dev/null
same   'it says when it ended and how to catch up'	"$(err | tr '\n' ' ')" \
       "empathy-challenge: one-week ended on $(day -1); to catch up on a day, use --day N (1 to 7) "
unlike 'not "has 7 days"'	"$(err)" 'has 7 days'
ok     'and --day catches up'	empathy-challenge done --day 7 </dev/null
same   'late'	"$(out)" 'day 7 of one-week done (late, and that is fine)'
status '--day past the last day still says how many there are'	64 empathy-challenge done --day 8 </dev/null
like   'it says so'	"$(err)" 'one-week has 7 days'

# A run set to start later, while an older one has ended: start, today and status say "starts on".
ok     'start mine in three days'	empathy-challenge start mine --date "$(day 3)"
same   'it says it starts then, not that it started'	"$(out | tr '\n' ' ')" \
       "mine starts on $(wd 3) $(day 3): 3 days; from then, see the day's task with: empathy-challenge today "
status 'today: the ended run does not hide the coming one'	1 empathy-challenge today
same   'it says when the next starts'	"$(err | tr '\n' ' ')" \
       "empathy-challenge: mine starts on $(wd 3) $(day 3); from then, see the day's task with: empathy-challenge today "
status 'today -q: quiet'	1 empathy-challenge today -q
same   'nothing printed'	"$(out)$(err)" ''
ok     'status shows the coming run'	empathy-challenge status
same   'its header says when it starts; every day to come' "$(out)" "Three of ours starts on $(wd 3) $(day 3): 3 days

                                   sara
  1  A                             to come
  2  B                             to come
  3  C                             to come"
ok     'status -f tsv: the same days'	empathy-challenge status -f tsv
same   'to come'	"$(out | sed 1d | cut -f1,4 | tr '\n' ' ')" '1	to come 2	to come 3	to come '
ok     'review still shows the run that ended'	empathy-challenge review
like   'one-week'	"$(out | head -1)" '^Day 1: Share a fear$'
status 'the partner starting it again is not told it is running'	0 empathy-challenge -u alex start mine
same   'he is told it is set to start, by whom, and that he is in it' "$(out | tr '\n' ' ')" \
       "sara set mine to start on $(wd 3) $(day 3), and you are in it already; from that day, empathy-challenge today shows the day's task; nothing was changed "
unlike 'no "still running"'	"$(out)$(err)" 'still running'
ok     'status on its first day'	empathy-challenge status --date "$(day 3)"
same   'day 1'	"$(out | head -1)" "Three of ours, started $(day 3): day 1 of 3"

# Nothing at all: how to begin.
ok     'abandon the coming one'	empathy-challenge abandon --yes
same   'it says which'	"$(out)" 'abandoned mine'
status 'today with nothing at all'	1 empathy-challenge -d "$T/new.db" today
same   'how to begin'	"$(err)" 'empathy-challenge: no challenge is running; begin one: empathy-challenge start'
# Found nothing: in tsv the header alone, so a script reads no rows; in
# JSON nothing; -q says nothing at all. The status is 1 each time.
status 'today in tsv with nothing running'	1 empathy-challenge -d "$T/new.db" -f tsv today
same   'the header alone'	"$(out)" "$(printf 'challenge\tday\tdays\ttitle\ttask\texercise\tdone\texercise_title\tminutes\texercise_description\tsteps')"
status 'status in tsv'	1 empathy-challenge -d "$T/new.db" -f tsv status
same   'its header alone'	"$(out)" "$(printf 'day\ttitle\tuser\tstate\tdate\tchallenge\tstart')"
status 'review in tsv'	1 empathy-challenge -d "$T/new.db" -f tsv review
same   'its header alone'	"$(out)" "$(printf 'day\ttitle\tuser\tstate\tdate\tnote\tchallenge\tstart')"
status 'status in JSON'	1 empathy-challenge -d "$T/new.db" -f json status
same   'writes nothing'	"$(out)" ''
status 'today -q in tsv'	1 empathy-challenge -d "$T/new.db" -f tsv today -q
same   'says nothing'	"$(out)$(err)" ''
