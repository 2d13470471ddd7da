#!/usr/bin/env bash
# Starts seedfeed on the bundled seeds (in a scratch copy, on a free loopback
# port) and takes headless Chromium screenshots of the index, one article
# page, /feed.xml and /rss.xml as a browser is shown them (no XSLT, so no
# deprecation banner), and /feed.xml of `seedfeed build -out` served by a
# plain static file server (the CSS view), into docs/ (or the folder given).
# With a second argument, a folder of article files (say, 30 whole-page
# scrapes), it serves those instead and takes the index and every article
# page, so that each headline, byline and date can be looked at.
# Needs Debian's chromium; installs it when run as root and it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs}
seeds=${2:-seeds}
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "screenshots: chromium is not installed" >&2; exit 1
  fi
fi

work=$(mktemp -d)
pid=
static_pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  [ -n "$static_pid" ] && kill "$static_pid" 2>/dev/null
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/seeds"
cp -r "$seeds"/. "$work/seeds/"
cat > "$work/config.yaml" <<YAML
site:
  title: "seedfeed sample site"
  base_url: "http://127.0.0.1:$port"
seeds:
  settle: "0s"
feed:
  items: ${SCREENSHOT_ITEMS:-200}
server:
  listen: "127.0.0.1:$port"
state:
  path: "state.db"
YAML
go build -o "$work/seedfeed" ./cmd/seedfeed
"$work/seedfeed" serve -config "$work/config.yaml" 2>"$work/log" &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
  curl -fsS "$base/healthz" 2>/dev/null | grep -q '"articles": *[1-9]' && break
  sleep 0.1
done

if [ "$seeds" != seeds ]; then
  shot() { # url file width height
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$work/chrome" --hide-scrollbars \
      --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
  }
  shot "$base/" "$out/index.png" 1000 2400
  # With SCREENSHOT_ITEMS below the number of articles the index
  # paginates: its second page too.
  # (the index pages follow the feeds in a second publish: wait for them)
  for _ in $(seq 50); do curl -fsS -o /dev/null "$base/page/2/" 2>/dev/null && break; sleep 0.1; done
  if curl -fsS -o /dev/null "$base/page/2/" 2>/dev/null; then
    shot "$base/page/2/" "$out/index-page-2.png" 1000 1400
  fi
  n=0
  for url in $(curl -fsS "$base/feed.json" | python3 -c 'import json,sys; [print(i["url"]) for i in json.load(sys.stdin)["items"]]'); do
    n=$((n+1))
    shot "$url" "$out/article-$(printf %02d $n).png" 1000 1000
  done
  echo "screenshots of $base in $out: index.png and $n article pages"
  exit 0
fi

# The ferry strike sample has a byline, a dateline and a captioned image;
# fall back to the newest article if the seeds were changed.
slug=harbour-ferry-crews-walk-out-over-rota-changes
if ! curl -fsS -o /dev/null "$base/articles/$slug"; then
  slug=$(curl -fsS "$base/feed.json" | python3 -c 'import json,sys; items=json.load(sys.stdin)["items"]; print(items[0]["url"].rstrip("/").rsplit("/",1)[1])')
fi

shot() { # url file width height
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chrome" --hide-scrollbars \
    --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
}
shot "$base/" "$out/index.png" 1000 900
shot "$base/articles/$slug" "$out/article.png" 1000 1100
# Chromium asks for text/html first, so seedfeed shows it the feed's page.
shot "$base/feed.xml" "$out/feed-xml-browser.png" 1000 900
shot "$base/rss.xml" "$out/rss-xml-browser.png" 1000 900
# The first tag the index lists, with its own feeds.
tag=$(curl -fsS "$base/" | grep -o 'href="[^"]*/tags/[^"]*/"' | head -1 | sed 's/^href="//; s/"$//')
if [ -n "$tag" ]; then
  shot "$tag" "$out/tag.png" 1000 900
fi

# What a static host gives a browser: the files of build -out, served by
# Python's file server as application/xml, which Chromium styles with the
# feeds' CSS stylesheet.
sport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SEEDFEED_SITE_BASE_URL="http://127.0.0.1:$sport" SEEDFEED_STATE_PATH="$work/static.db" \
  "$work/seedfeed" build -config "$work/config.yaml" -out "$work/site" >/dev/null
python3 -m http.server -b 127.0.0.1 -d "$work/site" "$sport" >/dev/null 2>&1 &
static_pid=$!
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$sport/feed.xml" 2>/dev/null && break; sleep 0.1; done
shot "http://127.0.0.1:$sport/feed.xml" "$out/feed-xml-static.png" 1000 900
echo "screenshots of $base in $out: index.png article.png feed-xml-browser.png rss-xml-browser.png feed-xml-static.png${tag:+ tag.png}"
