package main

import (
	"runtime"

	"seedfeed/internal/version"
)

func versionString() string {
	return version.Version + " (" + runtime.Version() + ")"
}
