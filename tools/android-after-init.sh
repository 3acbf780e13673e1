#!/bin/sh
# Run once after `npx tauri android init` (which needs the Android SDK and NDK, not
# available on this project's build machines): keeps the app in portrait. The
# notification plugin adds POST_NOTIFICATIONS and the exact-alarm permissions itself;
# keeping the screen on uses the webview's Screen Wake Lock, which needs no permission.
set -eu
manifest=src-tauri/gen/android/app/src/main/AndroidManifest.xml
[ -f "$manifest" ] || { echo "no $manifest: run 'npx tauri android init' first"; exit 1; }
grep -q 'android:screenOrientation' "$manifest" \
  || sed -i 's|<activity |<activity android:screenOrientation="portrait" |' "$manifest"
grep -n 'screenOrientation' "$manifest"
