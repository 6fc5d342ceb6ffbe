#!/bin/sh
# done: one row per partner and day; the note from --note or stdin; days out of range refused.
. "${0%/*}/lib.sh"

rows() { sql "select user, day, date, quote(note) from run_day order by user, day"; }

status 'done with nothing running says no'	1 empathy-challenge done --note 'too early'
like   'and hints at start'	"$(err)" 'no challenge is running.*empathy-challenge start'
ok     'start yesterday: today is day 2'	empathy-challenge start --date -1

status '--day 9 is beyond the last day'	64 empathy-challenge done --day 9
like   'it says how many days there are'	"$(err)" 'one-week has 7 days'
status '--day 0 is not a day'	64 empathy-challenge done --day 0
like   'the message names --day and the value'	"$(err)" "--day: '0' is not a count"
status '--day -1 is not a day'	64 empathy-challenge done --day -1
status '--day 1x is not a day'	64 empathy-challenge done --day 1x
status '--day 3 on day 2 has not come yet'	64 empathy-challenge done --day 3
like   'it says which day today is'	"$(err)" 'day 3 has not come yet \(today is day 2\)'
status 'a date before the start: nothing ran then'	1 empathy-challenge done --date -2
status 'a date to come is refused'	64 empathy-challenge done --date "$(day 1)"
status 'no arguments besides the options'	64 empathy-challenge done 'a note'
same   'none of these stored anything'	"$(rows)" ''

ok     'the note from stdin'	sh -c 'echo "We sat on the balcony" | empathy-challenge done'
same   'it says which day'	"$(out)" 'day 2 of one-week done'
same   'one row with the note'	"$(rows)" "sara|2|$(day 0)|'We sat on the balcony'"
first=$(sql 'select id, created, updated from run_day')
sleep 0.01
ok     'done again with --note'	empathy-challenge done --note 'Second thoughts' </dev/null
same   'still one row; the second note replaces the first'	"$(rows)" "sara|2|$(day 0)|'Second thoughts'"
same   'the id and created time are kept'	"$(sql 'select id, created from run_day')" \
       "$(printf '%s\n' "$first" | cut -d'|' -f1,2)"
same   'the updated time moved on'	"$(sql "select updated > '$(printf '%s\n' "$first" | cut -d'|' -f3)' from run_day")" 1
ok     'done again without a note'	empathy-challenge done </dev/null
same   'keeps the note'	"$(rows)" "sara|2|$(day 0)|'Second thoughts'"
ok     '--note - reads stdin'	sh -c 'printf "line one\nline two\n\n" | empathy-challenge done --note -'
same   'the whole text, trimmed'	"$(sql 'select note from run_day')" 'line one
line two'

printf 'caf\351\n' >"$T/latin1"
printf 'before\000after\n' >"$T/nul"
status 'a note that is not UTF-8 is bad input'	65 sh -c 'empathy-challenge done <"$1"' sh "$T/latin1"
like   'it says so'	"$(err)" 'not valid UTF-8'
status 'so is one with a NUL byte'	65 sh -c 'empathy-challenge done <"$1"' sh "$T/nul"
like   'it names the NUL byte'	"$(err)" 'NUL'
head -c 70000 /dev/zero | tr '\0' x >"$T/long"
status 'so is one longer than 64 KiB'	65 sh -c 'empathy-challenge done <"$1"' sh "$T/long"
like   'it names the limit'	"$(err)" '64 KiB'
same   'the stored note is untouched'	"$(sql 'select note from run_day')" 'line one
line two'

ok     'alex does day 1 today, late'	empathy-challenge -u alex done --day 1 </dev/null
same   'late'	"$(out)" 'day 1 of one-week done (late, and that is fine)'
ok     'done -f tsv'	empathy-challenge -u alex done -f tsv --note 'Quiet evening'
same   'a header and the record, with the state the text tells'	"$(out)" "$(printf 'challenge\tday\tdate\tstate\none-week\t2\t%s\tdone' "$(day 0)")"
ok     'done -f json'	empathy-challenge done -f json --day 1 --date -1 </dev/null
same   'day as a number'	"$(out)" "{\"challenge\":\"one-week\",\"day\":1,\"date\":\"$(day -1)\",\"state\":\"done\"}"
same   'one row per partner and day'	"$(rows)" "alex|1|$(day 0)|NULL
alex|2|$(day 0)|'Quiet evening'
sara|1|$(day -1)|NULL
sara|2|$(day 0)|'line one
line two'"
ok     'status -f tsv'	empathy-challenge status -f tsv
same   'states follow'	"$(out | sed 1d | cut -f1,3,4 | head -4)" '1	sara	done
1	alex	late
2	sara	done
2	alex	done'

# Every state, from one partner's point of view.
D="-d $T/states.db"
ok     'another couple started three days ago'	empathy-challenge $D start --date -3
ok     'day 1 on its day'	empathy-challenge $D done --date -3 </dev/null
ok     'day 2 today'	empathy-challenge $D done --day 2 </dev/null
ok     'status -f tsv'	empathy-challenge $D status -f tsv
same   'the header'	"$(out | head -1)" "$(printf 'day\ttitle\tuser\tstate\tdate\tchallenge\tstart')"
same   'done, late, missed, open, to come'	"$(out | sed 1d | cut -f4,5)" "done	$(day -3)
late	$(day 0)
missed	
open	
to come	
to come	
to come	"
