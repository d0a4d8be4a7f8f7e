package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const usersUsage = `users add NAME --key "ssh-ed25519 AAAA..." --role rep|lead|admin [--rep REP] [--lang ja|en] [--db PATH]
       kpit users list [--db PATH] [--lang ja|en]
       kpit users remove NAME [--db PATH] [--lang ja|en]

The people who reach the cockpit with kpit serve, each known by their SSH
public key (one line of their ~/.ssh/id_ed25519.pub). A rep writes only
the records whose rep is --rep; a lead writes everyone's records, the
targets and the reviews; an admin also the rules and the users. Everyone
reads every figure. --lang is the language of their cockpit when their
ssh session sends no LANG. On the command line, --as NAME writes as that
user with their rights (docs/teams.md).`

func runUsers(e env) int {
	if len(e.args) == 0 || strings.HasPrefix(e.args[0], "-") {
		if len(e.args) > 0 && (e.args[0] == "-h" || e.args[0] == "--help") {
			fmt.Fprintf(e.stdout, "Usage: kpit %s\n", usersUsage)
			return exitOK
		}
		return fail(e, "users", model.Refused(model.RefuseUsersWhat))
	}
	verb, args := e.args[0], e.args[1:]
	switch verb {
	case "add":
		return usersAdd(e, args)
	case "list":
		return usersList(e, args)
	case "remove":
		return usersRemove(e, args)
	}
	return fail(e, "users", model.Refused(model.RefuseUsersVerb, verb))
}

func usersAdd(e env, args []string) int {
	fs := newFlagSet(e, "users add", usersUsage)
	db := dbFlag(fs)
	key := fs.String("key", "", "the person's SSH public `KEY`, one line of their .pub file")
	role := fs.String("role", "", "`ROLE`: rep, lead or admin")
	rep := fs.String("rep", "", "the `REP` whose records are theirs (required for a rep)")
	userLang := fs.String("lang", "", "the `LANG` of their cockpit (ja or en) when their session sends none")
	if code, stop := parseFlags(e, fs, flagsFirst(args)); stop {
		return code
	}
	l, err := e.lang("")
	if err != nil {
		return fail(e, "users add", err)
	}
	if fs.NArg() != 1 {
		return fail(e, "users add", model.Refused(model.RefuseUsersAddName))
	}
	if *userLang != "" {
		if _, err := catalog.ParseLang(*userLang); err != nil {
			return fail(e, "users add", err)
		}
	}
	u := model.User{Name: fs.Arg(0), Role: model.Role(strings.ToLower(strings.TrimSpace(*role))), RepName: *rep, Key: *key, Lang: *userLang}
	path, err := e.dbPath(*db)
	if err != nil {
		return fail(e, "users add", err)
	}
	st, err := e.openChecked(path)
	if err != nil {
		return fail(e, "users add", err)
	}
	defer st.Close()
	if err := st.AddUser(context.Background(), u); err != nil {
		return failWords(e, "users add", l, err)
	}
	_, fingerprint, _ := model.ParsePublicKey(*key)
	fmt.Fprintln(e.stdout, l.T(catalog.UsersAdded, u.Name, catalog.Role(l, u.Role), fingerprint))
	return exitOK
}

func usersList(e env, args []string) int {
	fs := newFlagSet(e, "users list", usersUsage)
	db := dbFlag(fs)
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, args); stop {
		return code
	}
	l, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "users list", err)
	}
	st, err := e.openExisting(*db)
	if err != nil {
		return fail(e, "users list", err)
	}
	defer st.Close()
	users, err := st.Users(context.Background())
	if err != nil {
		return fail(e, "users list", err)
	}
	if len(users) == 0 {
		fmt.Fprintln(e.stdout, l.T(catalog.UsersNone))
		return exitOK
	}
	rows := [][]string{{l.T(catalog.UsersName), l.T(catalog.UsersRole), l.T(catalog.UsersRep), l.T(catalog.UsersKey)}}
	for _, u := range users {
		_, fingerprint, _ := model.ParsePublicKey(u.Key)
		rep := u.RepName
		if rep == "" {
			rep = "-"
		}
		rows = append(rows, []string{u.Name, catalog.Role(l, u.Role), rep, fingerprint})
	}
	// Columns by display width: a Japanese name is two columns a letter.
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], lipgloss.Width(cell))
		}
	}
	for _, r := range rows {
		for i, cell := range r[:len(r)-1] {
			r[i] = padRight(cell, widths[i])
		}
		fmt.Fprintln(e.stdout, strings.Join(r, "  "))
	}
	return exitOK
}

func usersRemove(e env, args []string) int {
	fs := newFlagSet(e, "users remove", usersUsage)
	db := dbFlag(fs)
	langArg := langFlag(fs)
	if code, stop := parseFlags(e, fs, flagsFirst(args)); stop {
		return code
	}
	l, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "users remove", err)
	}
	if fs.NArg() != 1 {
		return fail(e, "users remove", model.Refused(model.RefuseUsersRemoveName))
	}
	st, err := e.openExisting(*db)
	if err != nil {
		return fail(e, "users remove", err)
	}
	defer st.Close()
	if err := st.RemoveUser(context.Background(), fs.Arg(0)); err != nil {
		return failWords(e, "users remove", l, err)
	}
	fmt.Fprintln(e.stdout, l.T(catalog.UsersRemoved, fs.Arg(0)))
	return exitOK
}

// failWords is fail for the refusals a user can read in their language:
// a field's refusal (catalog.Refusal), an unknown rep; anything else as
// fail words it.
func failWords(e env, cmd string, l catalog.Lang, err error) int {
	var fe *model.FieldError
	var ue *store.UnknownRepError
	switch {
	case errors.As(err, &fe):
		what := "--" + fe.Field
		if fe.Field == "name" {
			what = "NAME"
		}
		err = fmt.Errorf("%s: %s", what, catalog.Refusal(l, fe.Code, fe.Args, fe.Msg))
	case errors.As(err, &ue):
		err = fmt.Errorf("--rep: %w", ue)
	}
	return fail(e, cmd, err)
}
