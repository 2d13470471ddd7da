package article

import (
	"slices"
	"strings"
	"testing"
)

// Tables in each markup read by its own structure are HTML tables with
// their header, and a paragraph a row, as a Markdown table's.
func TestMarkupTables(t *testing.T) {
	rows := []string{"Day | High water", "Monday | 06:40", "Friday | 09:10"}
	table := "<table><tr><th>Day</th><th>High water</th></tr><tr><td>Monday</td><td>06:40</td></tr><tr><td>Friday</td><td>09:10</td></tr></table>"
	tests := []struct{ file, src, html string }{
		{"grid.rst", "Tides\n=====\n\n+--------+------------+\n| Day    | High       |\n|        | water      |\n+========+============+\n" +
			"| Monday | 06:40      |\n+--------+------------+\n| Friday | **09:10**  |\n+--------+------------+\n\nEnd of the table.\n", table},
		{"simple.rst", "Tides\n=====\n\n======  ==========\nDay     High water\n======  ==========\nMonday  06:40\nFriday  09:10\n======  ==========\n\nEnd of the table.\n", table},
		{"list.rst", "Tides\n=====\n\n.. list-table::\n   :header-rows: 1\n   :widths: 20 30\n\n   * - Day\n     - High\n       water\n" +
			"   * - Monday\n     - 06:40\n   * - Friday\n     - **09:10**\n\nEnd of the table.\n", table},
		{"csv.rst", "Tides\n=====\n\n.. csv-table::\n   :header: \"Day\", \"High water\"\n\n   Monday, 06:40\n   \"Friday\", \"09:10\"\n\nEnd of the table.\n", table},
		{"tides.adoc", "= Tides\n\n[cols=\"1,1\"]\n|===\n| Day | High water\n\n| Monday | 06:40\n| Friday\n| *09:10*\n|===\n\nEnd of the table.\n", table},
		{"tides.org", "#+TITLE: Tides\n\n| Day    | High water |\n|--------+------------|\n| Monday | 06:40      |\n| Friday | /09:10/    |\n\nEnd of the table.\n", table},
		{"headless.org", "#+TITLE: Tides\n\n| Monday | 06:40 |\n| Friday | 09:10 |\n\nEnd of the table.\n",
			"<table><tr><td>Monday</td><td>06:40</td></tr><tr><td>Friday</td><td>09:10</td></tr></table>"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			want := append(slices.Clone(rows), "End of the table.")
			if tt.file == "headless.org" {
				want = append(slices.Clone(rows[1:]), "End of the table.")
			}
			checkBlocks(t, tt.file, tt.src, []string{tt.html}, want)
		})
	}
}

// Footnotes and definition lists in each markup read by its own
// structure come out as a Markdown document's: the reference a
// superscript number linked to its note, numbered in the order the text
// refers to them, the notes in a list after the story, a term and its
// description a definition list; in the paragraphs, the reference leaves
// the sentence and each note, term and description is one.
func TestMarkupNotesAndTerms(t *testing.T) {
	paras := []string{
		"The keeper logs every tide and every passing ship.",
		"Spring tide", "The largest range.", "Neap tide", "The smallest range.",
		"The log ends here.",
		"Twice a day.", "Mostly trawlers.",
	}
	html := []string{
		`tide<sup id="fnref:1"><a href="#fn:1" rel="nofollow">1</a></sup> and every passing ship<sup id="fnref:2"><a href="#fn:2" rel="nofollow">2</a></sup>.</p>`,
		"<dl><dt>Spring tide</dt>\n<dd>The largest range.</dd>\n<dt>Neap tide</dt>\n<dd>The smallest range.</dd></dl>",
		"<p>The log ends here.</p>",
		`<div><hr><ol><li id="fn:1"><p>Twice a day. <a href="#fnref:1" rel="nofollow">↩︎</a></p></li>`,
		`<li id="fn:2"><p>Mostly trawlers. <a href="#fnref:2" rel="nofollow">↩︎</a></p></li>`,
	}
	tests := []struct{ file, src string }{
		{"auto.rst", "Tides\n=====\n\nThe keeper logs every tide [#]_ and every passing ship [#]_.\n\n" +
			"Spring tide\n   The largest range.\n\nNeap tide\n   The smallest range.\n\nThe log ends here.\n\n.. [#] Twice a day.\n.. [#] Mostly\n   trawlers.\n"},
		{"labels.rst", "Tides\n=====\n\nThe keeper logs every tide [#tide]_ and every passing ship [Ships]_.\n\n" +
			"Spring tide\n   The largest range.\nNeap tide\n   The smallest range.\n\nThe log ends here.\n\n" +
			".. [SHIPS] Mostly trawlers.\n.. [#tide] Twice a day.\n.. [9] A note nothing refers to.\n"},
		{"inline.adoc", "= Tides\n\nThe keeper logs every tide{empty}footnote:[Twice a day.] and every passing ship{empty}footnote:ships[Mostly trawlers.].\n\n" +
			"Spring tide:: The largest range.\nNeap tide::\nThe smallest range.\n\nThe log ends here.\n"},
		{"named.org", "#+TITLE: Tides\n\nThe keeper logs every tide[fn:: Twice a day.] and every passing ship[fn:ships].\n\n" +
			"- Spring tide :: The largest range.\n- Neap tide :: The smallest range.\n\nThe log ends here.\n\n* Notes\n\n[fn:ships] Mostly /trawlers/.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := Parse(tt.file, []byte(tt.src), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			want, wantHTML := paras, slices.Concat(html, []string{"</ol></div>"})
			switch tt.file {
			case "named.org":
				// Org keeps the heading its notes stand under.
				want = slices.Insert(slices.Clone(paras), 6, "Notes")
			case "labels.rst":
				// docutils prints a footnote nothing refers to, after
				// the others here, with no link back.
				want = append(slices.Clone(paras), "A note nothing refers to.")
				wantHTML = slices.Concat(html, []string{`<li id="fn:3"><p>A note nothing refers to.</p></li></ol></div>`})
			}
			if !slices.Equal(a.BodyParagraphs, want) {
				t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, want)
			}
			htmlInOrder(t, a.BodyHTML, wantHTML)
		})
	}
}

