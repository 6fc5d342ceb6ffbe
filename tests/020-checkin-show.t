#!/bin/sh
# show: a partner's check-in stays hidden until you check in; answers sit under it; ranges.
. "${0%/*}/lib.sh"

wday() { date -d "$1" +%A; }

ok     'alex checks in with a feeling'	empathy-checkin -u alex add --feeling sad:lonely --high 'Secret high' --low 'Secret low'
ok     'sara shows today before checking in'	empathy-checkin show
like   'alex is there but hidden'	"$(out)" '^  alex has checked in; hidden until you check in'
unlike 'his texts are not shown'	"$(out)" 'Secret|sad|lonely'
ok     'show -f tsv before checking in'	empathy-checkin show -f tsv
same   'tsv: hidden is 1, texts, feelings and guess empty'	"$(out | sed -n 2p | cut -f 2-)" "$(tab "$(day 0)|alex|||||1|0|0||")"
ok     'show -f json before checking in'	empathy-checkin show -f json
unlike 'json has no text of his'	"$(out)" 'Secret|sad|lonely'
like   'json: texts null, hidden true'	"$(out)" '"feeling":null,"underneath":null,"high":null,"low":null,"hidden":true'
ok     '--peek shows it anyway'	empathy-checkin show --peek
like   'with his feeling'	"$(out)" '^  alex feels sad \(underneath: lonely\)$'
like   'and his high'	"$(out)" '^    high  Secret high$'
ok     '--peek -f tsv is not hidden'	empathy-checkin show --peek -f tsv
same   'tsv: hidden 0 with texts'	"$(out | sed -n 2p | cut -f 2-)" "$(tab "$(day 0)|alex|sad|lonely|Secret high|Secret low|0|0|0||")"

ok     'sara checks in'	empathy-checkin add --high 'Bread came out well' --low 'Stubbed a toe'
ok     'sara answers alex'	empathy-checkin respond 'What made you feel lonely?'
ok     'alex answers sara'	empathy-checkin -u alex respond 'That bread sounds like a win.'
ok     'show after both checked in'	empathy-checkin show
same   'both are shown, you first, each with the answers under it'	"$(out)" "$(wday "$(day 0)") $(day 0)
  sara
    high  Bread came out well
    low   Stubbed a toe
    > alex  That bread sounds like a win.
  alex feels sad (underneath: lonely)
    high  Secret high
    low   Secret low
    ? sara  What made you feel lonely?"
ok     'alex sees the same day'	empathy-checkin -u alex show
like   'with sara visible to him'	"$(out)" '^    high  Bread came out well$'

# Three days: alex on all, sara on two days ago and today only.
ok     'alex checks in two days ago'	empathy-checkin -u alex add --date -2 --high 'a2' --low 'b2'
ok     'alex checks in yesterday'	empathy-checkin -u alex add --date -1 --high 'a1' --low 'b1'
ok     'sara checks in two days ago'	empathy-checkin add --date -2 --high 's2' --low 't2'
ok     'show --date -1'	empathy-checkin show --date -1
like   'shows that day'	"$(out)" "^$(wday "$(day -1)") $(day -1)\$"
like   'alex is hidden: sara skipped that day'	"$(out)" 'alex has checked in; hidden'
ok     'show --since -2 --until -1 -f tsv'	empathy-checkin show --since -2 --until -1 -f tsv
same   'two days, hidden where sara did not check in'	"$(out | sed 1d | cut -f 2,3,6,8)" "$(tab "$(day -2)|sara|s2|0
$(day -2)|alex|a2|0
$(day -1)|alex||1")"
ok     'show --since -2 runs to today'	empathy-checkin show --since -2 -f tsv
same   'five check-ins over three days'	"$(out | sed 1d | cut -f 2,3)" "$(tab "$(day -2)|sara
$(day -2)|alex
$(day -1)|alex
$(day 0)|sara
$(day 0)|alex")"
ok     'show --since yesterday'	empathy-checkin show --since yesterday
like   'it has both days'	"$(out)" "^$(wday "$(day 0)") $(day 0)\$"
unlike 'and not the day before'	"$(out)" "$(day -2)"

status '--until without --since'	64 empathy-checkin show --until -1
like   'it says --until needs --since'	"$(err)" '--until needs --since'
status '--date with --since'	64 empathy-checkin show --date -1 --since -2
status '--until before --since'	64 empathy-checkin show --since -1 --until -2
status 'a bad --since'	64 empathy-checkin show --since lastweek
like   'it names the option'	"$(err)" "--since: 'lastweek'"
status 'nothing to show is exit 1'	1 empathy-checkin show --date -10
like   'it says there is nothing that day'	"$(err)" "no check-ins for $(day -10)"
same   'and prints nothing'	"$(out)" ''
status 'an empty range is exit 1 too'	1 empathy-checkin show --since -20 --until -10 -f json
same   'json prints nothing'	"$(out)" ''
