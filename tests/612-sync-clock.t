#!/bin/sh
# A replica whose clock is far off cannot freeze a record. Sara has two
# laptops: a, whose clock runs ten years ahead (then ten years behind), and
# c, whose clock is right. An edit made on c after c has seen a's version
# wins, whatever the wall clocks say; and the other way round. Sync warns
# when the partner's clock is off by more than five minutes, and not when
# it is right.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

count() { sqlite3 "$(dbof "$1")" "$2"; }
# pass FROM TO: FROM syncs, its files reach TO, TO syncs (its output kept).
pass() { syncd "$1" -q && deliver "$1" "$2" && syncd "$2"; }

# Each skew on machines of its own: a clock that once ran ahead leaves the
# clocks it issued ahead, which would hide the second case.
n=0
for skew in '+3650d' '-3650d'; do
	n=$((n + 1))
	machine "s$n/a" sara
	machine "s$n/c" sara
	machine "s$n/b" alex
	clock "s$n/a" "$skew"
	ok     "three machines, a's clock $skew from the start"	couple "s$n/a" "s$n/c" "s$n/b"
	a=s$n/a c=s$n/c b=s$n/b
	echo "the entry written where the clock says $skew" >"$T/in"
	ok     "a's clock is $skew: sara writes there"	as "$a" empathy-journal add --seen <"$T/in"
	id=$(count "$a" "select id from entry where text like '%says $skew'")
	ok     'the entry reaches c'	pass "$a" "$c"
	like   'c warns that a partner'"'"'s clock is far off'	"$(out; err)" '[Cc]lock'
	same   'c has a'"'"'s text'	"$(count "$c" "select text from entry where id = '$id'")" "the entry written where the clock says $skew"
	echo "an honest edit on c after seeing it ($skew)" >"$T/in"
	ok     'sara edits it on c, whose clock is right'	as "$c" empathy-journal edit "$id" <"$T/in"
	ok     'the edit reaches a'	pass "$c" "$a"
	for m in a c; do
		same   "the later edit wins on $m"	"$(count "s$n/$m" "select text from entry where id = '$id'")" "an honest edit on c after seeing it ($skew)"
	done
	echo "a's answer to it ($skew)" >"$T/in"
	ok     'a, still off, edits after seeing c'"'"'s version'	as "$a" empathy-journal edit "$id" <"$T/in"
	ok     'back to c'	pass "$a" "$c"
	same   'that later edit wins in turn on c'	"$(count "$c" "select text from entry where id = '$id'")" "a's answer to it ($skew)"
	echo "c again ($skew)" >"$T/in"
	ok     'and c again after seeing it'	as "$c" empathy-journal edit "$id" <"$T/in"
	ok     'to a'	pass "$c" "$a"
	for m in a c; do
		same   "c's last edit stands on $m"	"$(count "s$n/$m" "select text from entry where id = '$id'")" "c again ($skew)"
	done
	ok     'alex'"'"'s machine gets everything'	pass "$a" "$b"
	ok     'and from c'	pass "$c" "$b"
	same   'and agrees'	"$(count "$b" "select text from entry where id = '$id'")" "c again ($skew)"
	# Tags are a field of their own: a tag set on c wins too.
	ok     'sara tags it on c'	as "$c" empathy-journal edit --tag lighthouse "$id"
	ok     'to a'	pass "$c" "$a"
	same   'the tag is on a'	"$(count "$a" "select tags from entry where id = '$id'")" lighthouse
	clock "$a" ''
	ok     "with a's clock right again, a syncs"	pass "$c" "$a"
	same   'a and c agree'	"$(dump "$a")" "$(dump "$c")"
done

# A clock off by less than five minutes says nothing of clocks; more does.
machine s3/a sara
machine s3/c sara
clock s3/a '+200s'
ok     'two machines, a 200 seconds ahead'	couple s3/a s3/c
ok     'a writes, its clock 200 seconds ahead'	as s3/a empathy-journal add --seen 'a few minutes ahead'
ok     'to c'	pass s3/a s3/c
unlike 'no warning about clocks'	"$(out; err)" '[Cc]lock'
clock s3/a '+600s'
ok     'a writes, its clock ten minutes ahead'	as s3/a empathy-journal add --seen 'ten minutes ahead'
ok     'to c'	pass s3/a s3/c
like   'the warning'	"$(out; err)" '[Cc]lock'
clock s3/a ''
