package score

import (
	"fmt"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
)

// Ref is the reference time the corpora are scored with, the one their
// READMEs give to `seedfeed check -ref`: a date without a year gets the
// same year on every machine and every day.
var Ref = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// Predict is `seedfeed check -json -ref 2026-11-25T00:00:00Z` on one file
// with the default configuration, as far as the header scorer reads it:
// the same size limit, Parse options and RFC 3339 rendering of the date.
func Predict(name string, data []byte) (MetaPred, error) {
	cfg := config.Default()
	if int64(len(data)) > cfg.Seeds.MaxFileBytes {
		return MetaPred{}, fmt.Errorf("file is %d bytes, over seeds.max_file_bytes (%d)", len(data), cfg.Seeds.MaxFileBytes)
	}
	a, err := article.Parse(name, data, article.Options{Ref: Ref, Location: cfg.Site.Location, BaseURL: cfg.Site.BaseURL})
	if err != nil {
		return MetaPred{}, err
	}
	p := MetaPred{Title: a.Title, Author: a.Author}
	if a.Published != nil {
		p.Published = a.Published.Format(time.RFC3339)
	}
	return p, nil
}
