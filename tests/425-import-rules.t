#!/bin/sh
# import applies the rules the commands apply: it brings to their form what
# they would bring (tags, feeling case, white space around text) and refuses
# what they would refuse (limits, ids they cannot address), naming the line.
. "${0%/*}/lib.sh"

TS='"created":"2026-01-01T10:00:00.000Z","updated":"2026-01-01T10:00:00.000Z"'
# entry ID TAGS TEXT: one journal entry line.
entry() {
	printf '{"type":"entry","id":"%s","user":"sara","date":"2026-01-01","kind":"seen","text":"%s","tags":"%s","removed":null,%s}\n' \
	    "$1" "$3" "$2" "$TS"
}
# checkin ID FEELING UNDER: one check-in line (feeling and under already JSON).
checkin() {
	printf '{"type":"checkin","id":"%s","user":"kim","date":"2026-01-0%s","feeling":%s,"underneath":%s,"high":"h","low":"l",%s}\n' \
	    "$1" "${4:-1}" "$2" "$3" "$TS"
}
# refused PROG DESC PATTERN: the input in $T/in is refused with 65 and the pattern.
refused() {
	status "$2: 65"	65 empathy-$1 import <"$T/in"
	like   "$2: line and field named"	"$(err)" "$3"
}

# Tags: the form --tag gives them.
entry 00000000000000a1 'Work work zeta alpha' 'one' >"$T/in"
entry 00000000000000a2 '#Work Home' 'two' >>"$T/in"
ok     'entries with tags in mixed case import'	empathy-journal import <"$T/in"
same   'stored lower case, without #, once each, sorted'	"$(sql "select tags from entry order by id")" 'alpha work zeta
home work'
ok     'journal tags'	empathy-journal tags -f tsv
same   '#work is one tag, not #work and #Work'	"$(out)" 'tag	count
work	2
alpha	1
home	1
zeta	1'
ok     'the same lines again'	empathy-journal import <"$T/in"
same   'are the same records: unchanged'	"$(out)" '0 added, 0 updated, 2 unchanged'

entry 00000000000000a3 'ok thirty-three-bytes-long-tag-xxxxx' 'three' >"$T/in"
refused journal 'a tag longer than --tag takes'	"line 1: \"tags\": 'thirty-three-bytes-long-tag-xxxxx' is not a tag"
entry 00000000000000a3 'ok no,comma' 'three' >"$T/in"
refused journal 'a tag with a comma'	"line 1: \"tags\": 'no,comma' is not a tag"
entry 00000000000000a3 "$(seq 1 65 | sed 's/^/t/' | paste -sd ' ')" 'three' >"$T/in"
refused journal '65 tags, more than an entry can have'	'line 1: "tags" has more than 64 tags'
entry 00000000000000a3 "$(seq 1 64 | sed 's/^/t/' | paste -sd ' ')" 'three' >"$T/in"
ok     '64 tags are not too many'	empathy-journal import <"$T/in"

# Text: trimmed as the commands trim it; empty after trimming is refused.
entry 00000000000000a4 '' '  \tpadded moment\n ' >"$T/in"
ok     'a text with white space around it'	empathy-journal import <"$T/in"
same   'is stored trimmed'	"$(sql "select text from entry where id = '00000000000000a4'")" 'padded moment'
entry 00000000000000a5 '' ' \n\t ' >"$T/in"
refused journal 'a text of white space only'	'line 1: "text" must be non-empty text'
entry 00000000000000a5 '' "$(head -c 65536 /dev/zero | tr '\0' x)\n\n" >"$T/in"
ok     '64 KiB of text and then white space'	empathy-journal import <"$T/in"
same   'is 64 KiB once trimmed'	"$(sql "select length(text) from entry where id = '00000000000000a5'")" 65536

# Ids: only what journal edit, rm and restore can address.
entry 'imp00000001' '' 'x' >"$T/in"
refused journal 'an id that is not hexadecimal'	'line 1: "id" must be a record id \(16 lower-case hexadecimal digits\)'
entry '00000000000000A6' '' 'x' >"$T/in"
refused journal 'an id in upper case'	'line 1: "id" must be a record id'
entry '00000000000000a' '' 'x' >"$T/in"
refused journal 'an id one digit short'	'line 1: "id" must be a record id'
entry '00000000000000a6' '' 'x' >"$T/in"
printf '{"type":"entry_version","id":"v1","entry":"00000000000000a6","text":"t","tags":"",%s}\n' "$TS" >>"$T/in"
refused journal 'a version id that is not one'	'line 2: "id" must be a record id'
same   'none of those lines was kept'	"$(sql "select count(*) from entry where id like '%a6' or id like 'imp%'")" 0
entry 'abcdef0123456789' '' 'addressable' >"$T/in"
ok     'a good id imports'	empathy-journal import <"$T/in"
ok     'and journal rm finds it by a prefix'	empathy-journal rm abcd
same   'removed'	"$(sql "select removed is not null from entry where id = 'abcdef0123456789'")" 1

