package htmlcheck

import (
	"errors"
	"testing"
)

// The checker itself, so that a pass in the tests that use it means
// something.
func TestInert(t *testing.T) {
	for in, inert := range map[string]bool{
		`<p>plain <a href="https://example.org/">link</a> <img src="/x.png" alt=""></p>`: true,
		`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`:                                   true,
		`<script>alert(1)</script>`:                                                      false,
		`<p onclick="x()">a</p>`:                                                         false,
		`<img src=x OnError=alert(1)>`:                                                   false,
		`<a href=" JavaScript:alert(1)">a</a>`:                                           false,
		`<a href="java	script:alert(1)">a</a>`:                                           false,
		`<img srcset="javascript:alert(1) 2x">`:                                          false,
		`<form action="/x"><input></form>`:                                               false,
		`<iframe src="https://evil.example/"></iframe>`:                                  false,
		`<meta http-equiv="refresh" content="0;url=https://evil.example/">`:              false,
		`<link rel="preload" as="script" href="/x.js">`:                                  false,
		`<meta charset="utf-8"><link rel="alternate" href="/feed.xml">`:                  true,
	} {
		err := Inert(in)
		if got := err == nil; got != inert {
			t.Errorf("Inert(%q) inert = %v, want %v", in, got, inert)
		}
		if err != nil && !errors.Is(err, ErrNotInert) {
			t.Errorf("Inert(%q) = %v, not wrapping ErrNotInert", in, err)
		}
	}
}
