package boilerplate

// Tables in a plain-text scrape are a column of short cells, one per line:
// "Pos.", "Driver", "Points", "1", "Kyle Busch", "5040", ... They hold no
// function words and score as menus, but when the article's last line
// leads into them ("Final standings after 36 races:") they are its end.

// Table shape: cells are short and not sentences (an abbreviation such as
// "Pos." may end in a period); a block is a table when
// enough of its cells are numbers.
const (
	maxCellRunes     = 40
	minTableCells    = 6
	minNumericShare  = 0.3
	maxTableHeadRows = 12 // header cells before the first number
)

// isCell reports whether line i can be a table cell.
func (p *page) isCell(i int) bool {
	f := p.feats[i]
	return f.runes <= maxCellRunes && (!f.endsSent || f.words <= 3) && !f.comment && f.kind != kindCopyright && f.kind != kindShare &&
		f.kind != kindCommentForm
}

// tableAfter returns one past the table that the article's last line
// introduces, or end when there is none: the line before end must end in a
// colon, and the cells after it must hold enough numbers.
func (p *page) tableAfter(end int) int {
	if end == 0 || end >= len(p.lines) || !p.feats[end-1].colonEnd {
		return end
	}
	j, nums, firstNum := end, 0, -1
	for j < len(p.lines) && p.isCell(j) {
		if firstNum >= 0 && p.feats[j].kind == kindNavigation {
			break // "Contact us" after the rows: the footer
		}
		if p.feats[j].numeric {
			nums++
			if firstNum < 0 {
				firstNum = j
			}
		}
		j++
	}
	cells := j - end
	if cells < minTableCells || firstNum < 0 || firstNum-end > maxTableHeadRows ||
		float64(nums) < minNumericShare*float64(cells) {
		return end
	}
	return j
}