// A reference to a note the document does not have stays as written,
// and a reference by a simple name leaves its name.
func TestMarkupNoteWithoutText(t *testing.T) {
	tests := []struct{ file, src, want string }{
		{"a.rst", "Tides\n=====\n\nSee [7]_ and the harbour_ office.\n", "See [7]_ and the harbour office."},
		{"a.org", "#+TITLE: Tides\n\nSee[fn:7] the office.\n", "See[fn:7] the office."},
		{"a.adoc", "= Tides\n\nSee footnote:seven[] the office.\n", "See the office."},
	}
	for _, tt := range tests {
		a, err := Parse(tt.file, []byte(tt.src), goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(a.BodyParagraphs, []string{tt.want}) {
			t.Errorf("%s: paragraphs %q, want %q", tt.file, a.BodyParagraphs, tt.want)
		}
		if strings.Contains(a.BodyHTML, "<sup") {
			t.Errorf("%s: a reference to no note is linked:\n%s", tt.file, a.BodyHTML)
		}
	}
}

// A list inside a list item stays inside it: the items by their indent
// (Org, reST) or their marks (AsciiDoc's "**").
func TestMarkupNestedLists(t *testing.T) {
	list := "<ul><li>Monday\n<ul><li>morning shift</li>\n<li>evening shift\n<ul><li>lamps</li></ul></li></ul></li>\n<li>Tuesday</li></ul>"
	tests := []struct{ file, src string }{
		{"shifts.rst", "Shifts\n======\n\n- Monday\n\n  - morning shift\n  - evening shift\n\n    - lamps\n\n- Tuesday\n\nEnd of the list.\n"},
		{"shifts.adoc", "= Shifts\n\n* Monday\n** morning shift\n** evening shift\n*** lamps\n* Tuesday\n\nEnd of the list.\n"},
		{"shifts.org", "#+TITLE: Shifts\n\n- Monday\n  - morning shift\n  - evening shift\n    + lamps\n- Tuesday\n\nEnd of the list.\n"},
		// An item two levels deeper than the one above it is one level
		// deeper: every list opened closes.
		{"jump.adoc", "= Shifts\n\n* Monday\n** morning shift\n** evening shift\n**** lamps\n* Tuesday\n\nEnd of the list.\n"},
	}
	want := []string{"Monday", "morning shift", "evening shift", "lamps", "Tuesday", "End of the list."}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) { checkBlocks(t, tt.file, tt.src, []string{list}, want) })
	}
}

