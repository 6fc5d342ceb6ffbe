#!/bin/sh
# due: what you still owe today, for cron; never creates the database.
. "${0%/*}/lib.sh"

status 'due on a missing database: the check-in is owed'	0 empathy-checkin due
same   'it says your check-in'	"$(out)" "your check-in for today, $(day 0)"
ok     'looking did not create the database'	test ! -e "$EMPATHY_DB"
status 'due -d in a missing directory'	0 empathy-checkin -d "$T/nowhere/e.db" due -q
ok     'created neither the file nor the directory'	test ! -e "$T/nowhere"
status 'due -f tsv'	0 empathy-checkin due -f tsv
same   'tsv: what, user, date, hidden'	"$(out)" "$(tab "what|user|date|hidden
checkin|sara|$(day 0)|0")"
ok     'still no database'	test ! -e "$EMPATHY_DB"

ok     'sara checks in'	empathy-checkin add --high 'Swam' --low 'Sore neck'
status 'nothing owed now'	1 empathy-checkin due
same   'and nothing said'	"$(out)" ''
ok     'alex checked in two days ago'	empathy-checkin -u alex add --date -2 --high 'h' --low 'l'
status 'an answer that old is not owed'	1 empathy-checkin due

ok     'alex checks in yesterday'	empathy-checkin -u alex add --date yesterday --high 'Painted' --low 'Spilled it'
status 'an answer to him is owed'	0 empathy-checkin due
same   'but his check-in is hidden from sara: she checks in for that day first' \
       "$(out)" "check in for $(day -1) first, then answer alex's check-in"
ok     'due -f json'	empathy-checkin due -f json
same   'json: hidden, as the text says'	"$(out)" "{\"what\":\"answer\",\"user\":\"alex\",\"date\":\"$(day -1)\",\"hidden\":true}"
ok     'sara checks in yesterday'	empathy-checkin add --date yesterday --high 'Read' --low ''
status 'an answer to him is owed'	0 empathy-checkin due
same   'it says which'	"$(out)" "an answer to alex's check-in for $(day -1)"
status 'due -q is owed too'	0 empathy-checkin due -q
same   '-q prints nothing'	"$(out)" ''
same   '-q says nothing on stderr'	"$(err)" ''
ok     'due -f json'	empathy-checkin due -f json
same   'json: what, user, date, hidden'	"$(out)" "{\"what\":\"answer\",\"user\":\"alex\",\"date\":\"$(day -1)\",\"hidden\":false}"

ok     'sara answers yesterday'\''s check-in'	empathy-checkin respond --date -1 'What colour was it?'
status 'nothing owed after answering'	1 empathy-checkin due
status 'due -q agrees'	1 empathy-checkin due -q
same   '-q prints nothing'	"$(out)$(err)" ''

status 'alex owes his check-in today, and then an answer'	0 empathy-checkin -u alex due
like   'he is told to check in first, then answer'	"$(out)" "^check in first, then answer sara's check-in for $(day 0)\$"
ok     'alex checks in today'	empathy-checkin -u alex add --high 'Finished it' --low 'Tired'
status 'an answer is owed again'	0 empathy-checkin due
same   'for today'	"$(out)" "an answer to alex's check-in for $(day 0)"
status 'alex has checked in but owes sara an answer'	0 empathy-checkin -u alex due -f tsv
same   'alex owes an answer to sara today'	"$(out)" "$(tab "what|user|date|hidden
answer|sara|$(day -1)|0
answer|sara|$(day 0)|0")"
ok     'sara answers'	empathy-checkin respond 'How does it look?'
status 'sara owes nothing'	1 empathy-checkin due -q
