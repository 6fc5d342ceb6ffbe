#!/bin/sh
# add and edit on a terminal, with an editor that reads what is typed: text, an empty line, EOF (Ctrl-D), Ctrl-C.
. "${0%/*}/lib.sh"

leftovers() { find "$XDG_RUNTIME_DIR" -name 'empathy.*' 2>/dev/null; }
count() { test -e "$EMPATHY_DB" && sql 'select count(*) from entry' || echo 0; }

# An editor that asks on the terminal for one line and adds it to the file.
cat >"$T/ed-ask" <<'ED'
#!/bin/sh
printf 'ED> '
IFS= read -r line || exit 0
printf '%s\n' "$line" >>"$1"
ED
chmod +x "$T/ed-ask"

# keys CMD KEYS: run CMD on a terminal; once the editor shows its prompt,
# type KEYS (a printf format), and keep the terminal open until CMD is done.
# What the terminal showed goes to $T/shown (without \r); the status is CMD's
# (130 when SIGINT ended it). The session's shell catches SIGINT (trap :) to
# live on; CMD gets the default action back, as usual. The feeder reads what
# the terminal showed so far, on purpose, while script writes it.
# shellcheck disable=SC2094
keys() {
	rm -f "$T/shown.raw" "$T/done"
	: >"$T/shown.raw"
	{
		_i=0
		while ! grep -q 'ED>' "$T/shown.raw" && [ $_i -lt 400 ]; do
			sleep 0.05
			_i=$((_i + 1))
		done
		printf "$2"
		_i=0
		while [ ! -e "$T/done" ] && [ $_i -lt 400 ]; do
			sleep 0.05
			_i=$((_i + 1))
		done
	} | script -qec "trap : INT; $1; _s=\$?; touch '$T/done'; exit \$_s" /dev/null \
	    >"$T/shown.raw" 2>&1
	_s=$?
	tr -d '\r' <"$T/shown.raw" >"$T/shown"
	return $_s
}
shown() { cat "$T/shown"; }

ed="VISUAL=$T/ed-ask empathy-journal"
status 'add: a line typed in the editor'	0 keys "$ed add --seen" 'He fixed my bike without a word\n'
like   'is stored'	"$(shown)" 'felt seen on'
same   'as the entry'	"$(sql 'select text from entry')" 'He fixed my bike without a word'
same   'no editor directory is left'	"$(leftovers)" ''

status 'add: only Enter in the editor stores nothing'	1 keys "$ed add --seen" '\n'
like   'and says so'	"$(shown)" 'nothing stored'
status 'add: EOF (Ctrl-D) in the editor stores nothing'	1 keys "$ed add --seen" '\004'
like   'and says so'	"$(shown)" 'nothing stored'
keys "$ed add --misunderstood" 'half a senten\003'
s=$?
same   'add: Ctrl-C in the editor fails'	"$([ $s -ne 0 ] && echo failed)" failed
unlike 'and does not say it stored anything'	"$(shown)" 'felt misunderstood on'
same   'none of these stored anything'	"$(count)" 1
same   'no editor directory is left'	"$(leftovers)" ''

id=$(sql 'select id from entry')
id7=$(printf %.7s "$id")
before=$(sql "select text, updated from entry where id = '$id'")
status 'edit: only Enter leaves the text as it was'	0 keys "$ed edit $id" '\n'
like   'and says unchanged'	"$(shown)" "$id7: unchanged"
status 'edit: EOF (Ctrl-D) too'	0 keys "$ed edit $id" '\004'
like   'unchanged'	"$(shown)" "$id7: unchanged"
keys "$ed edit $id" 'and oiled the chain\003'
s=$?
same   'edit: Ctrl-C in the editor fails'	"$([ $s -ne 0 ] && echo failed)" failed
unlike 'and does not say it changed'	"$(shown)" "$id7: (un)?changed"
same   'the entry is untouched by all three'	"$(sql "select text, updated from entry where id = '$id'")" "$before"
same   'and has no version'	"$(sql 'select count(*) from entry_version')" 0
same   'no editor directory is left'	"$(leftovers)" ''
status 'edit: a line typed'	0 keys "$ed edit $id" 'and oiled the chain\n'
like   'changes it'	"$(shown)" "$id7: changed"
same   'the line is added to the text'	"$(sql "select text from entry where id = '$id'")" 'He fixed my bike without a word

and oiled the chain'
same   'no editor directory is left'	"$(leftovers)" ''
