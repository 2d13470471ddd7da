//go:build unix

package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"seedfeed/internal/longtest"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The process tests run the real binary, built once per test run into a
// temporary folder that TestMain removes.
var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "seedfeed-test-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// seedfeedBinary builds ./cmd/seedfeed with `go build`.
func seedfeedBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and starts the seedfeed binary; skipped in -short mode")
	}
	binary.once.Do(func() {
		gobin, err := exec.LookPath("go")
		if err != nil {
			binary.err = fmt.Errorf("the go command is needed to build the binary: %w", err)
			return
		}
		binary.path = filepath.Join(binary.dir, "seedfeed")
		out, err := exec.Command(gobin, "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// longTest skips tests that take minutes unless asked for: CI sets CI=true.
func longTest(t *testing.T) {
	t.Helper()
	longtest.Skip(t, "minutes of work through the real binary")
}

// proc is one seedfeed process.
type proc struct {
	t      *testing.T
	cmd    *exec.Cmd
	url    string
	logs   *syncBuffer
	exited chan struct{}
	state  *os.ProcessState
}

// listenAddr reads server.listen back from a config written by writeConfig.
func listenAddr(t *testing.T, configPath string) string {
	t.Helper()
	data, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), "listen: \"")
	if !ok {
		t.Fatalf("no server.listen in %s", configPath)
	}
	addr, _, _ := strings.Cut(after, "\"")
	return addr
}

// startProc runs `seedfeed serve -config configPath` without waiting for it.
func startProc(t *testing.T, configPath string) *proc {
	t.Helper()
	return startProcAs(t, configPath, nil)
}

// startProcAs runs `seedfeed serve -config configPath args...`, as another
// user when cred is not nil.
func startProcAs(t *testing.T, configPath string, cred *syscall.Credential, args ...string) *proc {
	t.Helper()
	p := &proc{t: t, url: "http://" + listenAddr(t, configPath), logs: &syncBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(seedfeedBinary(t), append([]string{"serve", "-config", configPath}, args...)...)
	if cred != nil {
		p.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	p.cmd.Dir = filepath.Dir(configPath)
	p.cmd.Stdout = p.logs
	p.cmd.Stderr = p.logs
	p.cmd.Env = cleanEnv()
	p.cmd.WaitDelay = 5 * time.Second
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		p.cmd.Wait()
		p.state = p.cmd.ProcessState
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("seedfeed %v log:\n%s", args, p.logs)
		}
	})
	return p
}

// cleanEnv is the test's environment without SEEDFEED_* overrides, which
// would change what the config file says.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SEEDFEED_") {
			env = append(env, kv)
		}
	}
	return env
}

// startHealthy starts seedfeed and waits until /healthz answers 200.
func startHealthy(t *testing.T, configPath string) *proc {
	t.Helper()
	p := startProc(t, configPath)
	p.waitHealthy(60 * time.Second)
	return p
}

func (p *proc) waitHealthy(limit time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		resp, err := http.Get(p.url + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case <-p.exited:
			p.t.Fatalf("seedfeed exited early (%v):\n%s", p.state, p.logs)
		default:
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("seedfeed not healthy within %v:\n%s", limit, p.logs)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func (p *proc) signal(sig os.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatalf("signal %v: %v", sig, err)
	}
}

// wait returns the exit status, or fails the test if the process is still
// running after limit. A death by signal is reported as 128+signal.
func (p *proc) wait(limit time.Duration) int {
	p.t.Helper()
	select {
	case <-p.exited:
	case <-time.After(limit):
		p.t.Fatalf("seedfeed still running %v later:\n%s", limit, p.logs)
	}
	if ws, ok := p.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return p.state.ExitCode()
}

// get fetches a path and returns the status and body; a transport error
// fails the test.
func (p *proc) get(path string) (int, []byte) {
	p.t.Helper()
	resp, err := http.Get(p.url + path)
	if err != nil {
		p.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, b
}

// metric reads one sample (name with its labels, as /metrics prints it)
// from a Prometheus text exposition; absent means 0.
func metric(t *testing.T, exposition []byte, sample string) float64 {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(string(exposition)))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), " ")
		if !ok || name != sample {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			t.Fatalf("metric %s: %v", sample, err)
		}
		return v
	}
	return 0
}

// waitLog waits until the log contains s.
func waitLog(t *testing.T, logs *syncBuffer, s string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !strings.Contains(logs.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the log within %v:\n%s", s, limit, logs)
		}
		time.Sleep(25 * time.Millisecond)
	}
}
