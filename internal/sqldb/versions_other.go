//go:build !unix

package sqldb

import "errors"

// openVersions has no shared memory to offer here: nothing is cached.
func openVersions(path string) (*versions, error) {
	return nil, errors.New("sqldb: no shared version counters on this system")
}
