//go:build unix

package main

import (
	"bytes"
	"debug/elf"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"seedfeed/internal/longtest"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// deploy/seedfeed.service passes `systemd-analyze verify` with ExecStart
// pointed at a real binary (verify wants it to exist), without a warning
// about the unit, and its hardening scores as exposed as systemd's own
// "OK" band at most.
func TestSystemdUnit(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed")
	}
	unit, err := os.ReadFile("../../deploy/seedfeed.service")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nExecStart=/usr/local/bin/seedfeed serve -config /etc/seedfeed/config.yaml\n",
		"\nExecReload=/bin/kill -HUP $MAINPID\n", "\nRestart=on-failure\n", "\nDynamicUser=yes\n",
		"\nStateDirectory=seedfeed\n", "\nProtectSystem=strict\n", "\nNoNewPrivileges=yes\n"} {
		if !bytes.Contains(unit, []byte(want)) {
			t.Errorf("the unit lacks %q", strings.TrimSpace(want))
		}
	}
	path := filepath.Join(t.TempDir(), "seedfeed.service")
	local := bytes.ReplaceAll(unit, []byte("ExecStart=/usr/local/bin/seedfeed"), []byte("ExecStart="+seedfeedBinary(t)))
	if err := os.WriteFile(path, local, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", path).CombinedOutput()
	if err != nil {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
	// verify exits 0 on a directive it ignores, with a line naming the
	// file: that is a failure here.
	if bytes.Contains(out, []byte("seedfeed.service")) {
		t.Errorf("systemd-analyze verify warns:\n%s", out)
	}
	sec, err := exec.Command(analyze, "security", "--offline=true", path).CombinedOutput()
	if err != nil {
		t.Skipf("systemd-analyze security --offline unavailable: %v\n%s", err, sec)
	}
	m := regexp.MustCompile(`Overall exposure level for seedfeed\.service: ([0-9.]+)`).FindSubmatch(sec)
	if m == nil {
		t.Fatalf("no exposure level in\n%s", sec)
	}
	if level, _ := strconv.ParseFloat(string(m[1]), 64); level > 2.0 {
		t.Errorf("exposure level %.1f, want at most 2.0:\n%s", level, sec)
	}
	t.Logf("systemd-analyze security: exposure %s", m[1])
}

// dockerfile is what TestDockerfile reads of deploy/Dockerfile.
type dockerfile struct {
	text        string
	user        string
	env         map[string]string
	volumes     []string
	entrypoint  []string
	cmd         []string
	healthcheck []string
}

func readDockerfile(t *testing.T) dockerfile {
	t.Helper()
	data, err := os.ReadFile("../../deploy/Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	// Join continued lines, drop comments.
	text := regexp.MustCompile(`\\\n\s*`).ReplaceAllString(string(data), "")
	d := dockerfile{text: text, env: map[string]string{}}
	jsonArray := func(s string) []string {
		var v []string
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("Dockerfile: %q is not a JSON array: %v", s, err)
		}
		return v
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		instr, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch instr {
		case "USER":
			d.user = rest
		case "ENV":
			for _, kv := range strings.Fields(rest) {
				k, v, _ := strings.Cut(kv, "=")
				d.env[k] = v
			}
		case "VOLUME":
			d.volumes = jsonArray(rest)
		case "ENTRYPOINT":
			d.entrypoint = jsonArray(rest)
		case "CMD":
			d.cmd = jsonArray(rest)
		case "HEALTHCHECK":
			_, c, ok := strings.Cut(rest, "CMD ")
			if !ok {
				t.Fatalf("HEALTHCHECK without CMD: %q", rest)
			}
			d.healthcheck = jsonArray(c)
		}
	}
	return d
}

// TestDockerfile checks deploy/Dockerfile without Docker: the build line
// is the one the stamped binary is built with, that binary is static, and
// run with the image's user, environment, volumes, entrypoint and
// HEALTHCHECK it serves and reports healthy.
func TestDockerfile(t *testing.T) {
	longtest.Skip(t, "a static build of the image's binary")
	d := readDockerfile(t)
	build := "RUN CGO_ENABLED=0 go build " + strings.Join([]string{"-trimpath", `-ldflags="-s -w"`}, " ") + " -o /out/seedfeed ./cmd/seedfeed"
	if !strings.Contains(d.text, build) || strings.Join(dockerBuildFlags, " ") != "-trimpath -ldflags=-s -w" {
		t.Fatalf("the Dockerfile does not build with %q, the command this test builds with", build)
	}
	uid, gid, ok := strings.Cut(d.user, ":")
	if u, err := strconv.Atoi(uid); !ok || err != nil || u == 0 {
		t.Fatalf("USER %q: want a numeric non-root uid:gid", d.user)
	}
	if strings.Join(d.volumes, " ") != "/seeds /var/lib/seedfeed" {
		t.Errorf("VOLUME %q", d.volumes)
	}
	if d.env["SEEDFEED_SEEDS_DIR"] != "/seeds" || filepath.Dir(d.env["SEEDFEED_STATE_PATH"]) != "/var/lib/seedfeed" {
		t.Errorf("ENV puts the seeds or the state off the volumes: %v", d.env)
	}

	sb := stampedBinary(t)
	f, err := elf.Open(sb.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the binary is dynamically linked (%v): distroless/static cannot run it", p.Type)
		}
	}
	f.Close()

	// The container's file system, under a temporary root: the image's
	// paths, the config it copies, its user owning the volumes.
	root := t.TempDir()
	// The image's user must reach it: open the test's own temporary
	// folders (made 0700) to others.
	for _, dir := range []string{filepath.Dir(root), root} {
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mapPath := func(s string) string {
		for _, p := range []string{"/usr/local/bin/seedfeed", "/etc/seedfeed", "/seeds", "/var/lib/seedfeed"} {
			if strings.HasPrefix(s, p) {
				return filepath.Join(root, s)
			}
		}
		return s
	}
	config, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"/usr/local/bin", "/etc/seedfeed", "/seeds", "/var/lib/seedfeed"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin, err := os.ReadFile(sb.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mapPath("/usr/local/bin/seedfeed"), bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mapPath("/etc/seedfeed/config.yaml"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	writeSeed(t, mapPath("/seeds"), "harbour.txt", articleText("Harbour wall repairs", "Repairs begin on Monday."))
	var cred *syscall.Credential
	if os.Getuid() == 0 {
		u, _ := strconv.Atoi(uid)
		g, _ := strconv.Atoi(gid)
		cred = &syscall.Credential{Uid: uint32(u), Gid: uint32(g)}
		if err := os.Chown(mapPath("/var/lib/seedfeed"), u, g); err != nil {
			t.Fatal(err)
		}
	}
	port := strings.TrimPrefix(freeAddr(t), "127.0.0.1")
	env := cleanEnv()
	for k, v := range d.env {
		if k == "SEEDFEED_SERVER_LISTEN" {
			v = port // the image's :8080, on a port free here
		}
		env = append(env, k+"="+mapPath(v))
	}
	container := func(args []string) *exec.Cmd {
		var mapped []string
		for _, a := range args {
			mapped = append(mapped, mapPath(a))
		}
		c := exec.Command(mapped[0], mapped[1:]...)
		c.Env = env
		c.Dir = "/"
		if cred != nil {
			c.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		return c
	}

	if out, err := container(d.healthcheck).CombinedOutput(); err == nil {
		t.Fatalf("HEALTHCHECK passes with nothing running:\n%s", out)
	}
	var logs syncBuffer
	serve := container(append(d.entrypoint, d.cmd...))
	serve.Stdout, serve.Stderr = &logs, &logs
	serve.WaitDelay = 5 * time.Second
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() {
		waitErr = serve.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		select {
		case <-exited:
		default:
			serve.Process.Kill()
			<-exited
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		out, err := container(d.healthcheck).CombinedOutput()
		if err == nil {
			if !strings.Contains(string(out), `"status":"ok"`) {
				t.Errorf("HEALTHCHECK passed with %s", out)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("HEALTHCHECK still failing after 30 s: %v\n%s\nserve's log:\n%s", err, out, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	// The seed is published once it has settled (seeds.settle, 2 s).
	for deadline := time.Now().Add(20 * time.Second); ; {
		resp, err := http.Get("http://127.0.0.1" + port + "/feed.xml")
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK && strings.Contains(body.String(), "Harbour wall repairs") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/feed.xml: %d without the seed after 20 s\n%s", resp.StatusCode, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, err := os.Stat(filepath.Join(root, d.env["SEEDFEED_STATE_PATH"])); err != nil {
		t.Errorf("the state is not on its volume: %v", err)
	}
	// docker stop sends the STOPSIGNAL: a clean stop, status 0.
	serve.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
		if waitErr != nil {
			t.Errorf("after SIGTERM: %v\n%s", waitErr, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Errorf("no exit 15 s after SIGTERM")
	}
}
