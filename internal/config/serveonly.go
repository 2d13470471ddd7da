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
// it can, or when the configuration has a seeds folder.
//
//   - state.url must name PostgreSQL: with the SQLite file at state.path
//     there is no writer to follow, and nothing would ever be published.
//   - site.icon and site.logo must be URLs, not files in the seeds folder:
//     a process without the folder cannot serve the file at the address
//     every page and feed points to, so a reader sent to it would get a
//     404 where the writer answers with the image.
func (c Config) CheckServeOnly() error {
	if !c.ServeOnly() {
		return nil
	}
	if c.State.URL == "" {
		return fmt.Errorf("%w: state.url is not set: a process without a seeds folder serves what a writer publishes in PostgreSQL; set state.url (or SEEDFEED_STATE_URL) to the database the writer uses, or set seeds.dir to scan a folder with the SQLite file at state.path", ErrServeOnly)
	}
	for _, im := range []struct{ key, v string }{{"site.icon", c.Site.Icon}, {"site.logo", c.Site.Logo}} {
		if im.v != "" && !IsSiteImageURL(im.v) {
			return fmt.Errorf("%w: %s names the file %q in the seeds folder, which this process does not have; give %s as an https:// URL (the same on every server), or give this process the seeds folder", ErrServeOnly, im.key, im.v, im.key)
		}
	}
	return nil
}
