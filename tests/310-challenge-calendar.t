#!/bin/sh
# Days follow the local calendar; a challenge set to start later; a challenge whose content changed or went away.
. "${0%/*}/lib.sh"

# Two time zones 26 hours apart never share a date.
east=Etc/GMT-14 west=Etc/GMT+12
de=$(TZ=$east date +%F) dw=$(TZ=$west date +%F)
ok     'start without --date, far east'	env TZ=$east empathy-challenge -d "$T/east.db" start
same   'day 1 is the local date there'	"$(out)" "started one-week on $de: 7 days; see today's task with: empathy-challenge today"
ok     'start without --date, far west'	env TZ=$west empathy-challenge -d "$T/west.db" start
same   'day 1 is the local date there'	"$(out)" "started one-week on $dw: 7 days; see today's task with: empathy-challenge today"
n=$(( ($(date -d "$de" +%s) - $(date -d "$dw" +%s)) / 86400 + 1 ))
ok     'the western run seen from the east'	env TZ=$east empathy-challenge -d "$T/west.db" today
same   'is already a day or two further'	"$(out | head -1 | cut -d: -f1)" "Day $n of 7"
ok     'done from the east'	env TZ=$east empathy-challenge -d "$T/west.db" done --day 1 </dev/null
same   'is late by the local calendar'	"$(out)" 'day 1 of one-week done (late, and that is fine)'
same   'dated with the eastern date'	"$(sqlite3 "$T/west.db" 'select date from run_day')" "$de"

# A challenge set to start later.
ok     'start next week'	empathy-challenge start --date "$(day 7)"
same   'it says it starts then, with the weekday, not that it started'	"$(out | tr '\n' ' ')" \
       "one-week starts on $(date -d '7 days' +%A) $(day 7): 7 days; from then, see the day's task with: empathy-challenge today "
status 'today: it has not begun'	1 empathy-challenge today
like   'the message says when it begins'	"$(err)" "one-week starts on $(date -d '7 days' +%A) $(day 7)"
status 'today -q: quiet'	1 empathy-challenge today -q
same   'nothing printed'	"$(out)$(err)" ''
status 'starting it on another day is refused'	65 empathy-challenge start --date -1
like   'it names the waiting one and when it starts, not "still running"'	"$(err | tr '\n' ' ')" \
       "you set one-week to start on $(date -d '7 days' +%A) $(day 7)"
unlike 'it does not call it running'	"$(err)" 'still running'
ok     'on its first day, today has day 1'	empathy-challenge today --date "$(day 7)"
same   'day 1'	"$(out | head -1)" 'Day 1 of 7: Share a fear'
ok     'abandon takes the waiting one too'	empathy-challenge abandon --yes
same   'nothing waits any more'	"$(sql 'select count(*) from run where abandoned is null')" 0

# The content of a started challenge changes or goes away.
U=$XDG_CONFIG_HOME/empathy/content
mkdir -p "$U"
printf 'kind: challenge\nid: mine\ntitle: Three of ours\ndays:\n  - {title: A, task: Do a.}\n  - {title: B, task: Do b.}\n  - {title: C, task: Do c.}\n' >"$U/mine.yaml"
ok     'start mine yesterday'	empathy-challenge start mine --date -1
ok     'today is day 2'	empathy-challenge today
same   'B'	"$(out | head -1)" 'Day 2 of 3: B'
printf 'kind: challenge\nid: mine\ntitle: One of ours\ndays:\n  - {title: A, task: Do a.}\n' >"$U/mine.yaml"
ok     'status when the content now has fewer days'	empathy-challenge status -f tsv
same   'still three days, the later ones without a title'	"$(out | sed 1d | cut -f1,2,4)" '1	A	missed
2		open
3		to come'
status 'today has no task to show for day 2'	1 empathy-challenge today
unlike 'but does not claim it ended tomorrow'	"$(err)" "ended on $(day 1)"
like   'it names the challenge'	"$(err)" 'mine'
rm "$U/mine.yaml"
ok     'status when the content is gone'	empathy-challenge status
same   'the id stands in for the title'	"$(out | head -1)" "mine, started $(day -1): day 2 of 3"
status 'today has no task to show'	1 empathy-challenge today
unlike 'but does not claim it has ended'	"$(err)" 'ended'
ok     'done still works'	empathy-challenge done </dev/null
same   'and says so'	"$(out)" 'day 2 of mine done'
ok     'abandon it'	empathy-challenge abandon --yes
same   'by its id'	"$(out)" 'abandoned mine'
