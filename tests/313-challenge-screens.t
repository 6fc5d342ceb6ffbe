#!/bin/sh
# Every name, title and note reaches the terminal through the safe writer, cut on character boundaries, in 80 columns; a database error is reported, not shown as undone days.
. "${0%/*}/lib.sh"

esc=$(printf '\033')
c1=$(printf '\302\233')		# U+009B, the one-byte CSI of C1
utf8() { iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; }
wide() { LC_ALL=C.UTF-8 wc -L; }	# the widest line, in terminal columns
anne='Anne-Marié Dubois-Léger'
yamada='山田花子山田花子山田'

# A couple has two partners; a database written before the roster can hold
# more (they come in here by hand: import and sync refuse a third name).
_k=0
imported_done() {	# NAME: NAME did day 1 of the running challenge
	_k=$((_k + 1))
	sql "insert into run_day (id, run, user, day, date, created, updated) select
	    printf('%016x', $((0xd0d0000 + _k))), id, '$1', 1, '$(day 0)',
	    '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' from run where abandoned is null"
}

ok     'sara starts one-week two days ago'	empathy-challenge start --date -2
ok     'a partner with an accented name longer than the column does day 1'	empathy-challenge -u "$anne" done --day 1 --note 'Bien' </dev/null
ok     'and one with a CJK name'	imported_done "$yamada"
ok     'status'	empathy-challenge status
same   'names are cut to ten columns, not mid-character, and marked'	"$(out | sed -n 3p)" \
       "                                   sara       Anne-Mari… 山田花子… "
ok     'status is valid UTF-8 throughout'	sh -c 'empathy-challenge status | iconv -f UTF-8 -t UTF-8'
ok     'so is review'	sh -c 'empathy-challenge review | iconv -f UTF-8 -t UTF-8'
same   'status fits 80 columns'	"$(empathy-challenge status | wide)" "$(empathy-challenge status | wide | awk '$1 <= 80')"

# A name written into the database by an older version or by hand, with a C1 control.
ok     'a name with a C1 CSI, stored directly'	sql "insert into run_day (id, run, user, day, date, created, updated) select 'c100000000000001', id, 'x${c1}31my', 1, '$(day -1)', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' from run"
ok     'status'	empathy-challenge status
unlike 'the C1 byte never reaches the terminal raw'	"$(out)" "$c1"
like   'it is shown replaced'	"$(out | sed -n 3p)" ' x.{1,3}31my'
ok     'review'	empathy-challenge review
unlike 'nor in review'	"$(out)" "$c1"
ok     'abandon on a terminal'	sh -c "printf 'n\\n' | script -qec 'empathy-challenge -u \"x${c1}31my\" abandon' /dev/null >/dev/null; true"

# Content with escapes in its titles and tasks.
C=$T/content
mkdir -p "$C"
printf 'kind: challenge\nid: esc\ntitle: "Bad \\e]52;c;aGk=\\a title \\u009b31m"\ndays:\n  - {title: "A \\e[31mred\\e[0m day", task: "Do \\u009b a."}\n  - {title: "B", task: "Do b."}\n' >"$C/esc.yaml"
ok     'abandon, start the escaping challenge'	sh -c "empathy-challenge abandon --yes && empathy-challenge --content $C start esc"
for c in status today review 'show esc' list; do
	ok     "$c"	empathy-challenge --content "$C" $c
	unlike "$c: no ESC reaches the terminal"	"$(out)" "$esc"
	unlike "$c: no C1 control either"	"$(out)" "$c1"
	same   "$c: every line fits 80 columns"	"$(out | widest | awk '$1 > 80')" ''
done
ok     'status -f tsv escapes them'	empathy-challenge --content "$C" status -f tsv
unlike 'no ESC in tsv'	"$(out)" "$esc"

# Many partners: the grid narrows, then becomes a list; never wider than 80.
ok     'abandon, start one-week'	sh -c 'empathy-challenge abandon --yes && empathy-challenge start --date -1'
for u in alexandra bartholomew christopher dominique; do
	imported_done "$u" >/dev/null
done
ok     'status with five partners'	empathy-challenge status
same   'fits 80 columns'	"$(out | widest | awk '$1 > 80')" ''
like   'still a grid, titles narrowed'	"$(out | sed -n 4p)" '^  1  Share a fear +missed +late +late +late +late$'
for u in evangeline fitzgerald; do
	imported_done "$u" >/dev/null
done
ok     'status with seven partners'	empathy-challenge status
same   'fits 80 columns'	"$(out | widest | awk '$1 > 80')" ''
like   'a list per day instead'	"$(out | sed -n '3,5p' | tr '\n' '|')" '^  1  Share a fear *\|       sara: missed\|       alexandra: late\|$'
same   'all seven partners under day 1'	"$(out | sed -n '4,10p' | grep -c '^       [a-z]*: ')" 7
ok     'review fits too'	empathy-challenge review
same   'every line fits 80 columns'	"$(out | widest | awk '$1 > 80')" ''

# A database error while reading days is an error, not a grid of undone days.
ok     'replace run_day by a view whose date fails to read'	sql "alter table run_day rename to rd; create view run_day as select id, run, user, day, case when day = 1 then json('{bad') else date end as date, note, removed, created, updated from rd; drop view live_run_day; create view live_run_day as select * from run_day where removed is null"
status 'status reports it (74)'	74 empathy-challenge status
like   'and says why'	"$(err)" 'reading challenges'
