#!/bin/sh
# edit: unchanged text stores nothing; --tag and --untag change tags without the text; an entry gone while editing fails.
. "${0%/*}/lib.sh"

leftovers() { find "$XDG_RUNTIME_DIR" -name 'empathy.*' 2>/dev/null; }
entry() { sql "select text, tags from entry where id = '$1'"; }
versions() { sql "select count(*) from entry_version where entry = '$1'"; }
stamp() { sql "select text, tags, updated from entry where id = '$1'"; }

ok     'sara writes one'	sh -c "echo 'He asked how the interview went' | empathy-journal add --seen --tag work --tag evening"
id=$(sql 'select id from entry')
id7=$(printf %.7s "$id")
before=$(stamp "$id")

# The same text again: nothing to store.
ok     'edit with the same text on stdin'	sh -c "echo 'He asked how the interview went' | empathy-journal edit $id"
same   'it says unchanged'	"$(out)" "$id7: unchanged"
same   'no version stored'	"$(versions "$id")" 0
same   'the entry is not touched'	"$(stamp "$id")" "$before"
ok     'the same text with white space around it'	sh -c "printf '\n  He asked how the interview went  \n\n' | empathy-journal edit $id"
same   'is the same text'	"$(out)" "$id7: unchanged"
same   'still no version'	"$(versions "$id")" 0
ok     'unchanged in json too'	sh -c "echo 'He asked how the interview went' | empathy-journal -f json edit $id"
same   'the id, and that nothing changed'	"$(out)" "{\"id\":\"$id\",\"result\":\"unchanged\"}"

# Tags alone: the text is not asked for.
printf 'left for the next reader\n' >"$T/rest"
ok     'edit --tag adds a tag, reading nothing'	sh -c "empathy-journal edit --tag Family $id; cat" <"$T/rest"
same   'it says changed, and stdin was left alone'	"$(out)" "$id7: changed
left for the next reader"
same   'the text is kept, the tag added in order'	"$(entry "$id")" 'He asked how the interview went|evening family work'
same   'one version with the tags before'	"$(sql "select text, tags from entry_version where entry = '$id'")" \
       'He asked how the interview went|evening work'
ok     'edit --untag removes one'	empathy-journal edit --untag '#Evening' "$id" </dev/null
same   'canonical: lower case, sorted'	"$(entry "$id")" 'He asked how the interview went|family work'
ok     'several at once'	empathy-journal edit --tag zeta --tag Alpha --untag work --tag alpha "$id" </dev/null
same   'unique and sorted'	"$(entry "$id")" 'He asked how the interview went|alpha family zeta'
ok     'a tag it has already'	empathy-journal edit --tag ZETA "$id" </dev/null
same   'is unchanged'	"$(out)" "$id7: unchanged"
same   'three versions so far'	"$(versions "$id")" 3

before=$(stamp "$id")
status 'removing a tag it does not have'	65 empathy-journal edit --untag home "$id" </dev/null
like   'says which and that nothing changed'	"$(err)" "entry $id has no tag #home; nothing was changed"
status 'also when other tags come with it'	65 empathy-journal edit --tag home --untag tea "$id" </dev/null
status 'the same tag to add and remove'	64 empathy-journal edit --tag home --untag Home "$id" </dev/null
like   'is a usage error'	"$(err)" '#home is both in --tag and in --untag'
status 'a bad tag to remove'	64 empathy-journal edit --untag 'two words' "$id" </dev/null
like   'names --untag, with the rule, as --tag does'	"$(err)" "^empathy-journal: --untag: 'two words' is not a tag \(one word of letters"
same   'none of these changed anything'	"$(stamp "$id")" "$before"
same   'nor stored a version'	"$(versions "$id")" 3

# On a terminal, tags alone open no editor.
printf '#!/bin/sh\necho ran >"${0%%/*}/ran"\nexit 1\n' >"$T/ed-fail"
chmod +x "$T/ed-fail"
ok     'edit --untag on a terminal'	pty "VISUAL=$T/ed-fail empathy-journal edit --untag zeta $id"
same   'opens no editor'	"$(cat "$T/ran" 2>/dev/null)" ''
same   'and changes the tags'	"$(entry "$id")" 'He asked how the interview went|alpha family'

# --text: the text too, as without tag options.
ok     '--text with --tag reads the text as well'	sh -c "echo 'He asked, and listened' | empathy-journal edit --text --untag alpha --tag talk $id"
same   'both changed'	"$(entry "$id")" 'He asked, and listened|family talk'
ok     '--text alone is the plain edit'	sh -c "echo 'He asked, and listened well' | empathy-journal edit --text $id"
same   'the text changed'	"$(entry "$id")" 'He asked, and listened well|family talk'
status '--text with nothing on stdin'	64 empathy-journal edit --text --tag more "$id" </dev/null
same   'stores nothing, tags neither'	"$(entry "$id")" 'He asked, and listened well|family talk'
ok     'every tag removed'	empathy-journal edit --untag family --untag talk "$id" </dev/null
same   'leaves none'	"$(entry "$id")" 'He asked, and listened well|'
status 'and then one more to remove'	65 empathy-journal edit --untag family "$id" </dev/null

# The entry removed, or erased, while the editor was open.
cat >"$T/ed-rm" <<ED
#!/bin/sh
empathy-journal rm $id >/dev/null
printf 'Words typed while it went away\n' >"\$1"
ED
cat >"$T/ed-purge" <<ED
#!/bin/sh
empathy-journal rm --purge $id >/dev/null
printf 'Words typed while it was erased\n' >"\$1"
ED
chmod +x "$T/ed-rm" "$T/ed-purge"
before=$(sql "select text, tags from entry where id = '$id'")
nv=$(versions "$id")
status 'removed while editing: the edit fails'	66 pty "VISUAL=$T/ed-rm empathy-journal edit $id"
like   'and says why'	"$(out | oneline)" "entry $id7 was removed while you were editing it; nothing was changed"
unlike 'not that it changed'	"$(out)" ': changed'
same   'the removed entry keeps its text'	"$(sql "select text, tags, removed is not null from entry where id = '$id'")" "$before|1"
same   'no version was stored'	"$(versions "$id")" "$nv"
same   'no editor directory is left'	"$(leftovers)" ''
ok     'bring it back'	empathy-journal restore "$id"
status 'erased while editing: the edit fails'	66 pty "VISUAL=$T/ed-purge empathy-journal edit $id"
like   'and says why'	"$(out | oneline)" "entry $id7 was erased while you were editing it; nothing was changed"
same   'the entry is not brought back'	"$(sql "select count(*) from entry where id = '$id'")" 0
same   'nor any version of it'	"$(sql "select count(*) from entry_version")" 0
same   'no editor directory is left'	"$(leftovers)" ''
