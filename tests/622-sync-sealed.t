#!/bin/sh
# Sealed moments across two machines: sara seals one on her laptop (a);
# alex on his (b) sees it sealed after a sync; he cannot unseal it, nor can
# an operation or an import line from b change its seal; sara unseals it
# on a, and b has the words after the next sync.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

WED=2027-01-06 SUN=2027-01-10
machine a sara
machine b alex
clock a "@$WED 09:00:00"
clock b "@$WED 10:00:00"
ok     'a makes the couple, b joins it'	couple a b

exchange() {
	for _m; do syncd "$_m" -q || return; done
	for _m; do for _o; do [ "$_m" = "$_o" ] || deliver "$_m" "$_o"; done; done
	for _m; do syncd "$_m" -q || return; done
}
count() { sqlite3 "$(dbof "$1")" "$2"; }

ok     'sara seals a moment on a'	as a empathy-journal add --seen --sealed --tag river 'the walk by the river'
eid=$(count a "select id from entry where text like 'the walk%'")
ok     'a and b sync'	exchange a b
same   'b has it, with the day it opens'	"$(count b "select sealed from entry where id = '$eid'")" $SUN
ok     'alex lists on b'	as b empathy-journal list
like   'sara'"'"'s moment is there, sealed'	"$(out)" '\(sealed until Sun 2027-01-10\)'
unlike 'without its words'	"$(out)" 'walk by the river'
unlike 'or its tag'	"$(out)" 'river'
status 'alex cannot find it with --grep: 1'	1 as b empathy-journal list --grep river
ok     'alex: news'	as b empathy news -k
like   'a sealed moment'	"$(out)" 'sara felt seen: a sealed moment'
status 'alex cannot unseal it: 65'	65 as b empathy-journal unseal "$eid"
like   'only its author can'	"$(err)" 'only its author can unseal it'

# An import line from alex that opens her moment is refused.
ok     'alex exports on b'	as b empathy-journal export
jq -c --arg id "$eid" --arg d $WED 'select(.id == $id) | .sealed = $d' <"$T/.out" >"$T/forged.jsonl"
status 'an import that unseals sara'"'"'s moment is refused: 65'	65 as b empathy-journal import <"$T/forged.jsonl"
same   'still sealed on b'	"$(count b "select sealed from entry where id = '$eid'")" $SUN

# A forged operation from b: an honest entry of alex's bent into one that
# opens sara's moment. a refuses it.
ok     'an entry of alex to be bent'	as b empathy-journal add --seen 'bent into an unsealing'
ok     'an honest one after'	as b empathy-journal add --seen 'honest after the unsealing'
bent=$(count b "select id from entry where text = 'bent into an unsealing'")
brep=$(count b "select v from meta where k = 'replica'")
ok     'its operation now opens her moment'	sqlite3 "$(dbof b)" "update op set rid = '$eid', body = '{\"sealed\":\"$WED\"}' where replica = '$brep' and rid = '$bent'"
ok     'b syncs'	syncd b
deliver b a
status 'a refuses the forged operation: 65'	65 syncd a
like   'and says so'	"$(err)" '[Rr]efused'
same   'her moment stays sealed on a'	"$(count a "select sealed from entry where id = '$eid'")" $SUN
same   'the honest entry went in'	"$(count a "select count(*) from entry where text = 'honest after the unsealing'")" 1

# sara opens it early, on a; b has the words after the next sync.
ok     'sara unseals it on a'	as a empathy-journal unseal "$eid"
ok     'a syncs'	syncd a -q
deliver a b
ok     'b syncs'	syncd b -q
same   'open on b'	"$(count b "select sealed from entry where id = '$eid'")" $WED
ok     'alex lists on b'	as b empathy-journal list --grep river
like   'her words now'	"$(out)" 'the walk by the river'
like   'and her tag'	"$(out)" '#river'