// A numbered list is an ordered list, a bulleted one inside it stays
// inside it, and lines that break where they end (a reST line block, an
// AsciiDoc verse or " +", an Org verse or "\\") keep their breaks: <br>
// in the HTML, a line break in the paragraph, as in Markdown.
func TestMarkupOrderedListsAndBreaks(t *testing.T) {
	list := "<ol><li>Cast off\n<ul><li>bow line</li>\n<li>stern line</li></ul></li>\n<li>Clear the pier</li></ol>"
	verse := "<p>The harbour is grey,<br>\n\u00a0\u00a0the boats are away.</p>"
	tests := []struct{ file, src string }{
		{"steps.rst", "Steps\n=====\n\n1. Cast off\n\n   - bow line\n   - stern line\n\n2. Clear the pier\n\n" +
			"| The harbour is grey,\n|   the boats\n    are away.\n\nEnd.\n"},
		{"auto.rst", "Steps\n=====\n\n#. Cast off\n\n   * bow line\n   * stern line\n\n#. Clear the pier\n\n" +
			"| The harbour is grey,\n|   the boats are away.\n|\n\nEnd.\n"},
		{"steps.adoc", "= Steps\n\n. Cast off\n** bow line\n** stern line\n. Clear the pier\n\n" +
			"[verse, Ines Duarte]\n____\nThe harbour is grey,\n{nbsp}{nbsp}the boats are away.\n____\n\nEnd.\n"},
		{"plus.adoc", "= Steps\n\n1. Cast off\n** bow line\n** stern line\n2. Clear the pier\n\n" +
			"The harbour is grey, +\n{nbsp}{nbsp}the boats are away.\n\nEnd.\n"},
		{"steps.org", "#+TITLE: Steps\n\n1. Cast off\n   - bow line\n   - stern line\n2. Clear the pier\n\n" +
			"  #+BEGIN_VERSE\n  The harbour is grey,\n    the boats are away.\n  #+END_VERSE\n\nEnd.\n"},
		{"break.org", "#+TITLE: Steps\n\n1) Cast off\n   + bow line\n   + stern line\n2) Clear the pier\n\n" +
			"The harbour is grey, \\\\\n\\nbsp{}\\nbsp{}the boats are away.\n\nEnd.\n"},
	}
	want := []string{"Cast off", "bow line", "stern line", "Clear the pier", "The harbour is grey,\n\u00a0\u00a0the boats are away.", "End."}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) { checkBlocks(t, tt.file, tt.src, []string{list, verse, "<p>End.</p>"}, want) })
	}
}

// A listing's callouts read as Asciidoctor shows them, "(1)" without the
// comment before them, and the callout list under it is a numbered list.
func TestAsciiDocCallouts(t *testing.T) {
	src := "= Tide script\n\nThe script reads the table.\n\n[source,python]\n----\nrows = read(\"tides.csv\")  # <1>\nfor r in rows: <2> <3>\n    print(r) // <.>\n<tide/> <!--4-->\nlist<int> <5>\n----\n" +
		"<1> Read the table.\n<2> Each row\n<3> once.\n\nThe end.\n"
	code := "rows = read(\"tides.csv\") (1)\nfor r in rows: (2) (3)\n    print(r) (1)\n<tide/> (4)\nlist<int> (5)"
	checkBlocks(t, "tides.adoc", src, []string{"<ol><li>Read the table.</li>\n<li>Each row</li>\n<li>once.</li></ol>"},
		[]string{"The script reads the table.", code, "Read the table.", "Each row", "once.", "The end."})
	// A callout list right under a numbered list is a list of its own,
	// as Asciidoctor prints it, not more of the steps.
	src = "= Gate\n\n. Unlock the gate\n. Open it\n<1> The key is under the stone.\n\nThe end.\n"
	checkBlocks(t, "gate.adoc", src, []string{"<ol><li>Unlock the gate</li>\n<li>Open it</li>\n</ol><ol><li>The key is under the stone.</li></ol>"},
		[]string{"Unlock the gate", "Open it", "The key is under the stone.", "The end."})
}

// checkBlocks parses src as file and checks that its body HTML holds
// each of html and that its paragraphs are paras.
func checkBlocks(t *testing.T, file, src string, html, paras []string) {
	t.Helper()
	a, err := Parse(file, []byte(src), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range html {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if !slices.Equal(a.BodyParagraphs, paras) {
		t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, paras)
	}
}

// A numbered list that starts past one keeps its first number, in every
// format; one that counts itself ("#.", AsciiDoc's ".") starts at one.
func TestNumberedListsKeepTheirStart(t *testing.T) {
	list := "<ol start=\"3\"><li>Lock the gate</li>\n<li>Leave the key</li></ol>"
	tests := []struct{ file, src, html string }{
		{"gate.md", "# Gate\n\n3. Lock the gate\n4. Leave the key\n\nEnd.\n", "<ol start=\"3\">\n<li>Lock the gate</li>\n<li>Leave the key</li>\n</ol>"},
		{"gate.rst", "Gate\n====\n\n3. Lock the gate\n4. Leave the key\n\nEnd.\n", list},
		{"gate.org", "#+TITLE: Gate\n\n3) Lock the gate\n4) Leave the key\n\nEnd.\n", list},
		{"gate.adoc", "= Gate\n\n3. Lock the gate\n4. Leave the key\n\nEnd.\n", list},
		{"auto.rst", "Gate\n====\n\n#. Lock the gate\n#. Leave the key\n\nEnd.\n", "<ol><li>Lock the gate</li>"},
		{"auto.adoc", "= Gate\n\n. Lock the gate\n. Leave the key\n\nEnd.\n", "<ol><li>Lock the gate</li>"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			checkBlocks(t, tt.file, tt.src, []string{tt.html}, []string{"Lock the gate", "Leave the key", "End."})
		})
	}
}
