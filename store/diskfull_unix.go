//go:build unix

package store

import "syscall"

// fileSizeLimit is this process's limit on a file's size (RLIMIT_FSIZE,
// ulimit -f) in bytes, or -1 when there is none (RLIM_INFINITY is all
// ones; Rlimit.Cur is unsigned on every unix Go supports).
func fileSizeLimit() int64 {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil || rl.Cur == ^uint64(0) || rl.Cur > 1<<62 {
		return -1
	}
	return int64(rl.Cur)
}

// freeBytes is the space free to this user in dir's file system, or -1
// when the system does not say.
func freeBytes(dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return -1
	}
	return int64(st.Bavail) * int64(st.Bsize)
}
