#!/bin/sh
# The mailbox carries nothing readable: no text, name, tag, feeling, note or
# id of content in any file; names of files are a replica id and a number
# only; no SQLite file. A file with a flipped byte, cut short, renamed, or
# moved in from another couple's mailbox is refused (65, naming it) and
# nothing of it is applied; the other files are.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

machine a sara
machine b alex
machine c sara
ok     'a couple of three machines'	couple a b c

count() { sqlite3 "$(dbof "$1")" "$2"; }
replica() { count "$1" "select v from meta where k = 'replica'"; }
# last M: the newest file machine M wrote to its view.
last() { boxfiles "$1" | grep "^$(replica "$1")-" | tail -n 1; }
exchange() {
	for _m; do syncd "$_m" -q || return; done
	for _m; do for _o; do [ "$_m" = "$_o" ] || deliver "$_m" "$_o"; done; done
	for _m; do syncd "$_m" -q || return; done
}

# --- Nothing readable.
ok     'sara writes a moment'	as a empathy-journal add --seen --tag marigoldtag 'the quince orchard in bloom'
ok     'misunderstood'	as a empathy-journal add --misunderstood --tag lanternfish 'when the violinist left early'
ok     'checks in'	as a empathy-checkin add --feeling anxious:uncertain --high 'a letter from grandmother' --low 'the broken kettle'
ok     'takes an assessment'	as a empathy-assess take --answers 1,2,3,4 bandwidth
ok     'starts the challenge'	as a empathy-challenge start one-week
ok     'and writes a note'	as a empathy-challenge done --note 'we cooked saffron rice together'
ok     'alex writes on b'	as b empathy-journal add --seen --tag harbourtag 'the tugboat whistle at noon'
ok     'checks in'	as b empathy-checkin add --feeling hopeful --high 'a quiet train ride' --low 'a missed phone call'
ok     'the first exchange'	exchange a b
ok     'alex answers'	as b empathy-checkin respond --to sara --peek --force 'what did the letter from grandmother say?'
eid=$(count a "select id from entry where text like 'the quince%'")
echo 'the quince orchard after the storm' >"$T/in"
ok     'sara edits'	as a empathy-journal edit "$eid" <"$T/in"
ok     'and the second exchange'	exchange a b c
same   'alex'"'"'s answer reached a'	"$(count a "select count(*) from response where text like '%grandmother say%'")" 1
for w in quince orchard violinist marigoldtag lanternfish grandmother kettle anxious uncertain hopeful \
    saffron harbourtag tugboat 'quiet train' 'missed phone' 'after the storm' sara alex \
    one-week bandwidth seen misunderstood '"text"' '"user"' 'SQLite format'; do
	same   "'$w' is in no file of the mailbox"	"$(grep -r -l -a -F -- "$w" "$T/a/box" "$T/b/box" "$T/c/box")" ''
done
bad=$(boxfiles a | grep -Ev '^[0-9a-f]{16}-[0-9]{12}$')
same   'every file is named by a replica id and a number'	"$bad" ''
same   'a'"'"'s view holds only mailbox files and the couple file'	"$(find "$T/a/box" -mindepth 1 | grep -Ev '/[0-9a-f]{16}-[0-9]{12}$|/couple$')" ''
same   'the couple file names nobody'	"$(grep -c -i -e sara -e alex "$T/a/box/couple")" 0

# --- Refused files. From here each case starts from b as it is now ($T/b0)
# with, in its view, every file of a's up to the first parcel ($T/a1) and
# every file c has; a's second parcel comes damaged.
cp -a "$T/b" "$T/b0"
ok     'a: the first parcel'	as a empathy-journal add --seen 'the first parcel'
ok     'sync'	syncd a
f1=$(last a)
mkdir "$T/a1" && cp "$T/a/box/"* "$T/a1/"
ok     'a: the second parcel'	as a empathy-journal add --seen 'the second parcel'
ok     'sync'	syncd a
f2=$(last a)
ok     'c: a parcel from the second laptop'	as c empathy-journal add --seen 'the parcel from c'
ok     'sync'	syncd c
f3=$(last c)
same   'three new files'	"$(printf '%s\n' "$f1" "$f2" "$f3" | sort -u | grep -c .)" 3

# A second couple, with its own mailbox.
machine x kim
ok     'another couple on x'	couple x
ok     'kim writes there'	as x empathy-journal add --seen 'the parcel of another couple'
ok     'and syncs'	syncd x
fx=$(last x)

# fresh: b as it was, with a's files up to the first parcel and c's in its view.
fresh() {
	rm -rf "$T/b" && cp -a "$T/b0" "$T/b" || return 1
	for _f in "$T/a1/"* "$T/c/box/"*; do
		[ -e "$T/b/box/${_f##*/}" ] || _copy "$_f" "$T/b/box" || return 1
	done
}
# flip FILE OFFSET: the byte at OFFSET (negative: from the end) inverted.
flip() {
	perl -e 'open(my $f, "+<", $ARGV[0]) or die; my $o = $ARGV[1];
	    $o += -s $ARGV[0] if $o < 0; seek($f, $o, 0); read($f, my $c, 1);
	    seek($f, $o, 0); print $f chr(ord($c) ^ 0x20); close($f) or die' "$1" "$2"
}
# refused CASE NAME: b's sync refuses the file NAME with 65, applies the rest.
refused() {
	status "$1: b's sync exits 65"	65 syncd b
	like   "$1: naming the file"	"$(err)" "$2"
	same   "$1: nothing of it is applied"	"$(count b "select count(*) from entry where text = 'the second parcel' or text like '%another couple'")" 0
	same   "$1: the other files are"	"$(count b "select count(*) from entry where text in ('the first parcel', 'the parcel from c')")" 2
	same   "$1: the database is sound"	"$(count b 'pragma integrity_check')" ok
}

for where in 0 12 40 -20 -1; do
	fresh
	_copy "$T/a/box/$f2" "$T/b/box"
	flip "$T/b/box/$f2" "$where"
	refused "a byte flipped at $where" "$f2"
done
ok     'the intact file arrives in its place'	_copy "$T/a/box/$f2" "$T/b/box"
ok     'b syncs'	syncd b
same   'and applies it'	"$(count b "select count(*) from entry where text = 'the second parcel'")" 1

for cut in 1 16 $(($(wc -c <"$T/a/box/$f2") / 2)); do
	fresh
	_copy "$T/a/box/$f2" "$T/b/box"
	truncate -s "-$cut" "$T/b/box/$f2"
	refused "cut $cut bytes short" "$f2"
done

fresh
n2=${f2#*-}
other=${f2%%-*}-$(printf '%012d' $((${n2#"${n2%%[1-9]*}"} + 7)))
cp "$T/a/box/$f2" "$T/b/box/$other"
refused 'renamed to another number' "$other"

fresh
cp "$T/a/box/$f2" "$T/b/box/$(replica c)-000000000999"
refused 'renamed to another replica' "$(replica c)-000000000999"

fresh
cp "$T/x/box/$fx" "$T/b/box/$fx"
refused 'moved in from another couple' "$fx"

fresh
cp "$T/x/box/$fx" "$T/b/box/$f2"
refused 'another couple'"'"'s file under a name of a'"'"'s' "$f2"

fresh
: >"$T/b/box/$f2"
refused 'an empty file' "$f2"
