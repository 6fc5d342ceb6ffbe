#!/bin/sh
# empathy partners rename OLD NEW: a login name folded into the real one,
# everywhere, on both machines: nothing lost, nothing left under the old
# name, no record twice, answers still on their check-ins.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

count() { sqlite3 "$(dbof "$1")" "$2"; }
pass() { syncd "$1" -q && deliver "$1" "$2" && syncd "$2" -q; }

machine a root
machine b alex
ok     'a couple: a (where sara wrote as root) and b (alex)'	couple a b
ok     'root checks in on a'	as a empathy-checkin add --high 'root high' --low 'root low'
ok     'and writes in the journal'	as a empathy-journal add --seen 'written as root'
id=$(count a "select id from entry where user = 'root'")
echo 'written as root, then edited' >"$T/in"
ok     'and edits it'	as a empathy-journal edit "$id" <"$T/in"
ok     'and takes an assessment'	as a empathy-assess take bandwidth --answers 2,3,4,5
ok     'to b'	pass a b
ok     'alex answers root'"'"'s check-in on b'	as b empathy-checkin respond --peek --to root 'What made it so?'
ok     'alex rates root'	as b empathy-assess take bandwidth --about root --answers 1,1,1,1
ok     'back to a'	pass b a

status 'a name that is not a partner'	66 as a empathy partners rename nobody sara
ok     'root becomes sara on a'	as a empathy partners rename root sara
for m in a b; do
	[ "$m" = b ] && { ok 'to b' pass a b; }
	same   "$m: nothing is root's"	"$(count $m "select (select count(*) from checkin where user = 'root') + (select count(*) from entry where user = 'root') + (select count(*) from result where user = 'root' or about = 'root') + (select count(*) from partner where name = 'root')")" 0
	same   "$m: the roster is alex and sara"	"$(count $m "select group_concat(name, ' ') from (select name from partner order by name)")" 'alex sara'
	same   "$m: sara's check-in, once"	"$(count $m "select high || '/' || low from checkin where user = 'sara'")" 'root high/root low'
	same   "$m: under the id her name and day give"	"$(count $m "select id from checkin where user = 'sara'")" "$(derive checkin sara "$(day 0)")"
	same   "$m: alex's answer is on it"	"$(count $m "select c.user from response r join checkin c on c.id = r.checkin where r.user = 'alex'")" sara
	same   "$m: her entry, with its text and its old version"	"$(count $m "select e.text || '|' || v.text from entry e join entry_version v on v.entry = e.id where e.user = 'sara'")" 'written as root, then edited|written as root'
	same   "$m: the search finds it"	"$(as $m empathy-journal list --grep edited -f tsv | awk 'NR > 1' | wc -l)" 1
	same   "$m: her result, and alex's result about her"	"$(count $m "select user || '>' || about from result order by user")" 'alex>sara
sara>sara'
done
same   'the two machines agree'	"$(dump a)" "$(dump b)"
status 'root cannot write any more'	78 as a empathy-journal add --seen 'root again'
ok     'sara writes on a'	asu a sara empathy-journal add --seen 'now as sara'
ok     'and it reaches b'	pass a b
same   'b has it'	"$(count b "select count(*) from entry where user = 'sara'")" 2
