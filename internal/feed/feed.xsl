<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an Atom or RSS feed in a browser as a page that says what a feed is,
  which URL to give a feed reader, and lists the items. Readers never see it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="subtitle" select="/atom:feed/atom:subtitle | /rss/channel/description"/>
  <xsl:variable name="self" select="/atom:feed/atom:link[@rel='self']/@href | /rss/channel/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="/atom:feed/atom:link[@rel='alternate']/@href | /rss/channel/link"/>

  <xsl:template match="/">
    <html lang="{/atom:feed/@xml:lang | /rss/channel/language}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:apply-templates select="$title"/> (web feed)</title>
        <style>
          :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfdfc; --muted: #5f6368; --accent: #0b57d0; --box: #eef3fb; }
          @media (prefers-color-scheme: dark) { :root { --fg: #e8e6e3; --bg: #18191b; --muted: #a0a4a8; --accent: #8ab4f8; --box: #232a35; } }
          body { margin: 0; background: var(--bg); color: var(--fg); font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
          main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
          a { color: var(--accent); }
          .about { background: var(--box); border-radius: .6rem; padding: 1rem 1.25rem; margin-bottom: 2rem; }
          .about p { margin: .3rem 0; }
          .url { display: block; margin-top: .5rem; padding: .45rem .6rem; border-radius: .35rem; background: var(--bg); font: .95rem ui-monospace, "SFMono-Regular", Menlo, monospace; overflow-wrap: anywhere; user-select: all; }
          h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
          .subtitle { color: var(--muted); margin: 0 0 .6rem; }
          h2 { font-size: 1.1rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 2.2rem 0 .5rem; }
          article { padding: .9rem 0; border-top: 1px solid color-mix(in srgb, var(--muted) 30%, transparent); }
          article h3 { font-size: 1.2rem; margin: 0 0 .2rem; }
          article h3 a { text-decoration: none; }
          article h3 a:hover { text-decoration: underline; }
          .meta { color: var(--muted); font-size: .9rem; margin: 0 0 .3rem; }
          .summary { margin: 0; }
        </style>
      </head>
      <body>
        <main>
          <div class="about">
            <p><strong>This is a web feed.</strong> Feed readers (also called news or RSS readers) check it for new articles, so you can follow this site without visiting it.</p>
            <p>To subscribe, copy this address into your feed reader:</p>
            <code class="url"><xsl:value-of select="$self"/></code>
          </div>
          <h1><xsl:apply-templates select="$title"/></h1>
          <xsl:if test="string($subtitle) != '' and string($subtitle) != string($title)">
            <p class="subtitle"><xsl:apply-templates select="$subtitle"/></p>
          </xsl:if>
          <p><a href="{$home}">Visit the website</a></p>
          <h2>Latest articles</h2>
          <xsl:apply-templates select="/atom:feed/atom:entry | /rss/channel/item"/>
          <xsl:if test="not(/atom:feed/atom:entry | /rss/channel/item)">
            <p>Nothing published yet.</p>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <article>
      <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:apply-templates select="atom:title"/></a></h3>
      <p class="meta">
        <time datetime="{atom:published}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
        <xsl:for-each select="atom:author/atom:name">
          <xsl:choose><xsl:when test="position() = 1"> · </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
      <p class="summary"><xsl:apply-templates select="atom:summary"/></p>
    </article>
  </xsl:template>

  <xsl:template match="item">
    <article>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="meta">
        <!-- "Mon, 02 Jan 2006 15:04:05 -0700": the date is characters 6 to 16. -->
        <time><xsl:value-of select="substring(pubDate, 6, 11)"/></time>
        <!-- value-of would give the first author only. -->
        <xsl:for-each select="dc:creator">
          <xsl:choose><xsl:when test="position() = 1"> · </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
      <!-- seedfeed writes a plain-text summary here, escaped as HTML. -->
      <p class="summary"><xsl:value-of select="description" disable-output-escaping="yes"/></p>
    </article>
  </xsl:template>

  <!-- seedfeed marks Atom text as html only when it escaped plain text
       that looked like markup, so unescaping it shows that text. -->
  <xsl:template match="atom:*[@type='html']">
    <xsl:value-of select="." disable-output-escaping="yes"/>
  </xsl:template>

  <xsl:template match="atom:*">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
