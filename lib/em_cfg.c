/* em_cfg.c: XDG base directories and the optional config file. */
#include <sys/stat.h>

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

static const char *
home(void)
{
	const char	*h;
	struct passwd	*pw;

	if ((h = getenv("HOME")) != NULL && *h == '/')
		return h;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL)
		return pw->pw_dir;
	return "/";
}

/*
 * $ENV/suffix when ENV names an absolute directory, else $HOME/fallback/suffix,
 * as the XDG base directory specification says. The caller frees the result.
 */
char *
em_xdg_path(const char *env, const char *fallback, const char *suffix)
{
	const char	*base;
	char		*p;
	size_t		 len;

	if ((base = getenv(env)) != NULL && *base == '/') {
		len = strlen(base) + strlen(suffix) + 2;
		p = em_xcalloc(1, len);
		snprintf(p, len, "%s/%s", base, suffix);
	} else {
		base = home();
		len = strlen(base) + strlen(fallback) + strlen(suffix) + 3;
		p = em_xcalloc(1, len);
		snprintf(p, len, "%s/%s/%s", base, fallback, suffix);
	}
	return p;
}

static int
parse_bool(const char *s, int *v)
{
	static const char *const yes[] = { "true", "yes", "on", "always", "auto", NULL };
	static const char *const no[] = { "false", "no", "off", "never", NULL };
	size_t	 i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return *v = 1, 0;
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(s, no[i]) == 0)
			return *v = 0, 0;
	return -1;
}

/* Read $XDG_CONFIG_HOME/empathy/config.yaml once, if it is there. */
int
em_cfg_load(struct em_ctx *ctx)
{
	struct em_ynode	**docs = NULL, *map, *k, *v;
	struct stat	  st;
	size_t		  ndocs = 0, i;
	char		 *path;
	int		  ex = 0;

	if (ctx->cfg_loaded)
		return 0;
	ctx->cfg_loaded = 1;
	path = em_xdg_path("XDG_CONFIG_HOME", ".config", "empathy/config.yaml");
	if (stat(path, &st) != 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if ((ex = em_yaml_load(ctx, path, &docs, &ndocs)) != 0)
		goto out;
	if (ndocs == 0)
		goto out;
	map = docs[0];
	if (ndocs > 1 || map->type != EM_Y_MAP) {
		ex = em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: the config is one mapping "
		    "of user, db, color and sealed", path, map->line, map->col);
		goto out;
	}
	for (i = 0; i + 1 < map->n; i += 2) {
		k = map->kids[i];
		v = map->kids[i + 1];
		if (strcmp(k->str, "user") != 0 && strcmp(k->str, "db") != 0 &&
		    strcmp(k->str, "color") != 0 && strcmp(k->str, "sealed") != 0) {
			em_warn(ctx, "%s:%u:%u: unknown key '%s' ignored", path,
			    k->line, k->col, k->str);
			continue;
		}
		if (v->type != EM_Y_STR || *v->str == '\0') {
			ex = em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: %s must be a "
			    "plain value", path, v->line, v->col, k->str);
			goto out;
		}
		if (strcmp(k->str, "user") == 0) {
			/* The same check as -u, EMPATHY_USER and import. */
			if (!em_name_valid(v->str)) {
				ex = em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: user is "
				    "not a usable name (" EM_NAME_RULE ")", path,
				    v->line, v->col);
				goto out;
			}
			free(ctx->cfg_user);
			ctx->cfg_user = em_strdup(v->str);
		} else if (strcmp(k->str, "db") == 0) {
			free(ctx->cfg_db);
			ctx->cfg_db = em_strdup(v->str);
		} else if (strcmp(k->str, "sealed") == 0) {
			/* Every journal moment added is sealed (add --sealed). */
			if (parse_bool(v->str, &ctx->cfg_sealed) != 0 ||
			    strcasecmp(v->str, "always") == 0 ||
			    strcasecmp(v->str, "auto") == 0 ||
			    strcasecmp(v->str, "never") == 0) {
				ex = em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: sealed "
				    "must be true or false", path, v->line, v->col);
				goto out;
			}
		} else if (parse_bool(v->str, &ctx->cfg_color) != 0) {
			ex = em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: color must be "
			    "true or false", path, v->line, v->col);
			goto out;
		}
	}
out:
	em_ydocs_free(docs, ndocs);
	free(path);
	return ex;
}
