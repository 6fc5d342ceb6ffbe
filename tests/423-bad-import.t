#!/bin/sh
# Bad import input for all four programs, each a named case: 65, the first bad
# line named, and nothing of the input imported, not even the good lines before it.
. "${0%/*}/lib.sh"

TIME=$(command -v /usr/bin/time || true)
[ "$EM_SLOW" -eq 1 ] || TIME=

# Something of each program's own already stored.
ok     'setup: kim checks in'	empathy-checkin -u kim add --high 'A calm day' --low 'A late bus'
ok     'setup: sara answers'	sh -c 'echo "What made it calm?" | empathy-checkin respond --peek --to kim'
ok     'setup: sara writes in the journal'	sh -c 'echo "felt heard" | empathy-journal add --seen'
ok     'setup: sara takes the bandwidth check'	empathy-assess take bandwidth --answers 1,2,3,4
ok     'setup: a challenge starts'	empathy-challenge start
ok     'setup: and its first day is done'	sh -c 'echo "went well" | empathy-challenge done'
counts() {
	sql "select (select count(*) from checkin), (select count(*) from response),
	    (select count(*) from entry), (select count(*) from entry_version),
	    (select count(*) from result), (select count(*) from run),
	    (select count(*) from run_day)"
}
before=$(counts)
same   'setup: one of each'	"$before" '1|1|1|0|1|1|1'

t1='"created":"2026-01-01T10:00:00.000Z","updated":"2026-01-01T10:00:00.000Z"'
t2='"created":"2026-01-02T10:00:00.000Z","updated":"2026-01-02T10:00:00.000Z"'
# good PROGRAM: four valid records, one per line; a bad line goes between 2 and 3.
good() {
	case $1 in
	checkin)
		echo '{"type":"checkin","id":"c0000000000000a1","user":"kim","date":"2026-01-01","feeling":null,"underneath":null,"high":"h1","low":"l1",'"$t1"'}'
		echo '{"type":"checkin","id":"c0000000000000a2","user":"kim","date":"2026-01-02","feeling":"tired","underneath":null,"high":"h2","low":"l2",'"$t2"'}'
		echo '{"type":"response","id":"b0000000000000a1","checkin":"c0000000000000a1","user":"sara","kind":"question","text":"Why?","forced":false,'"$t2"'}'
		echo '{"type":"checkin","id":"c0000000000000a3","user":"kim","date":"2026-01-03","feeling":null,"underneath":null,"high":"h3","low":"l3",'"$t2"'}'
		;;
	journal)
		echo '{"type":"entry","id":"e0000000000000a1","user":"kim","date":"2026-01-01","kind":"seen","text":"t1","tags":"","removed":null,'"$t1"'}'
		echo '{"type":"entry","id":"e0000000000000a2","user":"kim","date":"2026-01-02","kind":"misunderstood","text":"t2","tags":"a b","removed":null,'"$t2"'}'
		echo '{"type":"entry_version","id":"a0000000000000a1","entry":"e0000000000000a1","text":"t0","tags":"",'"$t2"'}'
		echo '{"type":"entry","id":"e0000000000000a3","user":"kim","date":"2026-01-03","kind":"seen","text":"t3","tags":"","removed":null,'"$t2"'}'
		;;
	assess)
		echo '{"type":"result","id":"50000000000000a1","user":"kim","about":"kim","instrument":"bandwidth","date":"2026-01-01","answers":"1,2,3,4","score":50,'"$t1"'}'
		echo '{"type":"result","id":"50000000000000a2","user":"kim","about":"sara","instrument":"bandwidth","date":"2026-01-02","answers":"5,5,5,5","score":25,'"$t2"'}'
		echo '{"type":"result","id":"50000000000000a3","user":"kim","about":"kim","instrument":"bandwidth","date":"2026-01-03","answers":"3,3,3,3","score":50,'"$t2"'}'
		echo '{"type":"result","id":"50000000000000a4","user":"kim","about":"kim","instrument":"bandwidth","date":"2026-01-04","answers":"1,5,1,1","score":100,'"$t2"'}'
		;;
	challenge)
		echo '{"type":"run","id":"f0000000000000a1","challenge":"one-week","start":"2026-01-01","days":7,"user":"kim","abandoned":"2026-01-05T10:00:00.000Z",'"$t1"'}'
		echo '{"type":"run_day","id":"d0000000000000a1","run":"f0000000000000a1","user":"kim","day":1,"date":"2026-01-01","note":"n1",'"$t1"'}'
		echo '{"type":"run_day","id":"d0000000000000a2","run":"f0000000000000a1","user":"kim","day":2,"date":"2026-01-02","note":null,'"$t2"'}'
		echo '{"type":"run_day","id":"d0000000000000a3","run":"f0000000000000a1","user":"sara","day":1,"date":"2026-01-01","note":"n2",'"$t2"'}'
		;;
	esac
}
# One record of another program, for "this is not mine".
foreign() {
	case $1 in
	checkin)	good journal | head -n 1 ;;
	journal)	good checkin | head -n 1 ;;
	assess)		good challenge | head -n 1 ;;
	challenge)	good assess | head -n 1 ;;
	esac
}
# A stored record of the program's own, changed but with the same id and times.
collide() {
	case $1 in
	checkin)	empathy-checkin export | grep '"type":"checkin"' | sed 's/"high":"[^"]*"/"high":"Another day"/' ;;
	journal)	empathy-journal export | grep '"type":"entry"' | sed 's/"text":"[^"]*"/"text":"felt unheard"/' ;;
	assess)		empathy-assess export | sed 's/"answers":"[^"]*"/"answers":"5,5,5,5"/' ;;
	challenge)	empathy-challenge export | grep '"type":"run_day"' | sed 's/"note":"[^"]*"/"note":"went badly"/' ;;
	esac
}
# with PROGRAM LINE: the good records with LINE as line 3 of 5.
with() {
	good "$1" | head -n 2
	printf '%s\n' "$2"
	good "$1" | tail -n 2
}

