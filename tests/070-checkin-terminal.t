#!/bin/sh
# On a terminal, add and respond ask for their text; Ctrl-C at a prompt stores nothing.
. "${0%/*}/lib.sh"

pause=0.3	# before each line typed at tty (tests/lib.sh)

like   'Ctrl-C at the second prompt stops with SIGINT' \
       "$(tty 'empathy-checkin add' 'a good talk
' "$(printf '\003')")" 'The low of your day: .* exit 130 $'
same   'no check-in, no database left half-made' \
       "$(test -e "$EMPATHY_DB" && sql 'select count(*) from checkin' || echo 0)" 0
like   'add asks for the high and the low on a terminal' \
       "$(tty 'empathy-checkin add' 'a good talk
' 'a long queue
')" 'The high of your day: a good talk.*The low of your day: a long queue'
same   'and stores them'	"$(sql 'select high, low from checkin')" 'a good talk|a long queue'
ok     'alex checks in too'	empathy-checkin -u alex add --high 'dinner' --low 'rain'
like   'respond asks for the answer on a terminal' \
       "$(tty 'empathy-checkin -u alex respond' 'What made the queue hard?
')" "Your question or reflection for sara: .*answered sara's check-in"
same   'and stores it as a question'	"$(sql 'select user, kind, text from response')" \
       'alex|question|What made the queue hard?'
like   'advice typed at the prompt is held back with a choice; EOF cancels' \
       "$(tty 'empathy-checkin -u alex respond' 'Look on the bright side
')" 'sounds like.*\[e\]dit it.*cancelled; nothing was stored +exit 1 $'
same   'and not stored'	"$(sql 'select count(*) from response')" 1
