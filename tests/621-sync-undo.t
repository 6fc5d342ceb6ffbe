#!/bin/sh
# Removals, restores and undo travel like any change: a check-in removed on
# one machine is gone on the other; an answer removed by its writer on his
# machine is gone on hers; an edit made without seeing a removal does not
# bring the record back; an undo of a change edited since elsewhere is
# refused; an undo made here is undone there too.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

machine a sara
machine b alex
machine c sara
ok     'a makes the couple, b and c join it'	couple a b c
exchange() {
	for _m; do syncd "$_m" -q || return; done
	for _m; do for _o; do [ "$_m" = "$_o" ] || deliver "$_m" "$_o"; done; done
	for _m; do syncd "$_m" -q || return; done
}
count() { sqlite3 "$(dbof "$1")" "$2"; }

ok     'sara checks in on a'	as a empathy-checkin add --high 'Cooked dinner' --low 'Late train'
ok     'alex checks in on b'	as b empathy-checkin add --high 'Read a book' --low 'Headache'
ok     'sync'	exchange a b c
ok     'alex answers on b'	as b empathy-checkin respond 'What did you cook?'
ok     'sync'	exchange a b c
same   'the answer is on a'	"$(count a 'select count(*) from live_response')" 1

# A removal travels.
ok     'sara removes her check-in on a'	as a empathy-checkin rm
ok     'sync'	exchange a b c
same   'gone on b, with its answer'	"$(count b "select count(*) from live_checkin where user = 'sara'")|$(count b 'select count(*) from live_response')" '0|0'
ok     'restored on a'	as a empathy-checkin restore
ok     'sync'	exchange a b c
same   'back on b'	"$(count b "select count(*) from live_checkin where user = 'sara'")|$(count b 'select count(*) from live_response')" '1|1'

# An answer removed by its writer on his machine.
a1=$(count b 'select id from response')
ok     'alex removes his answer on b'	as b empathy-checkin respond --rm "$a1"
ok     'sync'	exchange a b c
same   'gone on a and c'	"$(count a 'select count(*) from live_response')|$(count c 'select count(*) from live_response')" '0|0'

# An edit does not bring back what was removed.
ok     'sara removes her check-in on a'	as a empathy-checkin rm
ok     'meanwhile, on c, she replaces it'	as c empathy-checkin add --replace --high 'Cooked a big dinner' --low 'Late train'
ok     'sync'	exchange a b c
same   'removed everywhere, with the new words'	"$(count a "select count(removed), high from checkin where user = 'sara'")|$(count b "select count(removed), high from checkin where user = 'sara'")" '1|Cooked a big dinner|1|Cooked a big dinner'

# Undo travels; an undo of something changed since elsewhere is refused.
ok     'undo on a brings it back'	as a empathy undo
ok     'sync'	exchange a b c
same   'live on b'	"$(count b "select count(*) from live_checkin where user = 'sara'")" 1
ok     'sara removes it on a again'	as a empathy-checkin rm
ok     'sync'	exchange a b c
ok     'and restores it on c'	as c empathy-checkin restore
ok     'sync'	exchange a b c
status 'undo of the removal on a is refused: c changed it since'	1 as a empathy undo
like   'naming what changed'	"$(err)" 'cannot undo check-in removed .*: the removed of check-in [0-9a-f]* was changed since by sara; nothing was changed'
same   'still live on a'	"$(count a "select count(*) from live_checkin where user = 'sara'")" 1
