#!/bin/sh
# On a terminal, add and edit open $VISUAL or $EDITOR on a private file; an empty buffer stores nothing.
. "${0%/*}/lib.sh"

leftovers() { find "$XDG_RUNTIME_DIR" "$T/tmp" -name 'empathy.*' 2>/dev/null; }
count() { test -e "$EMPATHY_DB" && sql 'select count(*) from entry' || echo 0; }

# The editors: each is told the file to edit as "$1".
cat >"$T/ed-append" <<'ED'
#!/bin/sh
stat -c %a "${1%/*}" >"${0%/*}/dirmode"
stat -c %a "$1" >"${0%/*}/filemode"
echo "${1%/*}" >"${0%/*}/dir"
cp "$1" "${0%/*}/template"
printf 'He noticed I was tired\nand cooked without asking\n' >>"$1"
ED
cat >"$T/ed-replace" <<'ED'
#!/bin/sh
cp "$1" "${0%/*}/template"
printf '# my own comment\nHe noticed I was exhausted\n' >"$1"
ED
printf '#!/bin/sh\n: >"$1"\n' >"$T/ed-empty"
printf '#!/bin/sh\nexit 0\n' >"$T/ed-keep"
printf '#!/bin/sh\nexit 1\n' >"$T/ed-fail"
printf '#!/bin/sh\necho visual >"${0%%/*}/which"\necho "by visual" >"$1"\n' >"$T/ed-visual"
printf '#!/bin/sh\necho editor >"${0%%/*}/which"\necho "by editor" >"$1"\n' >"$T/ed-editor"
printf '#!/bin/sh\nprintf "broken \\377 byte\\n" >"$1"\n' >"$T/ed-latin"
ok     'the editors are ready'	chmod +x "$T/ed-append" "$T/ed-replace" "$T/ed-empty" "$T/ed-keep" \
       "$T/ed-fail" "$T/ed-visual" "$T/ed-editor" "$T/ed-latin"

ok     'add on a terminal opens $VISUAL'	pty "VISUAL=$T/ed-append empathy-journal add --seen --tag home"
like   'and says what it stored'	"$(out)" "^[0-9a-f]{7}: felt seen on "
same   'no editor directory is left'	"$(leftovers)" ''
same   'the lines the editor added are the entry'	"$(sql 'select text, tags from entry')" 'He noticed I was tired
and cooked without asking|home'
like   'the template explains itself in # lines'	"$(cat "$T/template")" '^# .*felt seen'
same   'the directory was private (0700)'	"$(cat "$T/dirmode")" 700
same   'the file was private (0600)'	"$(cat "$T/filemode")" 600
like   'and made under $XDG_RUNTIME_DIR'	"$(cat "$T/dir")" "^$XDG_RUNTIME_DIR/empathy\\."

ok     'lines starting with # are left out'	pty "VISUAL=$T/ed-replace empathy-journal add --misunderstood"
same   'no editor directory is left'	"$(leftovers)" ''
like   'the template says misunderstood'	"$(cat "$T/template")" 'felt misunderstood'
same   'only the line without # is stored'	"$(sql "select text from entry where kind = 'misunderstood'")" \
       'He noticed I was exhausted'

status 'an emptied buffer cancels with 1'	1 pty "VISUAL=$T/ed-empty empathy-journal add --seen"
same   'no editor directory is left'	"$(leftovers)" ''
like   'it says nothing was stored'	"$(out)" 'nothing stored'
status 'a buffer left with only the # lines cancels too'	1 pty "VISUAL=$T/ed-keep empathy-journal add --seen"
same   'no editor directory is left'	"$(leftovers)" ''
status 'an editor that fails stores nothing'	64 pty "VISUAL=$T/ed-fail empathy-journal add --seen"
same   'no editor directory is left'	"$(leftovers)" ''
like   'it names the editor'	"$(out | oneline)" "the editor \\($T/ed-fail\\) failed; nothing stored"
status 'invalid UTF-8 from the editor is refused'	65 pty "VISUAL=$T/ed-latin empathy-journal add --seen"
same   'no editor directory is left'	"$(leftovers)" ''
same   'none of these stored anything'	"$(count)" 2

ok     'text on the command line needs no editor'	pty "VISUAL=$T/ed-fail empathy-journal add --seen 'a quick note'"
same   'no editor directory is left'	"$(leftovers)" ''
same   'it is stored'	"$(count)" 3

ok     '$VISUAL comes before $EDITOR'	pty "VISUAL=$T/ed-visual EDITOR=$T/ed-editor empathy-journal add --seen"
same   'no editor directory is left'	"$(leftovers)" ''
same   'VISUAL ran'	"$(cat "$T/which")" visual
ok     '$EDITOR when $VISUAL is not set'	pty "EDITOR=$T/ed-editor empathy-journal add --seen"
same   'no editor directory is left'	"$(leftovers)" ''
same   'EDITOR ran'	"$(cat "$T/which")" editor
same   'both texts are stored'	"$(sql "select text from entry where text like 'by %' order by rowid")" 'by visual
by editor'

mkdir -m 700 "$T/tmp"
ok     'without $XDG_RUNTIME_DIR the editor file goes under $TMPDIR'	pty "unset XDG_RUNTIME_DIR; TMPDIR=$T/tmp VISUAL=$T/ed-append empathy-journal add --seen"
like   'there'	"$(cat "$T/dir")" "^$T/tmp/empathy\\."
same   'no editor directory is left'	"$(leftovers)" ''

# edit on a terminal: the editor starts from the current text.
id=$(sql "select id from entry where kind = 'misunderstood'")
ok     'edit opens the editor'	pty "VISUAL=$T/ed-replace empathy-journal edit ${id%????????????}"
same   'no editor directory is left'	"$(leftovers)" ''
same   'the editor saved the same text: it says so'	"$(out)" "$(printf %.7s "$id"): unchanged"
like   'the editor was given the old text first'	"$(head -1 "$T/template")" '^He noticed I was exhausted$'
like   'with # lines to guide'	"$(cat "$T/template")" '# .*empty entry changes nothing'
same   'the text is the new one'	"$(sql "select text from entry where id = '$id'")" 'He noticed I was exhausted'
same   'and stores no version'	"$(sql "select count(*) from entry_version where entry = '$id'")" 0
ok     'edit with text appended'	pty "VISUAL=$T/ed-append empathy-journal edit $id"
same   'no editor directory is left'	"$(leftovers)" ''
same   'the text now has both'	"$(sql "select text from entry where id = '$id'")" 'He noticed I was exhausted

He noticed I was tired
and cooked without asking'
before=$(sql "select text, updated from entry where id = '$id'")
status 'an emptied buffer in edit changes nothing and says 1'	1 pty "VISUAL=$T/ed-empty empathy-journal edit $id"
same   'no editor directory is left'	"$(leftovers)" ''
same   'the entry is untouched'	"$(sql "select text, updated from entry where id = '$id'")" "$before"
same   'no version was added'	"$(sql "select count(*) from entry_version where entry = '$id'")" 1
status 'a failing editor in edit changes nothing'	64 pty "VISUAL=$T/ed-fail empathy-journal edit $id"
same   'no editor directory is left'	"$(leftovers)" ''
same   'the entry is untouched'	"$(sql "select text, updated from entry where id = '$id'")" "$before"
same   'nothing was left anywhere in the runtime directory'	"$(ls -A "$XDG_RUNTIME_DIR" "$T/tmp")" "$XDG_RUNTIME_DIR:

$T/tmp:"
