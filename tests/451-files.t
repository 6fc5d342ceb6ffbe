#!/bin/sh
# Files: no database in a directory others can write to, nor beside -wal/-shm
# files of another user; symbolic links in the directories of the path work;
# the editor's private directory goes whole; an editor path may hold a space.
. "${0%/*}/lib.sh"

leftovers() { find "$XDG_RUNTIME_DIR" -mindepth 1 2>/dev/null; }

# A shared, sticky, world-writable directory like /tmp.
mkdir "$T/shared" && chmod 1777 "$T/shared"
status 'a database in a directory anyone can write to is refused'	73 empathy-checkin -d "$T/shared/x.db" add --high h --low l
like   'saying why'	"$(err)" 'others can write to'
ok     'and no file is made there'	test ! -e "$T/shared/x.db"
status 'reading an existing one there is refused too'	73 sh -c 'sqlite3 "$1" "pragma user_version" && empathy-checkin -d "$1" show' sh "$T/shared/y.db"
mkdir "$T/group" && chmod 770 "$T/group"
status 'a group-writable directory too'	73 empathy-checkin -d "$T/group/x.db" add --high h --low l
mkdir -m 700 "$T/mine"
if [ "$(id -u)" -eq 0 ]; then
	ok     'another user got there first with x.db-wal'	sh -c ': >"$1/x.db-wal" && chmod 666 "$1/x.db-wal" && chown nobody "$1/x.db-wal"' sh "$T/mine"
	status 'the database beside it is refused'	73 empathy-checkin -d "$T/mine/x.db" add --high h --low l
	like   'saying the file belongs to another user'	"$(err)" 'x\.db-wal belongs to another user'
	same   'nothing was written to that file'	"$(wc -c <"$T/mine/x.db-wal")" 0
	ok     'and with x.db-shm'	sh -c 'rm "$1/x.db-wal" && : >"$1/x.db-shm" && chown nobody "$1/x.db-shm"' sh "$T/mine"
	status 'refused as well'	73 empathy-checkin -d "$T/mine/x.db" add --high h --low l
	rm -f "$T/mine/x.db-shm"
else
	ok '# SKIP files of another user: needs root to chown' true
fi
ok     'a link in place of x.db-wal'	sh -c 'ln -s "$2" "$1/x.db-wal"' sh "$T/mine" "$T/shared/stolen"
status 'refused as well'	73 empathy-checkin -d "$T/mine/x.db" add --high h --low l
ok     'nothing went where it points'	test ! -e "$T/shared/stolen"
ok     'with those gone, the place is fine'	sh -c 'rm "$1/x.db-wal"; empathy-checkin -d "$1/x.db" add --high h --low l' sh "$T/mine"

# Symbolic links in the path: /home -> /var/home, a stow-linked data directory.
mkdir -p "$T/var/home/sara" && ln -s "$T/var/home" "$T/home-link"
ok     'a database under a linked directory'	empathy-checkin -d "$T/home-link/sara/e.db" add --high 'h' --low 'l'
ok     'can be read'	empathy-checkin -d "$T/home-link/sara/e.db" show -f tsv
like   'with the check-in'	"$(out)" 'sara'
same   'the file is where the link points'	"$(sqlite3 "$T/var/home/sara/e.db" 'select count(*) from checkin')" 1
ok     'journal and assess use it too'	sh -c 'echo m | empathy-journal -d "$1" add --seen && empathy-assess -d "$1" take --answers 3,3,3,3 bandwidth' sh "$T/home-link/sara/e.db"
mkdir -p "$T/stow/empathy" && chmod 700 "$T/stow" "$T/stow/empathy"
mkdir -p "$T/xdg" && ln -s "$T/stow/empathy" "$T/xdg/empathy"
ok     'a linked data directory, the default place'	env -u EMPATHY_DB XDG_DATA_HOME="$T/xdg" empathy-checkin add --high h --low l
same   'the database is in the linked directory'	"$(sqlite3 "$T/stow/empathy/empathy.db" 'select count(*) from checkin')" 1
ok     'and a second program reads it'	env -u EMPATHY_DB XDG_DATA_HOME="$T/xdg" empathy-checkin show
ok     'the database file itself a link'	ln -s "$T/stow/empathy/empathy.db" "$T/mine/link.db"
status 'is refused: the link could be swapped'	73 empathy-checkin -d "$T/mine/link.db" show
like   'saying it is a link'	"$(err)" 'symbolic link'

# The editor's private directory: backup and swap files go with it.
cat >"$T/ed-vim" <<'ED'
#!/bin/sh
f=$1
cp "$f" "$f~"
echo swap >"${f%/*}/.${f##*/}.swp"
echo 4913 >"${f%/*}/4913"
echo 'she made tea' >"$f"
ED
chmod +x "$T/ed-vim"
ok     'an editor that leaves backup and swap files'	pty "VISUAL=$T/ed-vim empathy-journal add --seen"
same   'the entry is stored'	"$(sql "select count(*) from entry where text = 'she made tea'")" 1
same   'nothing is left in the private directory'	"$(leftovers)" ''
ok     'the same on edit'	pty "VISUAL=$T/ed-vim empathy-journal edit $(sql "select substr(id, 1, 6) from entry where text = 'she made tea'")"
same   'nothing is left'	"$(leftovers)" ''

# An editor whose path holds a space, quoted as git accepts it.
mkdir "$T/my editor"
cat >"$T/my editor/ed" <<'ED'
#!/bin/sh
[ "$1" = -w ] || exit 3
echo "$2" >"${0%/*}/args"
echo 'he waited for me' >"$2"
ED
chmod +x "$T/my editor/ed"
ok     'EDITOR="\"/path/my editor/ed\" -w"'	pty "EDITOR='\"$T/my editor/ed\" -w' empathy-journal add --seen"
same   'the entry is stored'	"$(sql "select count(*) from entry where text = 'he waited for me'")" 1
ok     'VISUAL with a space, escaped'	pty "VISUAL='$(printf '%s' "$T/my editor/ed" | sed 's/ /\\ /') -w' empathy-journal add --misunderstood"
same   'stored too'	"$(sql "select count(*) from entry where text = 'he waited for me'")" 2
same   'nothing is left'	"$(leftovers)" ''
