"""Run crawl-rss's RFC 5005 crawler against a feed and print what it kept.

Usage: crawlrss.py CRAWL_RSS_CHECKOUT FEED_URL, with DATABASE_URL set to a
SQLite URL. crawl_rss.crawl.crawl fetches the subscription document, walks
its prev-archive links (stopping at a page it already knows, as RFC 5005
lets a consumer do) and records each entry once, on the newest document it
appears in. The output is a JSON list of [guid, page URL] pairs.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])

import sqlalchemy.engine  # noqa: E402
from sqlalchemy.sql import select  # noqa: E402

# crawl-rss was written for SQLAlchemy 1.3, whose result rows were
# RowProxy; it names the class in type annotations only. 1.4 calls it Row.
if not hasattr(sqlalchemy.engine, "RowProxy"):
    sqlalchemy.engine.RowProxy = sqlalchemy.engine.Row

from crawl_rss import appconfig, crawl, models  # noqa: E402

url = sys.argv[2]
appconfig.metadata.create_all(appconfig.engine)
with appconfig.engine.begin() as conn:
    row = conn.execute(select([models.feed.c.id]).where(models.feed.c.url == url)).first()
    if row is None:
        feed_id = conn.execute(models.feed.insert().values(url=url, properties={})).inserted_primary_key[0]
    else:
        feed_id = row[0]
    diff = crawl.DiffPosts()
    crawl.crawl(feed_id, conn, diff)
    diff.apply(feed_id, conn)
    rows = conn.execute(
        select([models.post.c.guid, models.page.c.url])
        .select_from(models.post.join(models.page))
        .where(models.post.c.feed_id == feed_id)
    ).fetchall()
print(json.dumps([[guid, page] for guid, page in rows]))
