//go:build unix

package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// roChildEnv makes the test binary open a store as an unprivileged child.
const roChildEnv = "SEEDFEED_TEST_RO_CHILD"

// Tests usually run as root here, and root ignores permissions: run the
// open as the nobody user instead, against a state directory and file it
// may read but not write, which is what a read-only mount looks like.
func TestReadOnlyDirectoryAsAnotherUser(t *testing.T) {
	skipOnPostgres(t, "permissions of the SQLite file's folder")
	if path := os.Getenv(roChildEnv); path != "" {
		_, err := Open(context.Background(), path, testHost)
		if !errors.Is(err, ErrReadOnly) {
			t.Fatalf("Open as uid %d = %v, want ErrReadOnly", os.Geteuid(), err)
		}
		t.Logf("error: %v", err)
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a child as another user; TestReadOnlyDirectory covers ordinary users")
	}
	// Every directory on the way must be traversable by nobody.
	base, err := os.MkdirTemp("", "seedfeed-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(base, "state.db")
	populate(t, path, 3)
	before, _ := os.ReadFile(path)

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "store.test")
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyDirectoryAsAnotherUser$", "-test.v")
	cmd.Env = append(os.Environ(), roChildEnv+"="+path)
	cmd.Dir = base
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "PASS") {
		t.Fatalf("child did not run the check:\n%s", out)
	}
	t.Logf("child:\n%s", out)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
}
