// Command goceiling is Go's ceiling for serving a feed on this machine: a
// bare net/http server that writes the same bytes, with the same headers,
// as seedfeed sent for the same request, from memory. bench/serve.sh
// compares seedfeed with it, so whatever seedfeed costs beyond it is ours.
//
//	goceiling -addr 127.0.0.1:9000 -dir DIR [-timeouts] [-sendfile]
//
// DIR holds what serve.sh captured from seedfeed with curl: feed.xml and
// feed.xml.gz (the bodies) and plain.hdr, gzip.hdr, 304.hdr (the response
// headers, `curl -D`, of a plain request, of one with Accept-Encoding: gzip,
// and of a conditional one that got 304).
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"seedfeed/internal/server"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	dir := flag.String("dir", ".", "folder with feed.xml, feed.xml.gz, plain.hdr, gzip.hdr, 304.hdr")
	timeouts := flag.Bool("timeouts", false, "use seedfeed's http.Server settings (server.NewHTTPServer: timeouts, header limit)")
	sendfile := flag.Bool("sendfile", false, "send bodies from their files with sendfile(2), as nginx does, instead of from memory")
	flag.Parse()
	if err := run(*addr, *dir, *timeouts, *sendfile); err != nil {
		fmt.Fprintln(os.Stderr, "goceiling:", err)
		os.Exit(1)
	}
}

// variant is one response, with its header map built once: the handler
// copies the map's slices by reference, as a precomputed server would.
type variant struct {
	header http.Header
	etag   string
	body   []byte
	path   string // the body's file, for sendfile
}

type ceiling struct {
	plain, gzip, notModified variant
	// sendfile opens the body's file for each response and lets net/http
	// hand it to sendfile(2): Linux's sendfile reads from the file's own
	// offset, so concurrent responses need one open file each.
	sendfile bool
}

func load(dir string) (*ceiling, error) {
	var c ceiling
	var err error
	read := func(name string) []byte {
		if err != nil {
			return nil
		}
		var b []byte
		b, err = os.ReadFile(filepath.Join(dir, name))
		return b
	}
	c.plain = variant{header: parseHeader(read("plain.hdr")), body: read("feed.xml"), path: filepath.Join(dir, "feed.xml")}
	c.gzip = variant{header: parseHeader(read("gzip.hdr")), body: read("feed.xml.gz"), path: filepath.Join(dir, "feed.xml.gz")}
	c.notModified = variant{header: parseHeader(read("304.hdr"))}
	if err != nil {
		return nil, err
	}
	for _, v := range []*variant{&c.plain, &c.gzip} {
		v.etag = v.header.Get("Etag")
		if v.etag == "" {
			return nil, errors.New("captured headers carry no ETag")
		}
		v.header["Content-Length"] = []string{strconv.Itoa(len(v.body))}
	}
	return &c, nil
}

// parseHeader reads a `curl -D` dump, dropping what net/http writes itself.
func parseHeader(dump []byte) http.Header {
	h := http.Header{}
	sc := bufio.NewScanner(bytes.NewReader(dump))
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimRight(sc.Text(), "\r"), ":")
		if !ok || strings.HasPrefix(k, "HTTP/") {
			continue
		}
		k = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		switch k {
		case "Date", "Content-Length", "Connection", "Transfer-Encoding", "Keep-Alive":
			continue
		}
		h[k] = append(h[k], strings.TrimSpace(v))
	}
	return h
}

func (c *ceiling) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v := &c.plain
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		v = &c.gzip
	}
	h := w.Header()
	if inm := r.Header.Get("If-None-Match"); inm != "" && inm == v.etag {
		for k, vs := range c.notModified.header {
			h[k] = vs
		}
		h["Etag"] = v.header["Etag"]
		w.WriteHeader(http.StatusNotModified)
		return
	}
	for k, vs := range v.header {
		h[k] = vs
	}
	if c.sendfile {
		f, err := os.Open(v.path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		_, _ = io.Copy(w, f)
		return
	}
	_, _ = w.Write(v.body)
}

func run(addr, dir string, timeouts, sendfile bool) error {
	c, err := load(dir)
	if err != nil {
		return err
	}
	c.sendfile = sendfile
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Println("listening", ln.Addr())
	srv := &http.Server{Handler: c}
	if timeouts {
		// Separates what seedfeed's server settings cost from what its
		// handler costs.
		srv = server.NewHTTPServer("", c)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
