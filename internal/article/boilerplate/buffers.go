package boilerplate

import "sync"

// buffers holds a page's per-line arrays between pages. Classify takes a
// page from pagePool and gives it back at the end, so a goroutine that
// classifies page after page reuses the arrays of an earlier one instead
// of allocating five to ten per page for the collector to reclaim.
// Nothing in them outlives Classify: its Result is built from fresh
// memory and strings of a fixed table.
type buffers struct {
	counts   [][numLangs]uint16
	slots    []int32
	group    []int32
	heads    []int32
	inRun    []int32
	ownFirst []bool
	both     []float64
	context  []float64
}

// pagePool holds pages whose arrays Classify may reuse; its pages hold
// no lines.
var pagePool = sync.Pool{New: func() any { return new(page) }}

// sized returns s resized to n zeroed elements, reusing its array when it
// is large enough: what make([]T, n) would return.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
