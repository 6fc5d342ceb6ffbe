#!/bin/sh
# take: answers from --answers (commas or spaces) or stdin, one per line; bad ones store nothing.
. "${0%/*}/lib.sh"

count() { sql 'select count(*) from result'; }
last() { sql 'select answers from result order by created desc, rowid desc limit 1'; }

ok     '--answers with commas'	empathy-assess take self --answers 5,4,3,2,1,1,2,3,4,5
like   'it prints the score'	"$(out | head -1)" '^Empathy self-assessment: [0-9]+ of 100'
same   'the answers are stored as given'	"$(last)" 5,4,3,2,1,1,2,3,4,5
same   'for sara about sara, today'	"$(sql 'select user, about, instrument, date from result')" "sara|sara|self|$(day 0)"
ok     '--answers with spaces'	empathy-assess take self --answers '1 2 3 4 5 5 4 3 2 1'
same   'stored with commas'	"$(last)" 1,2,3,4,5,5,4,3,2,1
ok     '--answers with commas and spaces'	empathy-assess take self --answers ' 2, 2 ,2,  2,2,2,2,2,2,2 '
same   'stored plainly'	"$(last)" 2,2,2,2,2,2,2,2,2,2
printf '%s\n' 4 4 4 2 2 2 4 4 4 4 >"$T/in"
ok     'stdin, one answer per line'	empathy-assess take self <"$T/in"
same   'stored in order'	"$(last)" 4,4,4,2,2,2,4,4,4,4
same   'and scored: 30 of 40 points is 75'	"$(sql 'select score from result order by created desc, rowid desc limit 1')" 75
same   'four results so far'	"$(count)" 4

# Wrong counts and answers off the scale: exit 65, and nothing stored.
status 'nine answers for ten items'	65 empathy-assess take self --answers 1,2,3,4,5,1,2,3,4
like   'it says how many items and answers'	"$(err)" 'self has 10 items, but there are 9 answers'
like   'and that nothing was stored'	"$(err)" 'nothing was stored'
status 'eleven answers'	65 empathy-assess take self --answers 1,2,3,4,5,1,2,3,4,5,1
like   'it says there are more answers than items'	"$(err)" '10 items, but there are more'
printf '%s\n' 3 3 3 >"$T/in"
status 'three lines on stdin'	65 empathy-assess take self <"$T/in"
like   'it counts them'	"$(err)" 'but there are 3 answers'
status 'an answer of 0 on a 1..5 scale'	65 empathy-assess take self --answers 0,3,3,3,3,3,3,3,3,3
like   'it names the answer and the scale'	"$(err)" 'answer 1 \(0\) is off the scale, which goes from 1 to 5'
status 'an answer of 6'	65 empathy-assess take self --answers 3,3,3,3,3,3,3,3,3,6
like   'it names the tenth answer'	"$(err)" 'answer 10 \(6\) is off the scale'
status 'an answer of x'	65 empathy-assess take self --answers 3,3,x,3,3,3,3,3,3,3
like   'it is not a whole number'	"$(err)" 'answer 3 is not a whole number'
status 'an answer of 3.5'	65 empathy-assess take self --answers 3,3,3,3.5,3,3,3,3,3,3
like   'nor is that'	"$(err)" 'answer 4 is not a whole number'
status 'a negative answer'	65 empathy-assess take self --answers 3,-3,3,3,3,3,3,3,3,3
status 'a huge answer'	65 empathy-assess take self --answers 3,3,3,3,3,3,3,3,3,99999999999999999999
printf '%s\n' 3 3 3 3 3 3 3 three 3 3 >"$T/in"
status 'a word on stdin'	65 empathy-assess take self <"$T/in"
like   'named by its place'	"$(err)" 'answer 8 is not a whole number'
same   'none of that was stored'	"$(count)" 4

# Usage errors and missing input.
status 'empty stdin is a usage error'	64 empathy-assess take self </dev/null
like   'it says how to give answers'	"$(err)" 'no answers.*--answers'
status 'an unknown instrument is missing input'	66 empathy-assess take nosuch --answers 1
like   'it names the instrument and list'	"$(err)" "no instrument 'nosuch'; see empathy-assess list"
status 'no instrument id'	64 empathy-assess take --answers 1,2
like   'it asks for one'	"$(err)" 'give one instrument id'
status 'two instrument ids'	64 empathy-assess take self bandwidth --answers 1,2
status 'an unknown option'	64 empathy-assess take self --rating 5
like   'it names the option'	"$(err)" 'unknown option --rating'
status '--answers without a value'	64 empathy-assess take self --answers
status 'a future --date'	64 empathy-assess take self --date "$(day 1)" --answers 3,3,3,3,3,3,3,3,3,3
like   'the message names --date'	"$(err)" '--date'
status 'a --date that is not a date'	64 empathy-assess take self --date 2025-13-01 --answers 3,3,3,3,3,3,3,3,3,3
like   'the message names the value'	"$(err)" "--date: '2025-13-01' is not a date"
status '--about with an empty name'	64 empathy-assess take self --about '' --answers 3,3,3,3,3,3,3,3,3,3
like   'the message names --about'	"$(err)" '--about'
same   'still four results'	"$(count)" 4

# Dates in the past are fine, and options go before or after the id.
ok     '--date -3 after the id'	empathy-assess take self --date -3 --answers 3,3,3,3,3,3,3,3,3,3
ok     '--date yesterday before it'	empathy-assess take --date yesterday --answers 3,3,3,3,3,3,3,3,3,3 self
ok     '--date YYYY-MM-DD, -u after the command'	empathy-assess take bandwidth -u alex --date "$(day -10)" --answers 1,1,1,1
same   'each on its day'	"$(sql "select user, instrument, date from result where date < '$(day 0)' order by date")" \
       "alex|bandwidth|$(day -10)
sara|self|$(day -3)
sara|self|$(day -1)"
ok     'json output of take'	empathy-assess -f json take bandwidth --answers 3,3,3,3
same   'its keys'	"$(out | jq -r 'keys_unsorted | join(",")')" 'id,instrument,user,about,date,score,band,exercises,meaning,weakest,guessed_by'
same   'its id is the stored one'	"$(out | jq -r .id)" "$(sql "select id from result where instrument = 'bandwidth' and user = 'sara'")"
