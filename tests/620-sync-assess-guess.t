#!/bin/sh
# Guesses at a partner's answers on two laptops: sara guesses on a, alex
# answers on b; after sync both see the same accuracy. A guess stays its
# guesser's: an import or a sync operation that would make it alex's, or no
# guess, is refused.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

machine a sara
machine b alex
ok     'a makes the couple, b joins it'	couple a b
exchange() {
	for _m in a b; do syncd "$_m" -q || return; done
	deliver a b && deliver b a
	for _m in a b; do syncd "$_m" -q || return; done
}
count() { sqlite3 "$(dbof "$1")" "$2"; }

ok     'sara guesses alex'"'"'s bandwidth on a'	as a empathy-assess take bandwidth --guess alex --answers 2,4,1,3
ok     'they sync'	exchange
same   'the guess is on b, as sara'"'"'s about alex'	"$(count b 'select user, about, guess, answers from result')" 'sara|alex|1|2,4,1,3'
status 'alex: waiting, its answers not shown'	1 as b empathy-assess accuracy bandwidth --by sara
unlike 'none of them'	"$(out; err)" '2,4,1,3'
ok     'alex answers on b'	as b empathy-assess take bandwidth --answers 1,4,3,3
ok     'they sync again'	exchange
# 1 off, 0, 2 off, 0 of 4 each: 3+4+2+4 = 13 of 16 = 81.25, so 81.
ok     'sara: accuracy on a'	as a empathy-assess accuracy bandwidth -f tsv
out >"$T/acc.a"
ok     'alex: accuracy on b'	as b empathy-assess accuracy bandwidth --by sara -f tsv
out >"$T/acc.b"
ok     'the same rows on both'	cmp "$T/acc.a" "$T/acc.b"
same   'item by item'	"$(cut -f6,10 "$T/acc.a" | tail -n +2 | tr '\t\n' ': ')" '1:75 2:100 3:50 4:100 '
ok     'history --accuracy on a'	as a empathy-assess history --accuracy -f tsv
same   '81 on a'	"$(out | tail -1 | cut -f1,2,6)" 'sara	alex	81'
ok     'history --accuracy on b'	as b empathy-assess history --accuracy -f tsv
same   '81 on b'	"$(out | tail -1 | cut -f1,2,6)" 'sara	alex	81'
dump a >"$T/d.a"
dump b >"$T/d.b"
ok     'the two databases agree'	cmp "$T/d.a" "$T/d.b"

# --- An import on b that would make sara's guess alex's is refused.
gid=$(count b 'select id from result where guess = 1')
ok     'alex exports on b'	as b empathy-assess export
out | jq -c --arg id "$gid" 'select(.id == $id) | .user = "alex"' >"$T/forged.jsonl"
status 'the guess given to alex: refused, 65'	65 as b empathy-assess import <"$T/forged.jsonl"
like   'because it changes who wrote it'	"$(err)" 'who wrote'
same   'still sara'"'"'s'	"$(count b "select user from result where id = '$gid'")" sara

# --- A forged operation from b: sara's guess turned into no guess (alex's
# laptop rewrites one of its own operations into it). a refuses it.
ok     'an honest result of alex, to bend'	as b empathy-assess take bandwidth --answers 5,5,5,5
bent=$(count b "select id from result where user = 'alex' and answers = '5,5,5,5'")
brep=$(count b "select v from meta where k = 'replica'")
ok     'its operation now says sara'"'"'s guess is none'	sqlite3 "$(dbof b)" "update op set rid = '$gid', body = '{\"guess\":false}' where replica = '$brep' and rid = '$bent'"
ok     'b syncs'	syncd b
deliver b a
status 'a refuses the forged operation: 65'	65 syncd a
like   'and says so'	"$(err)" '[Rr]efused'
same   'on a, it is still sara'"'"'s guess'	"$(count a "select user, guess from result where id = '$gid'")" 'sara|1'
ok     'sara'"'"'s accuracy on a is unchanged'	as a empathy-assess history --accuracy -f tsv
same   'still 81'	"$(out | tail -1 | cut -f6)" 81
