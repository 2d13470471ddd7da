package front

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestBodyFile: a body given as a file is sent whole, after its head, to
// GET and not to HEAD, on every request of a keep-alive connection.
func TestBodyFile(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef"), 20000)
	a := newFixed("/big", body)
	bf, err := NewBodyFile("/big", body)
	if errors.Is(err, ErrNoSendfile) {
		t.Skip("no sendfile here")
	}
	if err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len(body)+1)
	if n, err := bf.f.ReadAt(got, 0); !errors.Is(err, io.EOF) || !bytes.Equal(got[:n], body) {
		t.Fatalf("the file holds %d bytes (%v), want the %d of the body", n, err, len(body))
	}
	a.file = bf
	addr := serve(t, a, a)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(c)
	for _, method := range []string{"GET", "HEAD", "GET"} {
		if _, err := io.WriteString(c, method+" /big HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := body
		if method == "HEAD" {
			want = nil
		}
		if resp.StatusCode != 200 || !bytes.Equal(b, want) {
			t.Errorf("%s: status %d, %d body bytes, want %d", method, resp.StatusCode, len(b), len(want))
		}
	}
	for _, e := range a.log() {
		if want := int64(len(body)); e.method == "GET" && e.body != want {
			t.Errorf("reported %d body bytes sent, want %d", e.body, want)
		}
	}
}
