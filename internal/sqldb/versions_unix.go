//go:build unix

package sqldb

import (
	"fmt"
	"os"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// versionFileSize is one page: room for 512 counters.
const versionFileSize = 4096

// openVersions maps path (created 0600 when missing) into memory, shared
// with every other process that maps it.
func openVersions(path string) (*versions, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqldb: version file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("sqldb: version file: %w", err)
	}
	if st.Size() < versionFileSize {
		if err := f.Truncate(versionFileSize); err != nil {
			return nil, fmt.Errorf("sqldb: version file: %w", err)
		}
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, versionFileSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("sqldb: map version file: %w", err)
	}
	// The page is aligned, so its first words are valid atomic counters;
	// atomic operations on shared memory are seen by every process.
	counters := unsafe.Slice((*atomic.Uint64)(unsafe.Pointer(&mem[0])), numVersions)
	return &versions{counters: counters}, nil
}
