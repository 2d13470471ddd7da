package daemon

import (
	"slices"
	"strings"

	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/server"
)

// isFeedType reports whether a resource of this Content-Type is a feed: a
// WebSub topic, advertised with Link headers and announced to the hubs.
func isFeedType(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	switch strings.TrimSpace(strings.ToLower(mt)) {
	case "application/atom+xml", "application/rss+xml", "application/feed+json":
		return true
	}
	return false
}

// feedLinkLines are the Link header lines a resource is served with: for a
// feed, when hubs are configured, each hub and the feed's own URL.
func feedLinkLines(cfg config.Config, path, contentType string) []string {
	if len(cfg.WebSub.Hubs) == 0 || !isFeedType(contentType) {
		return nil
	}
	return server.WebSubLinks(cfg.WebSub.Hubs, cfg.Site.BaseURL+path)
}

// changedTopics lists the URLs of the feeds in next whose bytes differ
// from prev's (or that prev lacks), sorted: the topics to announce after
// next is published. A feed that left the snapshot is not announced.
func changedTopics(prev, next *server.Snapshot, baseURL string) []string {
	if next == nil {
		return nil
	}
	var topics []string
	for path, res := range next.Resources {
		if !isFeedType(res.ContentType) {
			continue
		}
		// Archive pages are no topics: they name no hub, and nobody
		// subscribes to them.
		if _, _, archived := feed.ParseArchivePath(path); archived {
			continue
		}
		if prev != nil {
			if old := prev.Resources[path]; old != nil && old.ETag == res.ETag {
				continue
			}
		}
		topics = append(topics, baseURL+path)
	}
	slices.Sort(topics)
	return topics
}
