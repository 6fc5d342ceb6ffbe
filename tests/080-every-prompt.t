#!/bin/sh
# Every interactive path of every program, on a terminal, each prompt answered
# with text, an empty line, EOF (Ctrl-D) and Ctrl-C: no crash, no sanitizer
# report, nothing half-written, no temporary file left behind. EOF at a prompt
# cancels (exit 1); Ctrl-C ends the program by SIGINT (130).
. "${0%/*}/lib.sh"

: "${EM_PTY_WAIT:=20}"	# seconds to wait for a prompt (tests/lib.sh)

# The editor: asks on the terminal for one line and saves it as the text.
# EOF saves an empty file (cancelled); Ctrl-C kills it.
cat >"$T/ed" <<'ED'
#!/bin/sh
printf 'editor> '
IFS= read -r line || { : >"$1"; exit 0; }
printf '%s\n' "$line" >"$1"
ED
chmod +x "$T/ed"
export VISUAL="$T/ed"

# A database that every case starts from: alex and sara checked in
# yesterday (alex answers sara's), alex today with a feeling (sara can
# guess), one journal entry, a challenge running for three days.
base="$T/base/empathy.db"
mkdir -m 700 "$T/base"
EMPATHY_DB=$base
ok     'alex checks in yesterday'	empathy-checkin -u alex add --date -1 --high h --low l
ok     'sara too'	empathy-checkin add --date -1 --high h --low l
ok     'a journal entry'	empathy-journal add --seen 'He listened.'
entry=$(sql 'select id from entry')
ok     'a challenge started two days ago'	empathy-challenge start --date -2
ok     'alex answers sara'"'"'s check-in'	empathy-checkin -u alex respond --date -1 --to sara 'How did it go?'
ok     'alex checks in today, tired and lonely underneath'	empathy-checkin -u alex add --feeling tired:lonely --high h --low l

# What a case may change, as text: every row of the tables the programs write.
state() {
	for _t in checkin response reply guess entry entry_version result run run_day; do
		sqlite3 "$EMPATHY_DB" "select * from $_t order by 1" 2>/dev/null
	done
}

PROMPT='(: |\] |editor> |\? |\[[^]]*\] ?)$'
SCALE='\[[0-9]+-[0-9]+\] $'
CRASH='double free|free\(\)|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|Segmentation|Aborted|core dumped'

# answer: type a good answer to the prompt shown last.
answer() {
	if _pty_last | grep -Eq -- "$SCALE"; then
		pty_type '3\n'
	elif _pty_last | grep -Eq -- 'lies underneath\? $'; then
		pty_type 'worn\n'
	else
		pty_type 'What was the hardest part of it?\n'
	fi
}

# case NAME CMD N HOW: run CMD on a terminal with a copy of the base database,
# answer its first N-1 prompts well and prompt N with HOW (text, empty, eof,
# ctrl-c); after text or an empty line, any further prompt gets a good
# answer. Then check what happened.
n=0
case_() {
	_name=$1 _cmd=$2 _at=$3 _how=$4
	n=$((n + 1))
	mkdir -m 700 "$T/db$n"
	cp "$base" "$T/db$n/empathy.db"
	EMPATHY_DB="$T/db$n/empathy.db"
	_before=$(state)
	rm -rf "$XDG_RUNTIME_DIR" && mkdir -m 700 "$XDG_RUNTIME_DIR"
	pty_start "$_cmd"
	_i=1 _seen=1
	while [ "$_i" -lt "$_at" ]; do
		pty_wait "$PROMPT" || { _seen=0; break; }
		answer
		_i=$((_i + 1))
	done
	if [ "$_seen" -eq 1 ] && pty_wait "$PROMPT"; then
		case $_how in
		text)	answer ;;
		empty)	pty_type '\n' ;;
		eof|editor-eof)	pty_type '\004' ;;
		ctrl-c)	pty_type '\003' ;;
		esac
		case $_how in text|empty)
			_k=0
			while [ "$_k" -lt 12 ] && pty_wait "$PROMPT"; do
				answer
				_k=$((_k + 1))
			done
		esac
	else
		_seen=0
	fi
	pty_end
	_s=$?
	_shown=$(pty_out)
	_after=$(state)
	_d="$_name, prompt $_at: $_how"
	if [ "$_seen" -eq 0 ] && [ "${optional:-0}" -eq 1 ]; then
		_result 0 "# SKIP $_name does not ask (yet)"
		return
	elif [ "$_seen" -eq 0 ]; then
		_result 1 "$_d: prompt $_at was never shown"
		printf '%s\n' "$_shown" | sed 's/^/# /' >&2
		return
	fi
	[ "$_s" -ne 134 ] && [ "$_s" -ne 139 ] && [ "$_s" -ne 137 ] &&
	    ! printf '%s\n' "$_shown" | grep -Eq -- "$CRASH"
	_r=$?
	_result "$_r" "$_d: no crash, no sanitizer report"
	[ "$_r" -eq 0 ] || { echo "# exit $_s (137: it hung and was killed)" >&2; printf '%s\n' "$_shown" | sed 's/^/# /' >&2; }
	case $_how in
	eof)	same "$_d: exit 1 (cancelled)"	"$_s" 1 ;;
	ctrl-c)	same "$_d: ended by SIGINT"	"$_s" 130 ;;
	text)	same "$_d: exit 0"	"$_s" 0 ;;
	esac
	case $_how in
	eof|ctrl-c)
		same "$_d: nothing stored"	"$_after" "$_before" ;;
	*)	# stored (exit 0) or nothing stored (an error)
		if [ "$_s" -eq 0 ]; then
			[ "$_after" != "$_before" ]
			_result $? "$_d: exit 0, and something was stored"
		else
			same "$_d: exit $_s, and nothing stored"	"$_after" "$_before"
		fi ;;
	esac
	same   "$_d: no temporary file left"	"$(find "$XDG_RUNTIME_DIR" -mindepth 1)" ''
}

