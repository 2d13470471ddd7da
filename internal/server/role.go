package server

// Cluster roles, as /healthz reports them (SetRole).
const (
	// RoleWriter scans the seeds folder and writes (it holds the lock).
	RoleWriter = "writer"
	// RoleReplica serves what the writer publishes, and may become it.
	RoleReplica = "replica"
	// RoleServeOnly has no seeds folder: it serves what the writer
	// publishes and never becomes it.
	RoleServeOnly = "serve-only"
)

// SetRole records the process's part in a cluster (RoleWriter,
// RoleReplica, RoleServeOnly) for /healthz; "" leaves it out, as a single
// seedfeed on SQLite does. Call it from the goroutine that publishes: a
// Publish running at the same time may render /healthz with the old role
// until the next report.
func (s *Server) SetRole(role string) {
	s.role.Store(&role)
	s.updateHealth(nil)
}

// clusterRole is the role SetRole recorded, or "".
func (s *Server) clusterRole() string {
	if r := s.role.Load(); r != nil {
		return *r
	}
	return ""
}
