#!/bin/sh
# undone takes back a day marked done (its note kept; done marks it again);
# abandon --undo resumes the challenge abandoned last.
. "${0%/*}/lib.sh"

ok     'start'	empathy-challenge start one-week --date -1
status 'nothing done yet'	66 empathy-challenge undone
like   'says so'	"$(err)" 'you have not marked day 2'
ok     'sara does day 1'	empathy-challenge done --day 1 --note 'We named a fear.'
ok     'alex does day 1'	empathy-challenge -u alex done --day 1
ok     'sara takes it back'	empathy-challenge undone --day 1
like   'says how to mark it again'	"$(out)" '^day 1 of .* is no longer marked done \(mark it again with: empathy-challenge done --day 1, or empathy undo\)$'
ok     'status'	empathy-challenge status -f tsv
same   'day 1: alex done, sara not'	"$(out | awk -F'\t' '$1 == 1 { print $3 ":" $4 }' | sort | tr '\n' ' ')" 'alex:late sara:missed '
same   'kept, with its note'	"$(sql "select count(removed), note from run_day where user = 'sara'")" '1|We named a fear.'
status 'alex'"'"'s day is his'	66 empathy-challenge undone --day 2
ok     'done again brings it back'	empathy-challenge done --day 1
same   'live, the note kept'	"$(sql "select count(*) from live_run_day where user = 'sara' and note = 'We named a fear.'")" 1

ok     'abandon'	empathy-challenge abandon --yes
status 'today: none running'	1 empathy-challenge today -q
ok     'alex resumes it'	empathy-challenge -u alex abandon --undo
like   'says so'	"$(out)" '^resumed '
ok     'running again'	empathy-challenge today -q
status 'resume while one runs'	65 empathy-challenge abandon --undo
