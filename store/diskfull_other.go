//go:build !unix

package store

// fileSizeLimit and freeBytes have no portable answer here: a failed write
// is named by SQLite's words alone.
func fileSizeLimit() int64       { return -1 }
func freeBytes(dir string) int64 { return -1 }
