#!/bin/sh
# On a terminal, add and respond ask for their text; Ctrl-C at a prompt stores nothing.
. "${0%/*}/lib.sh"

# Each line is typed once its prompt has shown (drive, tests/lib.sh).
drive 'empathy-checkin add' 'The high of your day:' 'a good talk
' 'The low of your day:' "$(printf '\003')"
same   'Ctrl-C at the second prompt stops with SIGINT'	"$S" 130
like   'after both prompts'	"$O" 'The high of your day: a good talk.*The low of your day:'
same   'no check-in, no database left half-made' \
       "$(test -e "$EMPATHY_DB" && sql 'select count(*) from checkin' || echo 0)" 0
drive 'empathy-checkin add' 'The high of your day:' 'a good talk
' 'The low of your day:' 'a long queue
'
like   'add asks for the high and the low on a terminal' \
       "$O exit $S" 'The high of your day: a good talk.*The low of your day: a long queue.* exit 0$'
same   'and stores them'	"$(sql 'select high, low from checkin')" 'a good talk|a long queue'
ok     'alex checks in too'	empathy-checkin -u alex add --high 'dinner' --low 'rain'
drive 'empathy-checkin -u alex respond' 'for sara:' 'What made the queue hard?
'
like   'respond asks for the answer on a terminal' \
       "$O" "Your question or reflection for sara: .*answered sara's check-in"
same   'and stores it as a question'	"$(sql 'select user, kind, text from response')" \
       'alex|question|What made the queue hard?'
drive 'empathy-checkin -u alex respond' 'for sara:' 'Look on the bright side
'
like   'advice typed at the prompt is held back with a choice; EOF cancels' \
       "$O exit $S" 'sounds like.*\[e\]dit it.*cancelled; nothing was stored +exit 1$'
same   'and not stored'	"$(sql 'select count(*) from response')" 1
