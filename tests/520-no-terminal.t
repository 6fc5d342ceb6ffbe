#!/bin/sh
# From cron there is no terminal and nothing on stdin: commands that need text
# say so and exit 64 at once, never wait for input or open an editor.
. "${0%/*}/lib.sh"

export VISUAL="$T/editor" EDITOR="$T/editor"
printf '#!/bin/sh\ntouch "%s/editor-ran"\n' "$T" >"$T/editor"
chmod +x "$T/editor"
limit=$((5 * EM_SLOW))

ok     'alex has a check-in to answer'	empathy-checkin -u alex add --high h --low l
ok     'an instrument of one item to take'	true

for cmd in 'empathy-checkin add' 'empathy-checkin respond --peek' \
    'empathy-journal add --seen' 'empathy-assess take bandwidth'; do
	status "$cmd with stdin from /dev/null: 64, no hang" 64 \
	    timeout "$limit" sh -c "$cmd </dev/null"
	like   "$cmd: it says what is missing" "$(err)" 'no .*(input|standard input|answers)'
	status "$cmd with stdin closed: an error, no hang" 64 \
	    timeout "$limit" sh -c "$cmd <&-"
done
ok     'a journal entry to edit'	empathy-journal add --seen 'first words'
id=$(empathy-journal list -f tsv | sed -n 2p | cut -f1)
status 'journal edit with nothing on stdin: 64, no hang' 64 \
       timeout "$limit" sh -c "empathy-journal edit $id </dev/null"
same   'no editor was started from a pipe'	"$(test -e "$T/editor-ran" && echo ran)" ''
same   'nothing was stored on the way'	"$(sql 'select count(*) from entry; select count(*) from response; select count(*) from result')" '1
0
0'
ok     'a challenge to do'	empathy-challenge start
status 'challenge done from cron: no note, no hang, done' 0 \
       timeout "$limit" sh -c 'empathy-challenge done </dev/null'
same   'the day is done without a note'	"$(sql 'select count(*), count(note) from run_day')" '1|0'
