package config

import (
	"reflect"
	"testing"
)

// The bundled config.yaml must always load: it is what a newcomer runs first.
func TestBundledConfigLoads(t *testing.T) {
	c, err := Load("../../config.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	if c.Feed != want.Feed || c.Seeds.Schedule != want.Seeds.Schedule || !reflect.DeepEqual(c.Server, want.Server) {
		t.Errorf("bundled config differs from the documented defaults: %+v", c)
	}
}
