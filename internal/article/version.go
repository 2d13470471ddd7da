package article

// Version names what Parse makes of a file. Raise it with every change
// that gives some file a different Article: a store keeps the version
// (and the Options) that made each article, and seedfeed reads every file
// made by another one again, once, keeping its id and dates, so that an
// upgrade mends what is already published instead of waiting for each
// file to be edited. TestGoldenVersion holds the golden outputs to it.
const Version = 81
