#!/bin/sh
# Words kept: text typed at a terminal (a prompt, the editor) that is not stored
# because the run fails afterwards is kept in a private file, and the message
# says where; an editor that fails keeps what was written in it. Text from a
# pipe is not kept: whoever piped it still has it.
. "${0%/*}/lib.sh"

K=$XDG_DATA_HOME/empathy/kept
kept() { find "$K" -type f 2>/dev/null; }
# hold SECONDS: take the database's write lock in the background for a while.
hold() {
	# A busy timeout of its own: the probe below may hold the lock a moment.
	(echo '.timeout 5000'; echo 'BEGIN IMMEDIATE;'; sleep "$1"; echo 'ROLLBACK;') | sqlite3 "$EMPATHY_DB" &
	_h=$!
	_i=0	# wait until the lock is really held
	while [ "$_i" -lt 50 ] && sqlite3 "$EMPATHY_DB" 'pragma busy_timeout = 0; begin immediate; rollback' 2>/dev/null; do
		sleep 0.1; _i=$((_i + 1))
	done
}
export EMPATHY_BUSY_MS=300

ok     'sara has a journal'	sh -c 'echo "first" | empathy-journal add --seen'
ok     'and a check-in'	empathy-checkin add --high h --low l

# The database stays busy past the timeout after the editor.
printf '#!/bin/sh\nprintf "he brought me soup\\n" >"$1"\n' >"$T/ed-write"
chmod +x "$T/ed-write"
hold 5
status 'an entry written in the editor while the database stays busy: 75'	75 pty "VISUAL=$T/ed-write empathy-journal add --seen"
wait
like   'says the database stayed busy'	"$(out | oneline)" 'busy for 300 ms'
like   'and where the words are kept'	"$(out | oneline)" "your words are kept in $K/empathy-journal-[0-9-]+-[A-Za-z0-9]+\.txt"
f=$(kept)
same   'one file'	"$(echo "$f" | wc -l)" 1
same   'holding the entry'	"$(cat "$f")" 'he brought me soup'
same   'the file is 0600'	"$(stat -c %a "$f")" 600
same   'its directory is 0700'	"$(stat -c %a "$K")" 700
like   'the message says how to store it'	"$(out | oneline)" "empathy-journal add \.\.\. < $f"
ok     'which works once the database is free'	sh -c 'empathy-journal add --seen <"$1"' sh "$f"
same   'the entry is stored'	"$(sql "select count(*) from entry where text = 'he brought me soup'")" 1
rm -f "$f"

# Typed at prompts.
hold 6
out=$(pause=0.5 tty 'empathy-checkin add --date -1' 'what a hike
' 'sore feet
')
wait
like   'a check-in typed at the prompts while the database stays busy: 75'	"$out" 'exit 75 $'
like   'says where the words are'	"$out" 'your words are kept in '
f=$(kept)
same   'both answers are in the file'	"$(cat "$f")" 'what a hike

sore feet'
same   'nothing was stored'	"$(sql "select count(*) from checkin where high = 'what a hike'")" 0
rm -f "$f"

# From a pipe or the command line: not kept.
hold 3
status 'piped text while busy: 75'	75 sh -c 'echo "piped words" | empathy-journal add --seen'
unlike 'nothing said about kept words'	"$(err)" 'kept'
status 'text on the command line while busy: 75'	75 empathy-journal add --seen 'given words'
wait
same   'no file was made'	"$(kept)" ''

# A run that succeeds keeps nothing.
ok     'an entry in the editor, stored'	pty "VISUAL=$T/ed-write empathy-journal add --seen"
same   'no file was made'	"$(kept)" ''

# The editor fails (vim :cq) after the person wrote.
printf '#!/bin/sh\nprintf "# guidance\\nwe laughed at dinner\\n" >>"$1"\nexit 1\n' >"$T/ed-cq"
printf '#!/bin/sh\nexit 1\n' >"$T/ed-cq-empty"
chmod +x "$T/ed-cq" "$T/ed-cq-empty"
status 'an editor that fails after text was written: 64'	64 pty "VISUAL=$T/ed-cq empathy-journal add --misunderstood"
like   'it names the editor'	"$(out | oneline)" 'the editor \(.*ed-cq\) failed; nothing stored'
like   'and where the text is kept'	"$(out | oneline)" "what you wrote is kept in $K/"
like   'and how to store it'	"$(out | oneline)" "empathy-journal add \.\.\. < $K/"
f=$(kept)
same   'the file holds what was written, without the guidance'	"$(cat "$f")" 'we laughed at dinner'
same   'private'	"$(stat -c %a "$f")" 600
same   'the private editor directory is gone'	"$(find "$XDG_RUNTIME_DIR" -mindepth 1)" ''
same   'nothing was stored'	"$(sql "select count(*) from entry where text like '%laughed%'")" 0
rm -f "$f"
status 'an editor that fails with nothing written: 64'	64 pty "VISUAL=$T/ed-cq-empty empathy-journal add --seen"
unlike 'nothing is said to be kept'	"$(out | oneline)" 'kept'
same   'no file'	"$(kept)" ''
id=$(sql "select substr(id, 1, 8) from entry where text = 'first'")
status 'edit with an editor that fails, text unchanged: 64'	64 pty "VISUAL=$T/ed-cq-empty empathy-journal edit $id"
same   'no file'	"$(kept)" ''
status 'edit with an editor that fails after a change: 64'	64 pty "VISUAL=$T/ed-cq empathy-journal edit $id"
like   'the text is kept'	"$(out | oneline)" 'what you wrote is kept in '
same   'the entry is unchanged'	"$(sql "select text from entry where id like '$id%'")" first

# The entry is purged while the editor is open.
rm -f "$K"/*
ok     'an entry to edit'	sh -c 'echo "soon gone" | empathy-journal add --seen'
gid=$(sql "select id from entry where text = 'soon gone'")
printf '#!/bin/sh
sqlite3 "$EMPATHY_DB" "delete from entry where id = '"'$gid'"'"
printf "my new words\n" >"$1"
' >"$T/ed-purge"
chmod +x "$T/ed-purge"
status 'edit of an entry purged meanwhile: 66'	66 pty "VISUAL=$T/ed-purge empathy-journal edit $gid"
like   'says so'	"$(out | oneline)" '(erased|removed) while you were editing it; nothing was changed'
unlike 'never "changed"'	"$(out | oneline)" ': changed'
like   'and where the words are'	"$(out | oneline)" 'your words are kept in '
same   'they are in the file'	"$(cat "$(kept)")" 'my new words'
rm -f "$(kept)"

# Nowhere to keep the words: they are shown instead.
rm -rf "$K"; : >"$K"
hold 4
status 'busy, and the kept directory cannot be made: still 75'	75 pty "VISUAL=$T/ed-write empathy-journal add --seen"
wait
like   'says the words could not be kept'	"$(out | oneline)" 'your words could not be kept'
like   'and shows them to copy'	"$(out | oneline)" 'he brought me soup'
rm -f "$K"
