#!/bin/sh
# add: text that cannot be stored is refused with 65 (or 64 when there is none); nothing is half-stored.
. "${0%/*}/lib.sh"

count() { test -e "$EMPATHY_DB" && sql 'select count(*) from entry' || echo 0; }

printf 'bad \377 byte\n' >"$T/latin"
status 'invalid UTF-8 on stdin'	65 empathy-journal add --seen <"$T/latin"
like   'it says so'	"$(err)" 'not valid UTF-8'
status 'invalid UTF-8 in the arguments'	65 empathy-journal add --seen "$(printf 'caf\351')"
like   'it says so'	"$(err)" 'not valid UTF-8'
printf 'an overlong \300\257 slash\n' >"$T/overlong"
status 'an overlong encoding is not UTF-8'	65 empathy-journal add --seen <"$T/overlong"
printf 'a surrogate \355\240\200 half\n' >"$T/surrogate"
status 'an encoded surrogate is not UTF-8'	65 empathy-journal add --seen <"$T/surrogate"
printf 'before\000after\n' >"$T/nul"
status 'a NUL byte on stdin'	65 empathy-journal add --misunderstood <"$T/nul"
like   'it names the NUL'	"$(err)" 'NUL'
same   'nothing stored so far'	"$(count)" 0

head -c 65537 /dev/zero | tr '\0' a >"$T/big"
status 'one byte over 64 KiB on stdin'	65 empathy-journal add --seen <"$T/big"
like   'it names the limit'	"$(err)" '64 KiB'
status 'one byte over 64 KiB in the arguments'	65 empathy-journal add --seen "$(cat "$T/big")"
like   'it names the limit'	"$(err)" '64 KiB'
same   'nothing stored'	"$(count)" 0
head -c 65536 /dev/zero | tr '\0' b >"$T/max"
ok     'exactly 64 KiB is fine'	empathy-journal add --seen <"$T/max"
same   'all of it is stored'	"$(sql 'select length(text) from entry')" 65536

status 'empty stdin: no text at all'	64 empathy-journal add --seen </dev/null
like   'it says there was none'	"$(err)" 'no entry on standard input'
printf ' \n\t\n\n' >"$T/blank"
status 'only white space on stdin is an empty text'	65 empathy-journal add --seen <"$T/blank"
like   'it says empty'	"$(err)" 'empty'
status 'an empty argument is an empty text'	65 empathy-journal add --seen ''
same   'still one entry'	"$(count)" 1

# Odd but valid text is kept as it is and shown safely.
printf 'caf\303\251, \360\237\230\200 and a \033[31mred\033[0m word\n' >"$T/odd"
ok     'accents, emoji and an escape sequence are stored'	empathy-journal add --seen --date -1 <"$T/odd"
same   'byte for byte'	"$(sql "select hex(text) from entry where date = '$(day -1)'")" \
       "$(printf 'caf\303\251, \360\237\230\200 and a \033[31mred\033[0m word' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
ok     'list shows it'	empathy-journal list --until -1
like   'the accents and the emoji as they are'	"$(out)" "$(printf 'caf\303\251, \360\237\230\200 and a')"
unlike 'but never the raw escape character'	"$(out)" "$(printf '\033')"
like   'it is shown as ^['	"$(out)" 'a \^\[\[31mred\^\[\[0m word'
