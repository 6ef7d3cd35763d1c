#!/usr/bin/env bash
# Builds the power-cut guest under OUT (make powercut passes .build-powercut):
#   OUT/vmlinuz      the Debian kernel (linux-image-amd64, apt-get download + dpkg -x)
#   OUT/initrd.img   busybox-static + the virtio/ext4 modules (decompressed) + initramfs-init; also
#                    vfat and its code pages, for the USB-stick export run (usb-export-vm.py)
#   OUT/disk.img     ext4 root (mkfs.ext4 -d, never mounted on the host) holding hadird, hadirctl,
#                    hadir-sim (debug info stripped, like `make install`), every library ldd lists
#                    and the dynamic loader, sqlite3, busybox, guest-init, a config, and a journal
#                    with enrolled employees (enrolled here on the host with the same binaries)
# Usage: scripts/powercut/build-image.sh BIN_DIR OUT
set -euo pipefail
BIN="${1:?usage: build-image.sh BIN_DIR OUT}"
OUT="${2:?usage: build-image.sh BIN_DIR OUT}"
HERE="$(cd "$(dirname "$0")" && pwd)"
DISK_MB="${HADIR_POWERCUT_DISK_MB:-1024}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
DL="$OUT/downloads"
mkdir -p "$DL"

for tool in hadird hadirctl hadir-sim; do
  [ -x "$BIN/$tool" ] || { echo "build-image.sh: $BIN/$tool missing" >&2; exit 1; }
done

# --- Debian packages: the kernel and busybox, unpacked, never installed on the host.
fetch() { # package -> path of its .deb in $DL
  local package=$1 deb
  deb=$(ls "$DL/${package}"_*.deb 2>/dev/null | head -n1 || true)
  if [ -z "$deb" ]; then
    (cd "$DL" && apt-get download "$package" >/dev/null 2>&1) || { echo "apt-get download $package failed" >&2; exit 1; }
    deb=$(ls "$DL/${package}"_*.deb | head -n1)
  fi
  echo "$deb"
}
meta=$(fetch linux-image-amd64)
# The metapackage depends on the versioned image package, e.g. linux-image-6.1.0-56-amd64.
kpkg=$(dpkg-deb -f "$meta" Depends | tr ',' '\n' | sed -n 's/^ *\(linux-image-[0-9][^ ]*\).*/\1/p' | head -n1)
[ -n "$kpkg" ] || { echo "cannot find the kernel package behind $meta" >&2; exit 1; }
kdeb=$(fetch "$kpkg")
bdeb=$(fetch busybox-static)
KROOT="$OUT/kernel-pkg"
if [ ! -f "$KROOT/.unpacked-$(basename "$kdeb")" ]; then
  rm -rf "$KROOT"; mkdir -p "$KROOT"
  dpkg -x "$kdeb" "$KROOT"
  touch "$KROOT/.unpacked-$(basename "$kdeb")"
fi
BBROOT="$OUT/busybox-pkg"
rm -rf "$BBROOT"; mkdir -p "$BBROOT"; dpkg -x "$bdeb" "$BBROOT"
BUSYBOX="$BBROOT/bin/busybox"
kver=$(ls "$KROOT/lib/modules" | head -n1)
cp "$KROOT/boot/vmlinuz-$kver" "$OUT/vmlinuz"
echo "kernel $kver ($kpkg), busybox $(dpkg-deb -f "$bdeb" Version)"

# --- initramfs
INITRAMFS="$OUT/initramfs"
rm -rf "$INITRAMFS"; mkdir -p "$INITRAMFS"/{bin,modules,dev,proc,sys,newroot}
cp "$BUSYBOX" "$INITRAMFS/bin/busybox"
ln -s busybox "$INITRAMFS/bin/sh"
install -m 0755 "$HERE/initramfs-init" "$INITRAMFS/init"
python3 "$HERE/powercut.py" modules "$KROOT/lib/modules/$kver" "$INITRAMFS/modules" \
  virtio_pci virtio_blk virtio_console crc32c_generic ext4 vfat nls_cp437 nls_utf8 nls_ascii