# Check-ins: feelings as --feeling takes them, in lower case.
checkin 00000000000000c1 '"Tired"' '"Overlooked"' >"$T/in"
ok     'a check-in with feelings in mixed case'	empathy-checkin import <"$T/in"
same   'stored in lower case'	"$(sql "select feeling || ':' || underneath from checkin")" 'tired:overlooked'
checkin 00000000000000c2 "\"$(head -c 41 /dev/zero | tr '\0' a)\"" null 2 >"$T/in"
refused checkin 'a feeling longer than --feeling takes'	'line 1: "feeling" must be a feeling word'
checkin 00000000000000c2 '"sad\nand tired"' null 2 >"$T/in"
refused checkin 'a feeling over two lines'	'line 1: "feeling" must be a feeling word'
checkin 00000000000000c2 null '"a\u001b[31mred"' 2 >"$T/in"
refused checkin 'an escape in the feeling underneath'	'line 1: "underneath" must be a feeling word'
checkin 00000000000000c2 null null 2 | sed 's/"user":"kim"/"user":"k\\u0007m"/' >"$T/in"
refused checkin 'a control character in a name'	'line 1: "user" must be a name'
checkin 00000000000000c2 null null 2 | sed 's/"high":"h"/"high":"  "/' >"$T/in"
refused checkin 'a high of white space only'	'line 1: "high" must be non-empty text'
same   'one check-in stored, the first'	"$(sql "select count(*) from checkin")" 1

# Content ids: as content files write them.
R='"date":"2026-01-01","answers":"1,2,3,4","score":50'
printf '{"type":"result","id":"00000000000000d1","user":"kim","about":"kim","instrument":"Bandwidth",%s,%s}\n' "$R" "$TS" >"$T/in"
refused assess 'an instrument id in upper case'	'line 1: "instrument" must be a content id'
printf '{"type":"result","id":"00000000000000d1","user":"kim","about":"kim","instrument":"bandwidth",%s,%s}\n' "$R" "$TS" >"$T/in"
ok     'a content id as content writes it'	empathy-assess import <"$T/in"

# Messages quote what they name cut on a character boundary, never mid-character.
long=yz$(printf 'x%.0s\303\251' $(seq 1 40))
printf '{"type":"%s","id":"00000000000000e1"}\n' "$long" >"$T/in"
status 'a long type of two-byte characters: 65'	65 empathy-journal import <"$T/in"
like   'is quoted, cut'	"$(err)" 'line 1: "yz(é|x)+\.\.\." records do not belong'
cp "$T/.err" "$T/type.err"
ok     'as valid UTF-8'	sh -c 'iconv -f UTF-8 -t UTF-8 "$1" >/dev/null' sh "$T/type.err"
entry 00000000000000e1 '' 'x' | sed "s/^{/{\"$long\":1,/" >"$T/in"
status 'a long unknown key: 65'	65 empathy-journal import <"$T/in"
like   'names the key, cut'	"$(err)" 'unknown key "yz(é|x)+\.\.\."'
cp "$T/.err" "$T/key.err"
ok     'as valid UTF-8'	sh -c 'iconv -f UTF-8 -t UTF-8 "$1" >/dev/null' sh "$T/key.err"

# Challenge notes: a note of white space only is no note, as done makes it.
printf '{"type":"run","id":"00000000000000f1","challenge":"one-week","start":"2026-01-01","days":7,"user":"kim","abandoned":null,%s}\n' "$TS" >"$T/in"
printf '{"type":"run_day","id":"00000000000000f2","run":"00000000000000f1","user":"kim","day":1,"date":"2026-01-01","note":" \\n ",%s}\n' "$TS" >>"$T/in"
printf '{"type":"run_day","id":"00000000000000f3","run":"00000000000000f1","user":"kim","day":2,"date":"2026-01-02","note":" went well\\n",%s}\n' "$TS" >>"$T/in"
ok     'a run with two days imports'	empathy-challenge import <"$T/in"
same   'a blank note is none, another is trimmed'	"$(sql "select day, coalesce(note, 'NULL') from run_day order by day")" '1|NULL
2|went well'
printf '{"type":"run","id":"00000000000000f4","challenge":"One-Week","start":"2026-02-01","days":7,"user":"kim","abandoned":null,%s}\n' "$TS" >"$T/in"
refused challenge 'a challenge id in upper case'	'line 1: "challenge" must be a content id'
