package article

import "testing"

func TestTmpPart(t *testing.T) {
	p := "Jun 17 Das vielleicht schönste Ende der Welt: Montauk"
	m, ok := dateAtStart(p)
	t.Logf("%+v %v", m, ok)
	t.Log(linePart(p))
}