(cd "$INITRAMFS" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 >"$OUT/initrd.img"

# --- root filesystem
ROOT="$OUT/rootfs"
rm -rf "$ROOT"
mkdir -p "$ROOT"/{bin,sbin,usr/bin,etc/hadir,proc,sys,dev,run,tmp,var/lib/hadir,var/lib/hadir-sim}
chmod 1777 "$ROOT/tmp"
cp "$BUSYBOX" "$ROOT/bin/busybox"
for applet in $("$BUSYBOX" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$ROOT/bin/$applet"
done
for tool in hadird hadirctl hadir-sim; do
  install -m 0755 "$BIN/$tool" "$ROOT/usr/bin/$tool"
  strip --strip-debug "$ROOT/usr/bin/$tool"
done
install -m 0755 "$(command -v sqlite3)" "$ROOT/usr/bin/sqlite3"
# Runtime libraries and the loader, at the paths ldd resolves them to on this (Debian) host.
for binary in "$ROOT/usr/bin/hadird" "$ROOT/usr/bin/hadirctl" "$ROOT/usr/bin/hadir-sim" "$ROOT/usr/bin/sqlite3"; do
  ldd "$binary" | awk '/=> \// { print $3 } /^\t\/.*ld-linux/ { print $1 }'
done | sort -u | while read -r library; do
  mkdir -p "$ROOT$(dirname "$library")"
  cp -L "$library" "$ROOT$library"
done
# Debian's loader path /lib64/ld-linux-x86-64.so.2 must resolve inside the image too.
[ -e "$ROOT/lib64/ld-linux-x86-64.so.2" ] || { echo "loader missing from the image" >&2; exit 1; }
install -m 0755 "$HERE/guest-init" "$ROOT/sbin/powercut-init"
install -m 0644 "$HERE/hadird.toml" "$ROOT/etc/hadir/hadird.toml"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\nhadir:x:999:\n' >"$ROOT/etc/group"

# Self-test (HADIR_POWERCUT_NO_FSYNC=1, make powercut POWERCUT_NO_FSYNC=1): hadird runs under
# libeatmydata, so fsync/fdatasync return at once and commits stay in the guest's page cache. The
# harness must then report lost punches; if it does not, it cannot see a missing fsync.
if [ "${HADIR_POWERCUT_NO_FSYNC:-0}" = 1 ]; then
  edeb=$(fetch libeatmydata1)
  rm -rf "$OUT/eatmydata-pkg"; mkdir -p "$OUT/eatmydata-pkg"; dpkg -x "$edeb" "$OUT/eatmydata-pkg"
  mkdir -p "$ROOT/usr/lib/powercut"
  cp -L "$(find "$OUT/eatmydata-pkg" -name 'libeatmydata.so.1' | head -n1)" "$ROOT/usr/lib/powercut/libeatmydata.so"
  touch "$ROOT/etc/hadir/powercut-no-fsync"
  echo "SELF-TEST image: hadird runs with fsync disabled (libeatmydata)"
fi

# --- enrolled employees: the real daemon and simulator, run here on the image's state directories.
python3 "$HERE/powercut.py" enroll --bin "$BIN" --config "$HERE/hadird.toml" \
  --state "$ROOT/var/lib/hadir" --sim-state "$ROOT/var/lib/hadir-sim" --fingers-file "$ROOT/etc/hadir/powercut-fingers"

rm -f "$OUT/disk.img"
mkfs.ext4 -q -F -L hadir-root -d "$ROOT" "$OUT/disk.img" "${DISK_MB}M"
echo "image ready: $OUT/disk.img (${DISK_MB} MiB ext4), $OUT/vmlinuz, $OUT/initrd.img"