# bad PROGRAM NAME LINE PATTERN: import refuses LINE (line 3 of 5) with 65.
bad() {
	with "$1" "$3" >"$T/in"
	status "$1: $2: 65"	65 empathy-$1 import <"$T/in"
	like   "$1: $2: line 3 is named, with what is wrong"	"$(err)" "line 3: (column [0-9]+: )?.*$4"
	unlike "$1: $2: no other line is named"	"$(err)" 'line [1245]\b'
	same   "$1: $2: nothing on stdout"	"$(out)" ''
	same   "$1: $2: nothing imported"	"$(counts)" "$before"
}

for p in checkin journal assess challenge; do
	good $p >"$T/good"
	same   "$p: setup: five lines with one more"	"$(with $p x | wc -l)" 5
	bad $p 'invalid JSON (cut short)'	'{"type":"x","id":'	'.'
	bad $p 'invalid JSON (a trailing comma)'	"$(good $p | head -n 1 | sed 's/}$/,}/')"	'.'
	bad $p 'invalid JSON (single quotes)'	"{'type':'entry'}"	'.'
	bad $p 'not JSON at all'	'hello'	'.'
	bad $p 'an array'	'["entry","e0000000000000b1"]'	'a record must be a JSON object'
	bad $p 'a string'	'"entry"'	'a record must be a JSON object'
	bad $p 'a number'	'42'	'a record must be a JSON object'
	bad $p 'null'	'null'	'a record must be a JSON object'
	bad $p 'a nested object as a value'	"$(good $p | head -n 1 | sed 's/"user":"kim"/"user":{"name":"kim"}/')" \
	    'nested objects and arrays are not allowed'
	bad $p 'a nested array as a value'	"$(good $p | head -n 1 | sed 's/"user":"kim"/"user":["kim"]/')" \
	    'nested objects and arrays are not allowed'
	bad $p 'an empty object'	'{}'	'a record needs a "type"'
	bad $p 'a record of another program'	"$(foreign $p)"	'"[a-z]+" records do not belong to empathy-'"$p"
	bad $p 'an unknown type'	'{"type":"secret","id":"e0000000000000b1"}'	'"secret" records do not belong'
	bad $p 'an unknown key'	"$(good $p | head -n 1 | sed 's/^{/{"extra":1,/')"	'unknown key "extra"'
	bad $p 'a key twice'	"$(good $p | head -n 1 | sed 's/^{/{"id":"e0000000000000b9",/')"	'duplicate key "id"'
	bad $p 'a missing id'	"$(good $p | head -n 1 | sed 's/"id":"[^"]*",//')"	'"id" is missing'
	bad $p 'a user that is a number'	"$(good $p | head -n 1 | sed 's/"user":"kim"/"user":7/')"	'"user" must be a name'
	bad $p 'invalid UTF-8'	"$(good $p | head -n 1 | sed "s/\"user\":\"kim\"/\"user\":\"k$(printf '\377')m\"/")"	'not valid UTF-8'
	bad $p 'a lone surrogate escape'	"$(good $p | head -n 1 | sed 's/"user":"kim"/"user":"k\\ud800m"/')"	'lone surrogate'
	bad $p 'a \u0000 escape'	"$(good $p | head -n 1 | sed 's/"user":"kim"/"user":"k\\u0000m"/')"	'u0000'
	bad $p 'a raw control character in a string'	"$(good $p | head -n 1 | sed "s/\"user\":\"kim\"/\"user\":\"k$(printf '\001')m\"/")"	'control character'
	bad $p 'a bad updated time'	"$(good $p | head -n 1 | sed 's/"updated":"[^"]*"/"updated":"yesterday"/')"	'"updated" must be a UTC time'
	bad $p 'an id collision: other content, same updated time'	"$(collide $p)"	'[a-z_]+ [0-9a-f]{16} is already here with other content and the same time'
	# Two bad lines: the first stops it.
	{ good $p | head -n 2; echo '[1]'; echo '"second bad"'; good $p | tail -n 1; } >"$T/in"
	status "$p: two bad lines: 65"	65 empathy-$p import <"$T/in"
	like   "$p: two bad lines: the first (line 3) is named"	"$(err)" 'line 3:'
	unlike "$p: two bad lines: the second is not reached"	"$(err)" 'line 4'
	same   "$p: two bad lines: nothing imported"	"$(counts)" "$before"

	# No final newline: the last line may have been cut off, so none of it counts.
	{ good $p; printf '%s' "$(good $p | head -n 1 | sed 's/0000a1/0000b1/g; s/2026-01-01"/2026-01-09"/')"; } >"$T/in"
	status "$p: the input ends mid-line: 65"	65 empathy-$p import <"$T/in"
	like   "$p: the input ends mid-line: line 5 is named"	"$(err)" 'line 5: .*middle of a line'
	same   "$p: the input ends mid-line: nothing imported"	"$(counts)" "$before"

	# A 100 MB line is refused after its first few MiB, fast and in little memory.
	gen() {
		good $p | head -n 2
		printf '{"type":"x","text":"'
		head -c 100000000 /dev/zero | tr '\0' a
		printf '"}\n'
		good $p | tail -n 2
	}
	_t0=$(date +%s%N)
	if [ -n "$TIME" ]; then
		gen | "$TIME" -q -f %M -o "$T/.kb" empathy-$p import >"$T/.out" 2>"$T/.err"
	else
		gen | empathy-$p import >"$T/.out" 2>"$T/.err"
	fi
	_rc=$?
	_ms=$((($(date +%s%N) - _t0) / 1000000))
	same   "$p: a 100 MB line: 65"	"$_rc" 65
	like   "$p: a 100 MB line: line 3 is longer than the limit"	"$(err)" 'line 3: longer than [0-9]+ MiB'
	ok     "$p: a 100 MB line: refused in a few seconds ($_ms ms)"	test "$_ms" -lt $((5000 * EM_SLOW))
	if [ -n "$TIME" ]; then
		_kb=$(tail -n 1 "$T/.kb")
		ok     "$p: a 100 MB line: not read into memory ($_kb KiB)"	test "$_kb" -lt 65536
	fi
	same   "$p: a 100 MB line: nothing imported"	"$(counts)" "$before"
done

# The good lines are good: alone, they import, once.
after=$before
for p in checkin journal assess challenge; do
	good $p >"$T/good"
	ok     "$p: the good lines alone import"	empathy-$p import <"$T/good"
	same   "$p: four added"	"$(out)" '4 added, 0 updated, 0 unchanged'
	ok     "$p: and again change nothing"	empathy-$p import <"$T/good"
	same   "$p: four unchanged"	"$(out)" '0 added, 0 updated, 4 unchanged'
done
same   'all good lines are in'	"$(counts)" '4|2|4|1|5|2|4'