# every NAME CMD PROMPTS...: text through all of them, then an empty line,
# EOF and Ctrl-C at each prompt in turn.
every() {
	_en=$1 _ec=$2; shift 2
	case_ "$_en" "$_ec" "$#" text
	_p=1
	for _pn in "$@"; do
		for _h in empty eof ctrl-c; do
			# EOF in the editor saves an empty file: each program
			# says what an empty text means (journal: cancelled;
			# challenge done: a day without a note).
			[ "$_pn" = editor ] && [ "$_h" = eof ] && _h=editor-eof
			case_ "$_en" "$_ec" "$_p" "$_h"
		done
		_p=$((_p + 1))
	done
}

every 'checkin add'	'empathy-checkin add' high low
every 'checkin respond'	'empathy-checkin -u alex respond --date -1' answer
every 'checkin guess'	'empathy-checkin guess' guess
every 'checkin reply'	'empathy-checkin reply --date -1' reply
every 'journal add (editor)'	'empathy-journal add --seen' editor
every 'journal edit (editor)'	"empathy-journal edit $entry" editor
# The four items are asked by the same code: the first and the last.
case_ 'assess take' 'empathy-assess take bandwidth' 4 text
for p in 1 4; do
	for h in empty eof ctrl-c; do
		case_ 'assess take' 'empathy-assess take bandwidth' "$p" "$h"
	done
done
every 'challenge done --note - (editor)'	'empathy-challenge done --note -' editor

# A confirmation, where a program asks for one (abandon at a terminal): an
# empty line takes the default, EOF and Ctrl-C change nothing.
optional=1
for h in empty eof ctrl-c; do
	case_ 'challenge abandon (confirmation)' 'empathy-challenge abandon' 1 "$h"
done
optional=0

# Advice typed at the respond prompt: whatever the program then offers (a
# menu, a second prompt), EOF or Ctrl-C stores nothing.
for h in eof ctrl-c; do
	n=$((n + 1))
	mkdir -m 700 "$T/db$n"
	cp "$base" "$T/db$n/empathy.db"
	EMPATHY_DB="$T/db$n/empathy.db"
	before=$(state)
	pty_start 'empathy-checkin -u alex respond --date -1'
	pty_wait "$PROMPT"
	pty_type 'You should just leave earlier\n'
	if pty_wait "$PROMPT"; then
		case $h in eof) pty_type '\004' ;; *) pty_type '\003' ;; esac
	fi
	pty_end
	s=$?
	unlike "respond with advice, then $h: no crash"	"$(pty_out)" "$CRASH"
	[ "$s" -ne 0 ] && [ "$s" -ne 134 ] && [ "$s" -ne 139 ]
	_result $? "respond with advice, then $h: an error status ($s)"
	same   "respond with advice, then $h: nothing stored"	"$(state)" "$before"
done
