#!/usr/bin/env bash
# After the end-to-end tests were stopped by their time limit (their Drop code did not
# run), stops what they had started: tauri-driver and WebKitWebDriver, apps with a test
# data folder and their speech daemons, test servers and their throwaway PostgreSQL
# clusters, the small disks (tmpfs) some clusters ran on. Nothing else: a
# `make server` or another user's app is left alone.
set -u
for proc in /proc/[0-9]*; do
  pid=${proc#/proc/}
  exe=$(readlink "$proc/exe" 2>/dev/null) || continue
  environ=$(tr '\0' '\n' <"$proc/environ" 2>/dev/null) || continue
  cmdline=$(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null) || continue
  case "$exe" in
    */tauri-driver | */WebKitWebDriver) kill -KILL "$pid" 2>/dev/null ;;
    */ayah-asi | */ayah-asi-server)
      if grep -q 'ayah-asi-e2e-\|ayah-asi-pg-' <<<"$environ$cmdline"; then kill -KILL "$pid" 2>/dev/null; fi ;;
    # Each test's own speech-dispatcher and its espeak-ng module (socket in the test's folder).
    */speech-dispatcher | */sd_espeak-ng)
      if grep -q 'ayah-asi-e2e-' <<<"$environ$cmdline"; then kill -KILL "$pid" 2>/dev/null; fi ;;
    */postgres)
      if grep -q 'ayah-asi-pg-' <<<"$cmdline"; then kill -KILL "$pid" 2>/dev/null; fi ;;
  esac
done
sleep 0.5
grep ' /tmp/ayah-asi-pg-' /proc/mounts | awk '$1 == "ayah-asi-test-disk" { print $2 }' |
  while read -r mountpoint; do umount -l "$mountpoint"; done
rm -rf /tmp/ayah-asi-e2e-* /tmp/ayah-asi-pg-*
