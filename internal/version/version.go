// Package version names this release of seedfeed. It is a constant, not
// build metadata, because it appears in the rendered feeds (generator), and
// the same articles must render to the same bytes on every machine.
package version

// Version is seedfeed's release.
const Version = "0.1.0"
