package server

import (
	"net/http"
	"time"
)

// Limits applied by NewHTTPServer. A feed is a few hundred kilobytes at
// most, so thirty seconds to write one is generous even for a slow reader,
// while a client that dribbles its headers is cut off after five.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 120 * time.Second
	// MaxHeaderBytes covers the request line and headers; a feed reader
	// sends well under 2 KB. Larger requests get 431.
	MaxHeaderBytes = 16 << 10
)

// NewHTTPServer returns an http.Server for h on addr with every timeout
// and the header size limit set: the zero values mean "wait forever".
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}
