#!/usr/bin/env bash
# The air-gapped way: builds the base images this project needs from Debian packages, for machines that reach the
# apt mirror but no container registry. The images stand in for the public ones the build uses by default:
#   local/jre25     for eclipse-temurin:25-jre  (Jib base of the movies-api image): Debian ships no Java 25, so its
#                   runtime is jlink'ed from this machine's JDK 25 (JAVA25_HOME, or the one under /usr/lib/jvm)
#   local/nginx     for nginx                   (Jib base of the frontend image; same entrypoint contract)
#   local/postgres  for postgres                (Testcontainers database; honours POSTGRES_USER/PASSWORD/DB)
#   local/chromium  for selenium/standalone-chromium (the browser journeys: Debian's chromium and its chromedriver,
#                   serving WebDriver on the port that SE_OPTS="--port N" names, 4444 by default)
# Cached: an image that already exists is kept (pass --rebuild to rebuild all). Needs root, debootstrap and a
# running Docker engine (scripts/docker-engine.sh).
set -euo pipefail

work=${OFFLINE_IMAGES_WORK_DIR:-/var/tmp/offline-base-images}
rebuild=false
[ "${1:-}" = --rebuild ] && rebuild=true

wanted=(local/jre25 local/postgres local/nginx local/chromium)
missing=()
for image in "${wanted[@]}"; do
  if $rebuild || ! docker image inspect "$image" >/dev/null 2>&1; then missing+=("$image"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "offline-base-images: all present (${wanted[*]})"
  exit 0
fi

. /etc/os-release
codename=$VERSION_CODENAME
# The mirror is whatever this machine's apt is configured with; no host name lives in the repository.
apt_sources=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' \
  | awk -v c="$codename" '$2 == c || $2 == c "-updates" || $2 == c "-security"' | sort -u)
mirror=$(awk -v c="$codename" '$2 == c { print $1; exit }' <<<"$apt_sources")
if [ -z "$mirror" ]; then
  echo "offline-base-images: no '$codename' suite in this machine's apt sources" >&2
  exit 1
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null; }
fi

mkdir -p "$work"
rootfs=$work/rootfs
if [ ! -e "$rootfs/.complete" ]; then
  echo "offline-base-images: debootstrap $codename from the machine's apt mirror"
  rm -rf "$rootfs"
  debootstrap --variant=minbase "$codename" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  # Same suites as the host (with updates and security), so the images get security fixes.
  awk '{ print "deb " $1 " " $2 " " $3 }' <<<"$apt_sources" >"$rootfs/etc/apt/sources.list"
  { chroot "$rootfs" apt-get update -q \
    && chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -q \
    && chroot "$rootfs" apt-get clean; } >"$work/upgrade.log" 2>&1 || { tail -n 20 "$work/upgrade.log" >&2; exit 1; }
  touch "$rootfs/.complete"
fi

# import NAME DIR [docker import --change ...]: the directory's tree becomes the image NAME.
import() {
  local name=$1 dir=$2; shift 2
  local changes=()
  for change in "$@"; do changes+=(--change "$change"); done
  rm -rf "$dir/var/lib/apt/lists/"* "$dir/var/cache/apt/"*.bin "$dir/.complete"
  tar --numeric-owner -C "$dir" -c . | docker import "${changes[@]}" - "$name" >/dev/null
  echo "offline-base-images: built $name ($(docker image inspect --format '{{.Size}}' "$name" | numfmt --to=iec))"
}

# rootfs_with DIR PACKAGES...: a copy of the base rootfs with PACKAGES installed.
rootfs_with() {
  local dir=$1; shift
  rm -rf "$dir"
  cp -a "$rootfs" "$dir"
  local log=$dir.log
  mount -t proc proc "$dir/proc"
  if ! { chroot "$dir" apt-get update -q \
         && chroot "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
         && chroot "$dir" apt-get clean; } >"$log" 2>&1; then
    umount "$dir/proc"
    echo "offline-base-images: installing $* failed; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    return 1
  fi
  umount "$dir/proc"
}

path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
jre_modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
jre_modules+=,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset
jre_modules+=,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jcmd,jdk.jfr
jre_modules+=,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

