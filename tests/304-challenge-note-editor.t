#!/bin/sh
# done --note - on a terminal opens $VISUAL or $EDITOR on a private file; # lines are left out.
. "${0%/*}/lib.sh"

leftovers() { find "$XDG_RUNTIME_DIR" -mindepth 1 2>/dev/null; }
note() { sql "select coalesce(note, '(none)') from run_day where user = 'sara' and day = $1"; }

cat >"$T/ed-note" <<'ED'
#!/bin/sh
stat -c %a "${1%/*}" >"${0%/*}/dirmode"
stat -c %a "$1" >"${0%/*}/filemode"
echo "${1%/*}" >"${0%/*}/dir"
cp "$1" "${0%/*}/template"
printf '# my own comment\nWe laughed about the dishes\nand then talked\n' >>"$1"
ED
printf '#!/bin/sh\n: >"$1"\n' >"$T/ed-empty"
printf '#!/bin/sh\nexit 1\n' >"$T/ed-fail"
printf '#!/bin/sh\necho editor >"${0%%/*}/which"\necho "by editor" >"$1"\n' >"$T/ed-editor"
ok     'the editors are ready'	chmod +x "$T/ed-note" "$T/ed-empty" "$T/ed-fail" "$T/ed-editor"
ok     'start three days ago'	empathy-challenge start --date -3

ok     'done --note - on a terminal opens $VISUAL'	pty "VISUAL=$T/ed-note empathy-challenge done --note -"
same   'it says the day is done'	"$(out)" 'day 4 of one-week done'
same   'the note is what the editor wrote, without # lines'	"$(note 4)" 'We laughed about the dishes
and then talked'
like   'the template names the day'	"$(cat "$T/template")" '^# .*day 4'
same   'the template is only # lines and blanks'	"$(grep -v '^#' "$T/template" | tr -d '\n')" ''
same   'the directory was private (0700)'	"$(cat "$T/dirmode")" 700
same   'the file was private (0600)'	"$(cat "$T/filemode")" 600
like   'and made under $XDG_RUNTIME_DIR'	"$(cat "$T/dir")" "^$XDG_RUNTIME_DIR/empathy\\."
same   'nothing is left behind'	"$(leftovers)" ''

ok     'catching up day 2 in the editor'	pty "VISUAL=$T/ed-note empathy-challenge done --day 2 --note -"
same   'late'	"$(out)" 'day 2 of one-week done (late, and that is fine)'
like   'the template names day 2'	"$(cat "$T/template")" '^# .*day 2'
same   'the note is stored for day 2'	"$(note 2)" 'We laughed about the dishes
and then talked'

ok     'an emptied file: the day is done without a note'	pty "VISUAL=$T/ed-empty empathy-challenge done --day 1 --note -"
same   'it says so'	"$(out)" 'day 1 of one-week done (late, and that is fine)'
same   'no note'	"$(note 1)" '(none)'
same   'nothing is left behind'	"$(leftovers)" ''
ok     'an emptied file on a day with a note keeps the note'	pty "VISUAL=$T/ed-empty empathy-challenge done --note -"
same   'kept'	"$(note 4)" 'We laughed about the dishes
and then talked'

status 'an editor that fails marks nothing'	64 pty "VISUAL=$T/ed-fail empathy-challenge done --day 3 --note -"
like   'it names the editor'	"$(out)" "the editor \\($T/ed-fail\\) failed"
same   'day 3 is not done'	"$(sql 'select count(*) from run_day where day = 3')" 0
same   'nothing is left behind'	"$(leftovers)" ''

ok     'on a terminal without --note, no editor runs'	pty "VISUAL=$T/ed-fail empathy-challenge done --day 3"
same   'the day is done, without a note'	"$(note 3)" '(none)'
ok     '--note TEXT on a terminal needs no editor'	pty "VISUAL=$T/ed-fail empathy-challenge -u alex done --note 'typed'"
same   'stored'	"$(sql "select note from run_day where user = 'alex'")" typed
ok     '$EDITOR when $VISUAL is not set'	pty "EDITOR=$T/ed-editor empathy-challenge -u alex done --note -"
same   'EDITOR ran'	"$(cat "$T/which")" editor
same   'its note replaced the first'	"$(sql "select note from run_day where user = 'alex'")" 'by editor'
same   'nothing is left behind'	"$(leftovers)" ''
