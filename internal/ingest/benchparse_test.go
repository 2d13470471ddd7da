package ingest

// benchParse is the normalizer the cold-scan benchmark runs.
var benchParse ParseFunc = fakeParse