for image in "${missing[@]}"; do
  case $image in
    local/jre25)
      jdk=${JAVA25_HOME:-}
      if [ -z "$jdk" ]; then
        for candidate in /usr/lib/jvm/*; do
          if [ -x "$candidate/bin/jlink" ] && "$candidate/bin/java" -version 2>&1 | grep -q '^[a-z]* version "25[."]'; then
            jdk=$candidate
            break
          fi
        done
      fi
      if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jlink" ]; then
        echo "offline-base-images: local/jre25 needs a JDK 25 with jlink on this machine (none under /usr/lib/jvm;" \
          "set JAVA25_HOME), or a registry with eclipse-temurin:25-jre" >&2
        exit 1
      fi
      dir=$work/jre25
      rootfs_with "$dir" ca-certificates
      # The modules Spring Boot and the application's libraries use (jdeps --print-module-deps of the application,
      # plus the JDK's own providers: DNS naming, elliptic-curve and PKCS#11 crypto, charsets, zip file system; and jcmd
      # for diagnostics in a running task), and
      # the runtime's own class-data sharing archive of the JDK's classes (the application's comes with its image).
      "$jdk/bin/jlink" --output "$dir/opt/java" --strip-debug --no-man-pages --no-header-files \
        --generate-cds-archive --add-modules "$jre_modules"
      import "$image" "$dir" "ENV JAVA_HOME=/opt/java" "ENV PATH=/opt/java/bin:$path" "ENV LANG=C.UTF-8" \
        'CMD ["java", "-version"]'
      ;;

    local/postgres)
      dir=$work/postgres
      # No cluster from the package: the entrypoint creates one on first start, like the official image.
      rootfs_with "$dir" postgresql
      rm -rf "$dir/var/lib/postgresql/"*/ "$dir/etc/postgresql/"*/
      pg_bin=$(ls -d "$dir"/usr/lib/postgresql/*/bin | sed "s|^$dir||")
      install -d -o "$(chroot "$dir" id -u postgres)" -g "$(chroot "$dir" id -g postgres)" -m 2775 \
        "$dir/run/postgresql" "$dir/var/lib/postgresql/data"
      cat >"$dir/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
# The official postgres image's contract, as far as Testcontainers uses it: on the first start, initdb with
# POSTGRES_USER/POSTGRES_PASSWORD, create POSTGRES_DB through a temporary local-only server, then run the command
# (so "ready to accept connections" is logged twice, as there).
set -eu
if [ "${1:-}" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  user=${POSTGRES_USER:-postgres}
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}" >"$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA" >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  db=${POSTGRES_DB:-$user}
  if [ "$db" != postgres ]; then
    psql -v ON_ERROR_STOP=1 -q --username="$user" --dbname=postgres -c "CREATE DATABASE \"$db\""
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec "$@"
EOF
      chmod 755 "$dir/usr/local/bin/docker-entrypoint.sh"
      import "$image" "$dir" "ENV PATH=$pg_bin:$path" "ENV LANG=C.UTF-8" "ENV PGDATA=/var/lib/postgresql/data" \
        "USER postgres" "EXPOSE 5432" 'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["postgres"]'
      ;;

    local/chromium)
      dir=$work/chromium
      rootfs_with "$dir" chromium chromium-driver fonts-liberation
      cat >"$dir/usr/local/bin/webdriver" <<'EOF'
#!/bin/sh
# The WebDriver endpoint of the selenium/standalone-chromium image, as far as the e2e suite uses it: chromedriver for
# remote clients on the port SE_OPTS names ("--port N"), else 4444.
set -eu
port=4444
set -- ${SE_OPTS:-}
while [ $# -gt 0 ]; do
  if [ "$1" = --port ] && [ $# -gt 1 ]; then port=$2; shift; fi
  shift
done
echo "webdriver: chromedriver on port $port"
exec chromedriver --port="$port" --allowed-ips= --allowed-origins='*'
EOF
      chmod 755 "$dir/usr/local/bin/webdriver"
      import "$image" "$dir" "ENV PATH=$path" "ENV LANG=C.UTF-8" "EXPOSE 4444" 'CMD ["webdriver"]'
      ;;

    local/nginx)
      dir=$work/nginx
      rootfs_with "$dir" nginx gettext-base
      # Like the official image: only conf.d is included, logs go to the container's output.
      rm -f "$dir/etc/nginx/sites-enabled/"*
      ln -sf /dev/stdout "$dir/var/log/nginx/access.log"
      ln -sf /dev/stderr "$dir/var/log/nginx/error.log"
      mkdir -p "$dir/docker-entrypoint.d" "$dir/etc/nginx/templates"
      cat >"$dir/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
# The official nginx image's entrypoint contract: before nginx starts, run /docker-entrypoint.d/*.sh in order.
set -eu
if [ "${1:-}" = nginx ]; then
  for script in $(find /docker-entrypoint.d -follow -type f -name '*.sh' -perm -u+x | sort); do
    echo "$0: running $script"
    "$script"
  done
fi
exec "$@"
EOF
      cat >"$dir/docker-entrypoint.d/20-envsubst-on-templates.sh" <<'EOF'
#!/bin/sh
# As in the official nginx image: render /etc/nginx/templates/**/*.template into /etc/nginx/conf.d, substituting
# only the variables defined in the environment (nginx's own $variables stay untouched).
set -eu
template_dir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
output_dir=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
[ -d "$template_dir" ] || exit 0
defined_envs=$(printf '${%s} ' $(awk 'END { for (name in ENVIRON) { print ( name ~ /^[A-Za-z_][A-Za-z0-9_]*$/ ) ? name : "" } }' </dev/null))
find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
  relative_path=${template#"$template_dir/"}
  output_path="$output_dir/${relative_path%"$suffix"}"
  mkdir -p "$(dirname "$output_path")"
  echo "$0: rendering $template to $output_path"
  envsubst "$defined_envs" <"$template" >"$output_path"
done
EOF
      chmod 755 "$dir/docker-entrypoint.sh" "$dir/docker-entrypoint.d/20-envsubst-on-templates.sh"
      import "$image" "$dir" "ENV PATH=$path" "ENV LANG=C.UTF-8" "EXPOSE 80" \
        'ENTRYPOINT ["/docker-entrypoint.sh"]' 'CMD ["nginx", "-g", "daemon off;"]'
      ;;
  esac
done
