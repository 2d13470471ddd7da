package store

import "fmt"

// The identity rules ask, for every upserted file, whether its path is
// known, whether a tombstone has its bytes, whether a reject record stands
// for it and whether its slug is taken. On a cold start every answer is
// no. These helpers give the same answers with far fewer statements: one
// census of the reject and tombstone tables per transaction, and the rows
// of a batch's paths and slugs fetched lookupChunk at a time. The maps
// are kept exact by every write of the batch (claimed, forget, update);
// anything they do not hold is asked of the database as before.

// census learns whether the reject and tombstone tables hold anything.
func (a *applier) census() error {
	if a.censused {
		return nil
	}
	if a.s.askAlways {
		a.censused, a.anyReject, a.anyTombstone = true, true, true
		return nil
	}
	if err := a.queryRow(qAnyReject).Scan(&a.anyReject); err != nil {
		return fmt.Errorf("count rejects: %w", err)
	}
	if err := a.queryRow(qAnyTombstone).Scan(&a.anyTombstone); err != nil {
		return fmt.Errorf("count tombstones: %w", err)
	}
	a.censused = true
	return nil
}

// prefetch learns the stored rows of the upserts' paths and, for the
// paths that are new, whether the slugs they ask for are taken.
func (a *applier) prefetch(ups []Upsert) error {
	if a.s.askAlways {
		return nil
	}
	a.paths = make(map[string]row, len(ups))
	a.slugs = make(map[string]bool, len(ups))
	if len(ups) == 0 {
		return nil
	}
	paths := make([]string, 0, len(ups))
	for _, u := range ups {
		if _, dup := a.paths[u.Path]; !dup {
			a.paths[u.Path] = row{} // absent, unless the query finds it
			paths = append(paths, u.Path)
		}
	}
	err := a.inChunks(qPathsIn, paths, func(sc scanner) error {
		var (
			p string
			r row
		)
		if err := sc.Scan(&p, &r.id, &r.slug, &r.hash, &r.firstSeen, &r.published, &r.upd, &r.draft, &r.parsedBy); err != nil {
			return err
		}
		a.paths[p] = r
		return nil
	})
	if err != nil {
		return fmt.Errorf("look up paths: %w", err)
	}
	slugs := make([]string, 0, len(ups))
	for _, u := range ups {
		if a.paths[u.Path].id != "" {
			continue
		}
		base := baseSlug(u.Article.Slug, u.Path)
		if _, dup := a.slugs[base]; !dup {
			a.slugs[base] = false // free, unless the query finds it
			slugs = append(slugs, base)
		}
	}
	err = a.inChunks(qSlugsIn, slugs, func(sc scanner) error {
		var s string
		if err := sc.Scan(&s); err != nil {
			return err
		}
		a.slugs[s] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("look up slugs: %w", err)
	}
	return nil
}

type scanner interface{ Scan(...any) error }

// inChunks runs q, which takes lookupChunk values, over keys, calling fn
// for each row found.
func (a *applier) inChunks(q string, keys []string, fn func(scanner) error) error {
	if len(keys) == 0 {
		return nil
	}
	st, err := a.stmt(q)
	if err != nil {
		return err
	}
	args := make([]any, lookupChunk)
	for len(keys) > 0 {
		chunk := keys[:min(lookupChunk, len(keys))]
		keys = keys[len(chunk):]
		for i := range args {
			args[i] = nil
			if i < len(chunk) {
				args[i] = chunk[i]
			}
		}
		rows, err := st.QueryContext(a.ctx, a.s.bind(args)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := fn(rows); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// claimed records that path now holds an article under slug.
func (a *applier) claimed(path, slug string) {
	delete(a.paths, path)
	if a.slugs != nil {
		a.slugs[slug] = true
	}
}

// forget records that the article at path, with slug, was deleted.
func (a *applier) forget(path, slug string) {
	delete(a.paths, path)
	delete(a.slugs, slug)
}
