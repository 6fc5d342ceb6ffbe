#!/bin/sh
# add: a high and a low, from stdin or options, for today or a past day; one a day.
. "${0%/*}/lib.sh"

input() { printf '%s\n' "$@" >"$T/in"; }
wday() { date -d "$1" +%A; }
row() { sql "select high, low, feeling, underneath from checkin where user = '$1' and date = '$2'"; }
count() { sql "select count(*) from checkin"; }

input 'Finished the report' 'Missed the bus'
ok     'sara checks in with two lines on stdin'	empathy-checkin add <"$T/in"
same   'add names the weekday and the date'	"$(out)" "checked in for $(wday "$(day 0)") $(day 0)"
same   'line 1 is the high, line 2 the low'	"$(row sara "$(day 0)")" 'Finished the report|Missed the bus||'

ok     'alex checks in with --high and --low'	empathy-checkin -u alex add --high 'A long walk' --low 'A headache'
same   'his texts come from the options'	"$(row alex "$(day 0)")" 'A long walk|A headache||'

status '--high without --low is a usage error'	64 empathy-checkin add --date -1 --high 'Only a high'
like   'it asks for both'	"$(err)" 'both --high and --low'
status '--low without --high is a usage error'	64 empathy-checkin add --date -1 --low 'Only a low'
same   'neither stored anything'	"$(count)" 2

# Dates: YYYY-MM-DD, yesterday, -N.
ok     '--date YYYY-MM-DD'	empathy-checkin add --date "$(day -5)" --high 'h5' --low 'l5'
same   'it says which day'	"$(out)" "checked in for $(wday "$(day -5)") $(day -5)"
ok     '--date yesterday'	empathy-checkin add --date yesterday --high 'h1' --low 'l1'
same   'yesterday is the day before today'	"$(out)" "checked in for $(wday "$(day -1)") $(day -1)"
ok     '--date -3'	empathy-checkin add --date -3 --high 'h3' --low 'l3'
same   '-3 is three days ago'	"$(out)" "checked in for $(wday "$(day -3)") $(day -3)"
same   'sara has four days stored'	"$(sql "select date from checkin where user = 'sara' order by date")" \
       "$(day -5)
$(day -3)
$(day -1)
$(day 0)"

status 'a future day is refused'	64 empathy-checkin add --date "$(day 1)" --high 'h' --low 'l'
like   'the message names --date'	"$(err)" '--date'
status '2026-02-30 is not a date'	64 empathy-checkin add --date 2026-02-30 --high 'h' --low 'l'
like   'the message names the option and the value'	"$(err)" "--date: '2026-02-30' is not a date"
status 'tomorrowish is not a date'	64 empathy-checkin add --date tomorrowish --high 'h' --low 'l'
like   'the message names the option and the value'	"$(err)" "--date: 'tomorrowish' is not a date"
same   'bad dates stored nothing'	"$(count)" 5

# One check-in per person per day.
before=$(sql "select id, high, low, created, updated from checkin where user = 'sara' and date = '$(day 0)'")
input 'A second high' 'A second low'
status 'a second check-in for the day is refused'	65 empathy-checkin add <"$T/in"
like   'it suggests --replace'	"$(err)" 'already checked in for .*--replace'
same   'the first check-in is untouched'	"$(sql "select id, high, low, created, updated from checkin where user = 'sara' and date = '$(day 0)'")" "$before"
sleep 0.01
ok     '--replace changes it'	empathy-checkin add --replace <"$T/in"
same   'it says it was replaced'	"$(out)" "check-in replaced for $(wday "$(day 0)") $(day 0)"
same   'the texts are the new ones'	"$(row sara "$(day 0)")" 'A second high|A second low||'
same   'the id and created time are kept'	"$(sql "select id, created from checkin where user = 'sara' and date = '$(day 0)'")" \
       "$(printf '%s\n' "$before" | cut -d'|' -f1,4)"
same   'the updated time moved on'	"$(sql "select updated > '$(printf '%s\n' "$before" | cut -d'|' -f5)' from checkin where user = 'sara' and date = '$(day 0)'")" 1
same   'still one check-in for sara today'	"$(sql "select count(*) from checkin where user = 'sara' and date = '$(day 0)'")" 1

# Feelings: a word, or surface:underneath.
ok     '--feeling with one word'	empathy-checkin add --date -2 --feeling tired --high 'h2' --low 'l2'
same   'the surface feeling is stored, nothing underneath'	"$(row sara "$(day -2)")" 'h2|l2|tired|'
ok     '--feeling surface:underneath'	empathy-checkin add --date -4 --feeling annoyed:overlooked --high 'h4' --low 'l4'
same   'both halves are stored'	"$(row sara "$(day -4)")" 'h4|l4|annoyed|overlooked'
status '--feeling :x has no surface'	64 empathy-checkin add --date -6 --feeling ':x' --high 'h' --low 'l'
like   'the message names --feeling'	"$(err)" '--feeling'
status '--feeling with an empty word'	64 empathy-checkin add --date -6 --feeling '' --high 'h' --low 'l'
like   'the message names --feeling'	"$(err)" '--feeling'
status '--feeling annoyed: has an empty underneath'	64 empathy-checkin add --date -6 --feeling 'annoyed:' --high 'h' --low 'l'
same   'bad feelings stored nothing'	"$(count)" 7
