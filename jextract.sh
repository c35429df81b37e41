#!/usr/bin/env bash
# Regenerates the FFM bindings of native-bindings/ (package org.hapring.ffi) from the system headers with
# jextract (22 or newer), limited to the symbols the engine uses.
#
#   ./jextract.sh [OUTPUT_DIR]      default OUTPUT_DIR: native-bindings/target/jextract
#
# The checked-in sources in native-bindings/src/main/java are HAND-MAINTAINED to match jextract's output
# shape (same class names, method names and signatures for these symbols): jextract is not packaged for
# Debian 12. This script writes to OUTPUT_DIR so that the two can be compared (diff -r) before adopting a
# regenerated file. Two deliberate differences stay hand-written: Libc's errno-reporting calls capture
# errno in the same downcall (Linker.Option.captureCallState, which jextract does not emit), and
# Liburing turns a missing liburing.so.2 into a typed NativeLibraryException instead of failing class
# initialisation.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
out="${1:-$root/native-bindings/target/jextract}"

if ! command -v jextract >/dev/null 2>&1; then
  cat >&2 <<'MSG'
jextract.sh: jextract is not on PATH.
  get it from https://jdk.java.net/jextract/ (version 22 or newer), unpack it and put its bin/ on PATH;
  it also needs the headers: apt-get install liburing-dev libc6-dev
MSG
  exit 2
fi
[ -f /usr/include/liburing.h ] || { echo "jextract.sh: /usr/include/liburing.h missing (apt-get install liburing-dev)" >&2; exit 2; }

functions=(io_uring_queue_init_params io_uring_queue_exit io_uring_submit io_uring_submit_and_wait_timeout
           io_uring_register_buffers_sparse io_uring_register_buffers_update_tag
           io_uring_register_files_sparse io_uring_register_files_update
           io_uring_register_iowq_max_workers io_uring_get_probe_ring io_uring_free_probe)
structs=(io_uring io_uring_sq io_uring_cq io_uring_sqe io_uring_cqe io_uring_params io_uring_probe
         io_uring_probe_op iovec __kernel_timespec)
constants=(IORING_OP_READ_FIXED IORING_OP_READ IOSQE_FIXED_FILE IORING_SETUP_SQPOLL IORING_SETUP_CQSIZE
           IORING_SETUP_CLAMP IORING_SETUP_COOP_TASKRUN IORING_SETUP_SINGLE_ISSUER IORING_SETUP_DEFER_TASKRUN
           IORING_FEAT_NODROP IORING_FEAT_EXT_ARG IO_URING_OP_SUPPORTED)

args=()
for f in "${functions[@]}"; do args+=(--include-function "$f"); done
for s in "${structs[@]}"; do args+=(--include-struct "$s"); done
for c in "${constants[@]}"; do args+=(--include-constant "$c"); done

mkdir -p "$out"
echo "jextract.sh: liburing -> $out"
jextract --output "$out" --target-package org.hapring.ffi --header-class-name Liburing \
  --library :liburing.so.2 "${args[@]}" /usr/include/liburing.h

libc_header="$(mktemp --suffix=.h)"
trap 'rm -f "$libc_header"' EXIT
cat >"$libc_header" <<'H'
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/resource.h>
H
echo "jextract.sh: libc -> $out"
jextract --output "$out" --target-package org.hapring.ffi --header-class-name Libc \
  --include-function open --include-function close --include-function fstat \
  --include-function posix_fadvise --include-function getrlimit \
  --include-struct stat --include-struct rlimit \
  --include-constant O_RDONLY --include-constant O_DIRECT --include-constant O_CLOEXEC \
  --include-constant POSIX_FADV_SEQUENTIAL --include-constant POSIX_FADV_WILLNEED \
  --include-constant POSIX_FADV_DONTNEED --include-constant RLIMIT_MEMLOCK --include-constant RLIM_INFINITY \
  "$libc_header"

echo "jextract.sh: done; compare with: diff -r $out/org/hapring/ffi $root/native-bindings/src/main/java/org/hapring/ffi"
