package config

import (
	"errors"
	"fmt"
)

// A serve-only process has no seeds folder (seeds.dir: "", or
// `seedfeed serve -replica`). It never scans and never becomes the writer:
// it serves what the writer of a PostgreSQL cluster publishes, and hears of
// changes as the other replicas do. It needs no shared folder, so it can
// run anywhere that reaches the database.

// ErrServeOnly is wrapped by CheckServeOnly's errors: a serve-only process
// cannot run with this configuration. It is not ErrInvalid: every key is
// valid on its own, but the process cannot start (exit status 1).
var ErrServeOnly = errors.New("config: a serve-only process (no seeds folder)")

// ServeOnly reports whether the process has no seeds folder, and so only
// serves.
func (c Config) ServeOnly() bool { return c.Seeds.Dir == "" }

// CheckServeOnly says why a serve-only configuration cannot run; nil when
// it can, or when the configuration has a seeds folder. state.url must
// name PostgreSQL: with the SQLite file at state.path there is no writer
// to follow, and nothing would ever be published. (site.icon and
// site.logo may name files in the seeds folder: such a process serves
// the copies the writer keeps in the database.)
func (c Config) CheckServeOnly() error {
	if !c.ServeOnly() {
		return nil
	}
	if c.State.URL == "" {
		return fmt.Errorf("%w: state.url is not set: a process without a seeds folder serves what a writer publishes in PostgreSQL; set state.url (or SEEDFEED_STATE_URL) to the database the writer uses, or set seeds.dir to scan a folder with the SQLite file at state.path", ErrServeOnly)
	}
	return nil
}
