package deps
import (
 _ "github.com/gorilla/feeds"
 _ "github.com/robfig/cron/v3"
 _ "github.com/fsnotify/fsnotify"
 _ "modernc.org/sqlite"
 _ "go.yaml.in/yaml/v3"
 _ "github.com/prometheus/client_golang/prometheus"
 _ "github.com/prometheus/client_golang/prometheus/promhttp"
 _ "codeberg.org/readeck/go-readability/v2"
 _ "github.com/microcosm-cc/bluemonday"
 _ "github.com/yuin/goldmark"
 _ "github.com/mmcdole/gofeed"
 _ "golang.org/x/text/encoding/charmap"
 _ "golang.org/x/net/html"
)
